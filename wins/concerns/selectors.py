"""Reads of concerns that pages, reports and tests share."""

from django.db.models import Count, Q

from success_factors.models import Factor

from .models import CONCERN_CLOSED_STATUSES, Concern, ConcernStatus


def concerns_for(*, compact):
    return Concern.objects.filter(compact=compact).select_related("factor", "raised_by", "raised_by_organisation")


CONCERN_DATES = {"raised": "raised_on", "resolved": "resolved_on", "escalated": "escalated_on"}


def concern_counts(*, compact, periods):
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
        Concern.objects.filter(compact=compact).filter(within).values("factor__number").annotate(**annotations)
        .order_by()
    )
    for row in rows:
        for period in periods:
            counts[period][row["factor__number"]] = {measure: row[f"{period}__{measure}"] for measure in CONCERN_DATES}
    return counts


def concern_status_table(*, compact):
    """Rows of (factor, {status: count}, total) for every factor, and the totals per status, in two queries."""
    rows = Concern.objects.filter(compact=compact).values("factor_id", "status").annotate(n=Count("id")).order_by()
    by_factor = {}
    for row in rows:
        by_factor.setdefault(row["factor_id"], {})[row["status"]] = row["n"]
    table, totals = [], dict.fromkeys(ConcernStatus.values, 0)
    for factor in Factor.objects.order_by("number"):
        counts = {status: by_factor.get(factor.pk, {}).get(status, 0) for status in ConcernStatus.values}
        for status, n in counts.items():
            totals[status] += n
        table.append((factor, counts, sum(counts.values())))
    return table, totals


def open_concerns_count(*, compact):
    return Concern.objects.filter(compact=compact).exclude(status__in=CONCERN_CLOSED_STATUSES).count()
