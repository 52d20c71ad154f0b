"""What the API reads. Like the public site it never gives a concern, a single self-assessment, a draft win
or report, or anyone's email or phone; champions' names only to a token allowed to see them."""

import datetime
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery

from commitments.selectors import Span, commitment_results
from compact_site.reporting.committees.models import Recommendation
from compact_site.reporting.models import Report, ReportStatus
from signatories import caching
from signatories.models import Champion, Compact, Organisation, Signature
from success_factors.models import Action
from wins.models import Win, WinStatus

from ..accounts.models import hash_token
from ..public.selectors import scores_by_round
from .models import ApiToken

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class FrozenParts(TypedDict):
    """The parts of a published report's snapshot that ``published_reports`` reads out in the database."""

    frozen_figures: dict[str, Any] | None
    frozen_commentary: dict[str, Any] | None
    frozen_highlights: list[dict[str, Any]] | None


def token_for(key: str | None) -> ApiToken | None:
    """The active token whose key this is, or None (one query, by the key's hash)."""
    if not key:
        return None
    return ApiToken.objects.filter(token_hash=hash_token(key), revoked_at__isnull=True).first()


def tokens() -> QuerySet[ApiToken]:
    return ApiToken.objects.select_related("created_by", "revoked_by")


def _dates(queryset, field, date_from, date_to):
    if date_from:
        queryset = queryset.filter(**{f"{field}__gte": date_from})
    if date_to:
        queryset = queryset.filter(**{f"{field}__lte": date_to})
    return queryset


def organisations(
    *, compact: Compact, date_from: datetime.date | None = None, date_to: datetime.date | None = None
) -> QuerySet[Organisation]:
    """Organisations with their latest signature of ``compact`` (``latest_signed_on``, ``latest_withdrawn_on``).

    The dates filter on the date of that signature.
    """
    latest = Signature.objects.filter(compact=compact, organisation=OuterRef("pk")).order_by("-signed_on", "-id")
    queryset = Organisation.objects.annotate(
        latest_signed_on=Subquery(latest.values("signed_on")[:1]),
        latest_withdrawn_on=Subquery(latest.values("withdrawn_on")[:1]),
    ).only("id", "name", "sector", "kind", "charity_number", "company_number", "website")
    return _dates(queryset, "latest_signed_on", date_from, date_to)


def champion_counts(*, with_names: bool = False) -> QuerySet[Organisation]:
    """Organisations with ``active_champions`` counted; with names, ``active_list`` holds their champions."""
    queryset = Organisation.objects.annotate(
        active_champions=Count("champions", filter=Q(champions__stood_down_on__isnull=True))
    ).only("id", "name")
    if with_names:
        active = Champion.objects.filter(stood_down_on__isnull=True).only(
            "id", "name", "organisation_id", "appointed_on"
        )
        queryset = queryset.prefetch_related(
            Prefetch("champions", queryset=active.order_by("name"), to_attr="active_list")
        )
    return queryset


def published_wins(
    *, compact: Compact, date_from: datetime.date | None = None, date_to: datetime.date | None = None
) -> QuerySet[Win]:
    """Published wins (whether or not shown on the public site: the token is an officer's choice), by date happened."""
    queryset = (
        Win.objects.filter(compact=compact, status=WinStatus.PUBLISHED)
        .prefetch_related(
            Prefetch("factors"), Prefetch("organisations", queryset=Organisation.objects.only("id", "name"))
        )
        .defer("search_vector", "return_note")
    )
    return _dates(queryset, "happened_on", date_from, date_to)


def actions(
    *, compact: Compact, date_from: datetime.date | None = None, date_to: datetime.date | None = None
) -> QuerySet[Action]:
    """The action plan, by due date. Owners appear as organisations only, never as people."""
    queryset = Action.objects.filter(compact=compact).select_related("factor", "owner_organisation")
    return _dates(queryset, "due_on", date_from, date_to)


