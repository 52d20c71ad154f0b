"""Reads of the commitments, their records and checks, for pages, reports and the early warning.

A commitment's rate in a period is the share of the verified records dated in it (a consultation by the day
it opened, a funding decision by the day it was decided, but its notice of an ending or cut by the day notice
was given) that met it, out of those whose result is known:
met, not met or explained. "Not known yet" is counted but left out of the share; a rate says what it stands on
and is marked incomplete when more than a fifth of its records are not known (``commitments.rates``).
"""

import calendar
import datetime
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce

from signatories.models import Compact, Organisation
from signatories.roles import CHAMPION, has_role, is_officer
from success_factors.percentages import percent

from .checks import corresponding_day
from .models import Check, Commitment, Consultation, FundingDecision, Record, RecordKind, RecordStatus, Result
from .rates import is_incomplete, rate_summary

Records = QuerySet[Consultation] | QuerySet[FundingDecision]

MODELS: dict[str, type[Consultation] | type[FundingDecision]] = {
    RecordKind.CONSULTATION: Consultation,
    RecordKind.FUNDING: FundingDecision,
}
PERIODS = ("current", "previous")
RESULTS = tuple(Result.values)
NOT_MET_LISTED = 50
WARN_MONTHS = 4
CLOSING_SOON_DAYS = 28
CLOSING_SOON_LISTED = 10


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    start: datetime.date
    end: datetime.date

    @property
    def previous(self) -> tuple[datetime.date, datetime.date]:
        """The period of the same length just before this one (whole months stay whole months)."""
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        whole = self.start.day == 1 and self.end.day == calendar.monthrange(self.end.year, self.end.month)[1]
        if whole:
            return corresponding_day(self.start, -months), self.start - datetime.timedelta(days=1)
        days = (self.end - self.start).days + 1
        return self.start - datetime.timedelta(days=days), self.start - datetime.timedelta(days=1)


def twelve_months_to(day: datetime.date) -> Period:
    """The 12 months that end on ``day``: the commitments page's default period, and the public site's."""
    return Period("12-months", "The last 12 months", corresponding_day(day, -12) + datetime.timedelta(days=1), day)


def periods_for(today: datetime.date) -> list[Period]:
    """The periods the commitments page offers, the default first."""
    quarter_start = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last_quarter_start = corresponding_day(quarter_start, -3)
    year_start = datetime.date(today.year if today.month >= 4 else today.year - 1, 4, 1)
    return [
        twelve_months_to(today),
        Period("quarter", "The last full quarter", last_quarter_start, quarter_start - datetime.timedelta(days=1)),
        Period(
            "financial-year",
            "The last financial year",
            corresponding_day(year_start, -12),
            year_start - datetime.timedelta(days=1),
        ),
    ]


def period_named(key: str, today: datetime.date) -> Period:
    options = periods_for(today)
    return next((period for period in options if period.key == key), options[0])


def commitments_in_force() -> QuerySet[Commitment]:
    return Commitment.objects.filter(retired_on__isnull=True).select_related("factor")


def visible_records(kind: str, *, user: User, compact: Compact | None) -> Records:
    """The records of ``kind`` this person may read: officers all; others the verified ones, and a champion
    also those they reported."""
    records = MODELS[kind].objects.filter(compact=compact)
    if is_officer(user):
        return records
    shown = Q(status=RecordStatus.VERIFIED)
    if has_role(user, CHAMPION):
        shown |= Q(reported_by=user)
    return records.filter(shown)


def _check_count(field, result):
    checks = Check.objects.filter(**{field: OuterRef("pk")}, result=result).order_by().values(field)
    return Coalesce(Subquery(checks.annotate(n=Count("pk")).values("n")), 0)


def for_listing(records: Records) -> Records:
    """Records with their body and how many of their checks each result has, in a fixed number of queries.

    Counted by a subquery for each row shown rather than a join grouped over every record, so a page of 25
    costs the same with 5,000 records."""
    field = records.model.kind_field
    # Both kinds of record declare an ordering in their Meta, which the stubs type as optional.
    return (
        records.select_related("body")
        .annotate(**{f"n_{result}": _check_count(field, result) for result in RESULTS})
        .order_by(*records.model._meta.ordering)  # type: ignore[misc]
    )


def waiting_count(*, compact: Compact | None) -> int:
    """Records champions reported that wait for an officer."""
    if compact is None:
        return 0
    waiting = [
        model.objects.filter(compact=compact, status=RecordStatus.REPORTED).values("pk").order_by()
        for model in MODELS.values()
    ]
    return waiting[0].union(waiting[1], all=True).count()


