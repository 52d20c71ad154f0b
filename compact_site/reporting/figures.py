"""Every figure of an LSP report, for a period and the previous period of the same length.

``figures`` returns plain, JSON-ready data (numbers, strings, lists and dicts), so a published report
can store it as it is. Each count that has a comparison is ``{"current": n, "previous": n}``.

Rules, so the numbers can be checked by hand:
- a period runs from its first to its last day, both included;
- an organisation is an active signatory at a date when it signed on or before that date and had not
  withdrawn by then (withdrawing on the date itself ends it); champions likewise by appointment and
  standing down;
- a win counts in the period it was published in (its ``published_at``, by local date);
- the factor scores are the partnership results of the latest round with a self-assessment submitted
  by the end of the period, compared with the round before (``success_factors.selectors``); as on the
  results page, the response rate is out of today's signatories;
- actions are counted as they stand today: the plan has no history of when an action was done;
- commitments count the verified consultations and funding decisions dated in each period, as the
  commitments page does (``commitments.selectors.commitment_rates``);
- representation counts the sector's seats as they stood at the end of each period, and the meetings held in it
  at which the sector had a representative (``representation.selectors.representation_figures``);
- resourcing compares the pledges of the financial year the period ends in with the year before
  (``signatories.pledges.selectors.pledge_figures``);
- scrutiny counts the committees' recommendations made in each period, those responded to in it, and those still
  open (and overdue) at its end (``compact_site.reporting.committees.selectors.scrutiny_figures``).

The number of queries is the same however much data there is.
"""

from django.db.models import Count, Exists, Min, OuterRef, Q
from django.utils import timezone

from commitments.selectors import commitment_rates
from representation.selectors import representation_figures
from signatories.models import Champion, EndorsementKind, Organisation, Sector, Signature
from signatories.pledges.selectors import pledge_figures
from success_factors.models import OPEN_STATUSES, Action, ActionStatus, Assessment, AssessmentStatus, Factor
from success_factors.percentages import percent
from success_factors.selectors import overdue_q, partnership_results
from wins.concerns.selectors import CONCERN_DATES, concern_counts
from wins.models import Win, WinStatus
from wins.selectors import published_wins

from .committees.selectors import scrutiny_figures
from .periods import period_dates, period_label, previous_period, timestamp_range

PERIODS = ("current", "previous")
ENDORSEMENTS_LISTED = 20


def figures(compact, start, end):
    """The figures of a report on ``compact`` for ``start`` to ``end`` (dates, both included)."""
    previous_start, previous_end = previous_period(start, end)
    periods = {"current": (start, end), "previous": (previous_start, previous_end)}
    all_rounds, round_name = rounds_as_at(compact, end)
    results = partnership_results(compact=compact, round_name=round_name, all_rounds=all_rounds) if round_name else None
    factor_list = [result.factor for result in results.factors] if results else list(Factor.objects.order_by("number"))
    coverage = champion_coverage(compact, periods)
    return {
        "period": _period(start, end),
        "previous_period": _period(previous_start, previous_end),
        "signatories": signatory_figures(compact, periods, coverage),
        "champions": champion_figures(periods, coverage),
        "endorsements": endorsement_figures(compact, periods),
        "factors": factor_figures(results, factor_list),
        "wins": win_figures(compact, periods, factor_list),
        "actions": action_figures(compact, factor_list),
        "concerns": concern_figures(compact, periods, factor_list),
        "commitments": commitment_figures(compact, periods),
        "representation": representation_figures(compact=compact, periods=periods),
        "resourcing": pledge_figures(compact=compact, periods=periods),
        "scrutiny": scrutiny_figures(compact=compact, periods=periods),
    }


def _period(start, end):
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "label": period_label(start, end),
        "dates": period_dates(start, end),
        "days": (end - start).days + 1,
    }


def _pair(row, name):
    return {period: row.get(f"{name}_{period}") or 0 for period in PERIODS}


def _total(pairs):
    return {period: sum(pair[period] for pair in pairs) for period in PERIODS}


def _factor(factor):
    return {"number": factor.number, "title": factor.title}


def _in(field, start, end):
    return Q(**{f"{field}__gte": start, f"{field}__lte": end})


def _held_on(day, began, ended):
    """Q for a row in force on ``day``: it began on or before it and had not ended by then."""
    return Q(**{f"{began}__lte": day}) & (Q(**{f"{ended}__isnull": True}) | Q(**{f"{ended}__gt": day}))