def recommendations(
    *, compact: Compact, date_from: datetime.date | None = None, date_to: datetime.date | None = None
) -> QuerySet[Recommendation]:
    """The committees' recommendations with their committee and the organisation that must respond."""
    queryset = Recommendation.objects.filter(committee__compact=compact).select_related(
        "committee", "responder_organisation"
    )
    return _dates(queryset, "made_on", date_from, date_to)


def published_reports(
    *, compact: Compact, date_from: datetime.date | None = None, date_to: datetime.date | None = None
) -> "QuerySet[WithAnnotations[Report, FrozenParts]]":
    """Published and superseded reports (never drafts), by the end of their period, with the parts of their
    snapshot the API gives (``frozen_figures``, ``frozen_commentary``, ``frozen_highlights``) read out of it in
    the database: a snapshot's charts are larger than its figures, and decoding every one cost most of a page."""
    queryset = (
        Report.objects.filter(compact=compact, status__in=[ReportStatus.PUBLISHED, ReportStatus.SUPERSEDED])
        .defer("draft_figures", "snapshot")
        .annotate(
            frozen_figures=F("snapshot__figures"),
            frozen_commentary=F("snapshot__commentary"),
            frozen_highlights=F("snapshot__highlighted_wins"),
        )
    )
    return _dates(queryset, "period_end", date_from, date_to)


def report_figures(report: "WithAnnotations[Report, FrozenParts]") -> dict[str, Any]:
    """A published report's frozen figures, without the names of the people who endorsed the Compact."""
    figures = dict(report.frozen_figures or {})
    endorsements = dict(figures.get("endorsements", {}))
    if "in_period" in endorsements:
        endorsements["in_period"] = [
            {key: value for key, value in row.items() if key != "name"} for row in endorsements["in_period"]
        ]
        figures["endorsements"] = endorsements
    return figures


def rounds(*, compact: Compact) -> list[dict[str, Any]]:
    """Each self-assessment round with its partnership score per factor, oldest first.

    Adding up every round's scores grows with the assessments, so the answer is cached until a score, a factor
    or the register changes (``signatories.caching``)."""
    return caching.cached(
        f"api-rounds:{getattr(compact, 'pk', None)}",
        [caching.SCORES, caching.REGISTER, caching.FACTORS],
        lambda: _rounds(compact=compact),
    )


def _rounds(*, compact):
    by_round = {}
    for row in scores_by_round(compact=compact):
        entry = by_round.setdefault(row["round"], {"round": row["round"], "organisations_responded": 0, "factors": []})
        entry["organisations_responded"] = max(entry["organisations_responded"], row["organisations_responded"])
        entry["factors"].append(
            {key: row[key] for key in ("factor_number", "factor_title", "score", "organisations_scored")}
        )
    return list(by_round.values())


def commitments(*, compact: Compact, periods: dict[str, Span]) -> dict[str, Any]:
    """Each commitment's results for the verified records dated in each period (``{"current": (start, end),
    "previous": (start, end)}``), with each statutory body's. Never a record's title or anyone's name.

    Counting every check of two periods grows with the area, so the answer is cached, as the commitments page
    is, until a record, a check, a commitment or the register (the bodies' names) changes
    (``signatories.caching``)."""
    (start, end), (previous_start, previous_end) = periods["current"], periods["previous"]
    results = caching.cached(
        f"api-commitments:{getattr(compact, 'pk', None)}:{start}:{end}:{previous_start}:{previous_end}",
        [caching.COMMITMENTS, caching.REGISTER, caching.FACTORS],
        lambda: commitment_results(compact=compact, periods=periods),
    )
    return {
        "period": {"start": start, "end": end},
        "previous_period": {"start": previous_start, "end": previous_end},
        "results": [{"factor_number": row["factor"], **row} for row in results["commitments"]],
        "bodies": results["bodies"],
        "next_cursor": None,
    }