def checks_of(record: Record) -> QuerySet[Check]:
    return record.checks.select_related("commitment", "commitment__factor", "accepted_by").order_by(
        "commitment__order", "commitment_id"
    )


def _counts(row, period):
    counts = {result: row.get(f"{result}_{period}") or 0 for result in RESULTS}
    known = counts[Result.MET] + counts[Result.NOT_MET] + counts[Result.EXPLAINED]
    counts["checked"] = known + counts[Result.UNKNOWN]
    counts["known"] = known
    counts["rate"] = percent(counts[Result.MET], known)
    counts["incomplete"] = is_incomplete(counts)
    counts["summary"] = rate_summary(counts)
    return counts


Span = tuple[datetime.date, datetime.date]
Counts = dict[int, Counter[str]]


def _period_results(compact: Compact | None, periods: dict[str, Span]) -> tuple[Counts, Counts]:
    """How many verified checks had each result in each period, by commitment and by statutory body:
    ``{commitment id: {"met_current": n, …}}`` and ``{body id: {…}}``, only those with a check in a period.

    One query: the verified checks dated from the earliest start to the latest end, counted by commitment and body
    with a count for each period and result; PostgreSQL reads them from the index on the checks' compact, whether
    verified, date, commitment, body and result (``check_rates_idx``) and never the checks' rows."""
    # Counting "result", a column of the index, rather than the primary key, which is not in it.
    counted = {
        f"{result}_{period}": Count("result", filter=Q(dated_on__range=span, result=result))
        for period, span in periods.items()
        for result in RESULTS
    }
    earliest, latest = min(start for start, _ in periods.values()), max(end for _, end in periods.values())
    rows = (
        Check.objects.filter(compact=compact, verified=True, dated_on__range=(earliest, latest))
        .order_by()
        .values("commitment_id", "body_id")
        .annotate(**counted)
        .values_list("commitment_id", "body_id", *counted)
    )
    by_commitment: Counts = defaultdict(Counter)
    by_body: Counts = defaultdict(Counter)
    for commitment, body, *counts in rows:
        if any(counts):  # checks dated between two periods that are not side by side count in neither
            by_commitment[commitment].update(dict(zip(counted, counts, strict=False)))
            by_body[body].update(dict(zip(counted, counts, strict=False)))
    return dict(by_commitment), dict(by_body)


def _checks_in(compact, period):
    start, end = period
    return Check.objects.filter(compact=compact, verified=True, dated_on__gte=start, dated_on__lte=end)


def _not_met_row(check):
    record = check.record
    return {
        "kind": record.kind,
        "kind_label": "Consultation" if record.kind == RecordKind.CONSULTATION else "Funding decision",
        "id": record.pk,
        "title": str(record),
        "body": check.body.name,
        "commitment": check.commitment.title,
        "why": check.why,
        "dated_on": check.dated_on.isoformat(),
    }


def _commitment_row(commitment, counts):
    return {
        "id": commitment.pk,
        "title": commitment.title,
        "description": commitment.description,
        "factor": commitment.factor.number,
        "kind": commitment.kind,
        "rule": commitment.rule,
        "threshold": commitment.threshold,
        "unit": commitment.unit,
        "is_local": commitment.is_local,
        "in_force": commitment.is_active,
        **{period: _counts(counts, period) for period in PERIODS},
    }


def commitment_results(*, compact: Compact | None, periods: dict[str, Span]) -> dict[str, Any]:
    """Each commitment's results in each period (``{"current": (start, end), "previous": (start, end)}``), with
    what the commitment says and how it is checked, each statutory body's results, and the total. Commitments in
    force, and retired ones that checked a record in either period. No record is named, so the public site and
    the API can show all of it. JSON-ready. Three queries, however many records there are."""
    by_commitment, by_body = _period_results(compact, periods)
    commitments = [
        c
        for c in Commitment.objects.select_related("factor").order_by("order", "id")
        if c.is_active or c.pk in by_commitment
    ]
    names = Organisation.objects.filter(pk__in=by_body).order_by("name", "pk").values_list("pk", "name")
    bodies = [
        {"id": pk, "name": name, **{period: _counts(by_body[pk], period) for period in PERIODS}} for pk, name in names
    ]
    every: Counter[str] = Counter()
    for counts in by_commitment.values():
        every.update(counts)
    return {
        "commitments": [_commitment_row(c, by_commitment.get(c.pk, {})) for c in commitments],
        "bodies": bodies,
        "total": {period: _counts(every, period) for period in PERIODS},
    }