def signatory_figures(compact, periods, coverage):
    """Active signatories at the end of each period by sector, who joined and who withdrew, and (from
    ``coverage``) those with no active champion at the end. One query."""
    counts = {}
    for period, (start, end) in periods.items():
        active = _held_on(end, "signed_on", "withdrawn_on")
        counts[f"active_{period}"] = Count("organisation", distinct=True, filter=active)
        counts[f"joined_{period}"] = Count("organisation", distinct=True, filter=_in("signed_on", start, end))
        counts[f"withdrawn_{period}"] = Count("organisation", distinct=True, filter=_in("withdrawn_on", start, end))
    signatures = Signature.objects.filter(compact=compact).values("organisation__sector")
    rows = {row["organisation__sector"]: row for row in signatures.annotate(**counts).order_by()}
    by_sector = [
        {"sector": value, "label": label, **_pair(rows.get(value, {}), "active")} for value, label in Sector.choices
    ]
    return {
        "active": _total(by_sector),
        "by_sector": by_sector,
        "joined": _total([_pair(row, "joined") for row in rows.values()]),
        "withdrawn": _total([_pair(row, "withdrawn") for row in rows.values()]),
        "without_champion": coverage["without_champion"],
        "with_champion": coverage["with_champion"],
    }


def champion_coverage(compact, periods):
    """How many active signatories had an active champion at the end of each period, and how many had none.
    One query."""
    counts = {}
    for period, (_, end) in periods.items():
        signed = Exists(
            Signature.objects.filter(compact=compact, organisation=OuterRef("pk")).filter(
                _held_on(end, "signed_on", "withdrawn_on")
            )
        )
        championed = Exists(
            Champion.objects.filter(organisation=OuterRef("pk")).filter(_held_on(end, "appointed_on", "stood_down_on"))
        )
        counts[f"with_{period}"] = Count("pk", filter=Q(signed) & Q(championed))
        counts[f"without_{period}"] = Count("pk", filter=Q(signed) & ~Q(championed))
    row = Organisation.objects.aggregate(**counts)
    return {"with_champion": _pair(row, "with"), "without_champion": _pair(row, "without")}


def champion_figures(periods, coverage):
    """Champions active at the end of each period (in any organisation, as the register counts them),
    appointed and stood down in it, and the share of signatories with an active champion. One query."""
    counts = {}
    for period, (start, end) in periods.items():
        counts[f"active_{period}"] = Count("pk", filter=_held_on(end, "appointed_on", "stood_down_on"))
        counts[f"appointed_{period}"] = Count("pk", filter=_in("appointed_on", start, end))
        counts[f"stood_down_{period}"] = Count("pk", filter=_in("stood_down_on", start, end))
    row = Champion.objects.aggregate(**counts)
    signatories = {
        period: coverage["with_champion"][period] + coverage["without_champion"][period] for period in PERIODS
    }
    return {
        "active": _pair(row, "active"),
        "appointed": _pair(row, "appointed"),
        "stood_down": _pair(row, "stood_down"),
        "signatories_covered": {
            period: percent(coverage["with_champion"][period], signatories[period]) for period in PERIODS
        },
    }


def endorsement_figures(compact, periods):
    """Endorsements by senior leaders, elected members and senior officers in each period, by kind, and who
    endorsed the Compact in the period (the first few). One query: endorsements are a handful a quarter."""
    start, end = periods["current"]
    endorsements = list(
        compact.endorsements.filter(endorsed_on__gte=periods["previous"][0], endorsed_on__lte=end)
        .select_related("organisation")
        .order_by("endorsed_on", "id")
    )
    by_kind = [
        {
            "kind": value,
            "label": label,
            **{
                period: sum(1 for e in endorsements if e.kind == value and first <= e.endorsed_on <= last)
                for period, (first, last) in periods.items()
            },
        }
        for value, label in EndorsementKind.choices
    ]
    listed = [e for e in endorsements if start <= e.endorsed_on <= end][:ENDORSEMENTS_LISTED]
    return {
        "total": _total(by_kind),
        "by_kind": by_kind,
        "in_period": [
            {
                "name": endorsement.name,
                "position": endorsement.position,
                "organisation": endorsement.organisation.name,
                "kind": endorsement.get_kind_display(),
                "endorsed_on": endorsement.endorsed_on.isoformat(),
            }
            for endorsement in listed
        ],
    }


def rounds_as_at(compact, end):
    """Every round with a submitted self-assessment, newest first (as ``success_factors.selectors.rounds``),
    and the latest of them with an assessment submitted by the end of ``end`` (a date), or None. One query."""
    _, before = timestamp_range(end, end)
    rows = list(
        Assessment.objects.filter(compact=compact, status=AssessmentStatus.SUBMITTED)
        .values_list("round")
        .annotate(first_submitted=Min("submitted_at"))
        .order_by("-round")
    )
    return [name for name, _ in rows], next((name for name, first in rows if first < before), None)


