"""Reads of concerns that pages, reports and tests share."""

import datetime
from collections.abc import Mapping

from django.db.models import Count, Q, QuerySet

from signatories.models import Compact
from success_factors.models import Factor

from .models import CONCERN_CLOSED_STATUSES, Concern, ConcernStatus


def concerns_for(*, compact: Compact | None) -> QuerySet[Concern]:
    return Concern.objects.filter(compact=compact).select_related("factor", "raised_by", "raised_by_organisation")


CONCERN_DATES = {"raised": "raised_on", "resolved": "resolved_on", "escalated": "escalated_on"}


def concern_counts(
    *, compact: Compact | None, periods: Mapping[str, tuple[datetime.date, datetime.date]]
) -> dict[str, dict[int, dict[str, int]]]:
    """For each of ``periods`` ({name: (start, end)}, both dates included), per factor number: the concerns
    raised, resolved and escalated in it. One query, whatever the number of concerns or periods."""
    within, annotations = Q(), {}
    for period, (start, end) in periods.items():
        for measure, field in CONCERN_DATES.items():
            condition = Q(**{f"{field}__gte": start, f"{field}__lte": end})
            within |= condition
            annotations[f"{period}__{measure}"] = Count("id", filter=condition)
    counts = {period: {number: dict.fromkeys(CONCERN_DATES, 0) for number in range(1, 8)} for period in periods}
    rows = (
        Concern.objects.filter(compact=compact)
        .filter(within)
        .values("factor__number")
        .annotate(**annotations)
        .order_by()
    )
    for row in rows:
        for period in periods:
            counts[period][row["factor__number"]] = {
                # django-stubs cannot type annotations whose names are built at run time (annotate(**annotations)).
                measure: row[f"{period}__{measure}"]  # type: ignore[literal-required]
                for measure in CONCERN_DATES
            }
    return counts


def concern_status_table(*, compact: Compact | None) -> tuple[list[tuple[Factor, dict[str, int], int]], dict[str, int]]:
    """Rows of (factor, {status: count}, total) for every factor, and the totals per status, in two queries."""
    rows = Concern.objects.filter(compact=compact).values("factor_id", "status").annotate(n=Count("id")).order_by()
    by_factor: dict[int, dict[str, int]] = {}
    for row in rows:
        by_factor.setdefault(row["factor_id"], {})[row["status"]] = row["n"]
    table, totals = [], dict.fromkeys(ConcernStatus.values, 0)
    for factor in Factor.objects.order_by("number"):
        counts = {status: by_factor.get(factor.pk, {}).get(status, 0) for status in ConcernStatus.values}
        for status, n in counts.items():
            totals[status] += n
        table.append((factor, counts, sum(counts.values())))
    return table, totals


def open_concerns_count(*, compact: Compact | None) -> int:
    return Concern.objects.filter(compact=compact).exclude(status__in=CONCERN_CLOSED_STATUSES).count()