# What a report keeps of each commitment: its snapshot stays as it was before the rows described the commitment.
REPORTED_KEYS = ("id", "title", "factor", "kind", *PERIODS)


def commitment_rates(*, compact: Compact | None, periods: dict[str, Span]) -> dict[str, Any]:
    """``commitment_results``, and the verified records that did not meet a commitment in the current period
    (the first few, newest first): what the commitments page shows and a report keeps. Four queries."""
    results = commitment_results(compact=compact, periods=periods)
    rows = [{key: row[key] for key in REPORTED_KEYS} for row in results["commitments"]]
    missed = _checks_in(compact, periods["current"]).filter(result=Result.NOT_MET)
    listed = missed.select_related("commitment", "body", "consultation", "funding_decision").order_by(
        "-dated_on", "-id"
    )[:NOT_MET_LISTED]
    return {
        "commitments": rows,
        "bodies": results["bodies"],
        "total": results["total"],
        "not_met": [_not_met_row(check) for check in listed],
        "not_met_count": sum(row["current"][Result.NOT_MET] for row in rows),
    }


def funding_ending_without_notice(
    *, compact: Compact | None, today: datetime.date, months: int = WARN_MONTHS, counted: bool = False
) -> QuerySet[FundingDecision]:
    """Funding that ends within ``months`` of ``today`` with no notice recorded: the officers' early warning.

    Written for the home page and for the email job to call as it is (issue #12). ``counted`` adds ``total``
    (how many there are in all) to each row, so a page can list the first few and count them in one query."""
    if compact is None:
        return FundingDecision.objects.none()
    ending = (
        FundingDecision.objects.filter(
            compact=compact,
            ends_on__gte=today,
            ends_on__lte=corresponding_day(today, months),
            notice_given_on__isnull=True,
        )
        .select_related("body")
        .order_by("ends_on", "id")
    )
    return ending.annotate(total=Window(Count("pk"))) if counted else ending


def consultations_closing_soon(
    *, records: QuerySet[Consultation], today: datetime.date, days: int = CLOSING_SOON_DAYS, counted: bool = False
) -> QuerySet[Consultation]:
    """Consultations among ``records`` still open that close within ``days`` of ``today``, soonest first.
    ``counted`` adds ``total`` (how many there are in all) to each row, so a page can list the first few and count
    them in one query."""
    closing = (
        records.filter(opened_on__lte=today, closes_on__gte=today, closes_on__lte=today + datetime.timedelta(days=days))
        .select_related("body")
        .order_by("closes_on", "id")
    )
    return closing.annotate(total=Window(Count("pk"))) if counted else closing


def _id(value):
    """A record id from a query string, or None for anything that is not a plain positive number."""
    return int(value) if value and value.isascii() and value.isdigit() and len(value) < 12 else None


def concern_about(params: Mapping[str, str], *, user: User, compact: Compact | None) -> dict[str, Any] | None:
    """What a concern raised from a record that missed a commitment starts with: the record, a title, the check's
    reason, the commitment's factor and the statutory body. ``params`` is the query (``consultation`` or
    ``funding``, and ``check``); None when it names no record this person may see."""
    for kind in (RecordKind.CONSULTATION, RecordKind.FUNDING):
        pk = _id(params.get(kind))
        if pk is None:
            continue
        record = visible_records(kind, user=user, compact=compact).select_related("body").filter(pk=pk).first()
        if record is None:
            return None
        check = record.checks.select_related("commitment__factor").filter(pk=_id(params.get("check"))).first()
        check = check or record.checks.select_related("commitment__factor").filter(result=Result.NOT_MET).first()
        about: dict[str, Any] = {
            "record": record,
            "organisations": [record.body],
            "title": str(record)[:200],
            "details": "",
        }
        if check is not None:
            about.update(
                title=f"{check.commitment.title} not met: {record}"[:200],
                details=f"{record.body.name}, {record}: {check.why}",
                factor=check.commitment.factor,
            )
        return about
    return None


def funding_programmes(*, compact: Compact | None) -> list[str]:
    """The grant programmes of a compact's funding decisions (from 360Giving files), by name."""
    return list(
        FundingDecision.objects.filter(compact=compact)
        .exclude(programme="")
        .order_by("programme")
        .values_list("programme", flat=True)
        .distinct()
    )


def funding_in_programme(*, compact: Compact | None, programme: str) -> QuerySet[FundingDecision]:
    return FundingDecision.objects.filter(compact=compact, programme=programme).order_by("id")