def factor_figures(results, factor_list):
    """The seven factors' partnership scores in the latest round as at the end of the period (``results``, or
    None before any round), the previous round's, each sector's (for the perception gap) and the response rate."""
    if results is None:
        rows = [
            {
                **_factor(factor),
                "score": None,
                "previous_score": None,
                "statutory": None,
                "voluntary": None,
                "respondents": 0,
            }
            for factor in factor_list
        ]
        return {
            "round": None,
            "previous_round": None,
            "responded": 0,
            "signatories": 0,
            "response_rate": None,
            "rows": rows,
        }
    return {
        "round": results.round,
        "previous_round": results.previous_round,
        "responded": results.responded,
        "signatories": results.signatories,
        "response_rate": results.response_rate,
        "rows": [
            {
                **_factor(result.factor),
                "score": result.score,
                "previous_score": result.previous_score,
                "statutory": result.statutory,
                "voluntary": result.voluntary,
                "respondents": result.respondents,
            }
            for result in results.factors
        ],
    }


def win_figures(compact, periods, factor_list):
    """Wins published in each period, the quick wins among them, and how many show each factor. Two queries."""
    counts, tag_counts = {}, {}
    for period, (start, end) in periods.items():
        published_from, published_before = timestamp_range(start, end)
        when = Q(published_at__gte=published_from, published_at__lt=published_before)
        counts[f"published_{period}"] = Count("pk", filter=when)
        counts[f"quick_{period}"] = Count("pk", filter=when & Q(is_quick_win=True))
        tag_counts[f"n_{period}"] = Count(
            "win", filter=Q(win__published_at__gte=published_from, win__published_at__lt=published_before)
        )
    earliest, _ = timestamp_range(*periods["previous"])
    _, latest = timestamp_range(*periods["current"])
    wins = published_wins(compact=compact).order_by()
    row = wins.filter(published_at__gte=earliest, published_at__lt=latest).aggregate(**counts)
    by_number = {
        tag["factor__number"]: tag
        for tag in Win.factors.through.objects.filter(
            win__compact=compact,
            win__status=WinStatus.PUBLISHED,
            win__published_at__gte=earliest,
            win__published_at__lt=latest,
        )
        .values("factor__number")
        .annotate(**tag_counts)
        .order_by()
    }
    return {
        "published": _pair(row, "published"),
        "quick_wins": _pair(row, "quick"),
        "by_factor": [{**_factor(factor), **_pair(by_number.get(factor.number, {}), "n")} for factor in factor_list],
    }


def action_figures(compact, factor_list):
    """Open, done and overdue actions on each factor, as they stand today. One query."""
    rows = {
        row["factor__number"]: row
        for row in Action.objects.filter(compact=compact)
        .values("factor__number")
        .annotate(
            open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            done=Count("pk", filter=Q(status=ActionStatus.DONE)),
            overdue=Count("pk", filter=overdue_q()),
        )
        .order_by()
    }
    by_factor = [
        {**_factor(factor), **{key: rows.get(factor.number, {}).get(key, 0) for key in ("open", "done", "overdue")}}
        for factor in factor_list
    ]
    return {
        "as_of": timezone.localdate().isoformat(),
        "by_factor": by_factor,
        "total": {key: sum(row[key] for row in by_factor) for key in ("open", "done", "overdue")},
    }


CONCERN_MEASURES = tuple(CONCERN_DATES)  # raised, resolved, escalated


def concern_figures(compact, periods, factor_list):
    """Concerns raised, resolved and escalated on each factor in each period, from ``wins.concerns.selectors.concern_counts``.

    ``recorded`` is always True now; reports published before the service recorded concerns keep False.
    """
    counts = concern_counts(compact=compact, periods=periods)
    by_factor = []
    for factor in factor_list:
        row = _factor(factor)
        for measure in CONCERN_MEASURES:
            row[measure] = {
                period: (counts[period].get(factor.number) or {}).get(measure, 0) or 0 for period in PERIODS
            }
        by_factor.append(row)
    return {
        "recorded": True,
        "by_factor": by_factor,
        "total": {measure: _total([row[measure] for row in by_factor]) for measure in CONCERN_MEASURES},
    }


def commitment_figures(compact, periods):
    """Each commitment's results and each statutory body's in each period, and the records that did not meet a
    commitment in the period (``commitments.selectors.commitment_rates``). Four queries."""
    return commitment_rates(compact=compact, periods=periods)
