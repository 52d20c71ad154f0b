"""Reads of wins that pages, reports and tests share."""

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber

from success_factors.models import Factor

from .models import CONCERN_CLOSED_STATUSES, Concern, ConcernStatus, Win, WinStatus

# The words a search looks in. On PostgreSQL a trigger keeps them in ``Win.search_vector`` (migration 0004).
SEARCH_FIELDS = ("title", "what_happened", "difference_made")
PACK_WINS_PER_FACTOR = 5


def for_listing(queryset):
    """What a list of wins shows, fetched in a fixed number of queries however many rows there are."""
    return queryset.select_related("organisation", "recorded_by").prefetch_related("factors", "organisations")


def published_wins(*, compact):
    """A compact's published wins, newest first (none before a compact is set up)."""
    if compact is None:
        return Win.objects.none()
    return Win.objects.filter(compact=compact, status=WinStatus.PUBLISHED).order_by("-happened_on", "-id")


def search_wins(queryset, text):
    """Wins whose title, what happened or difference made match ``text``.

    PostgreSQL: full-text search in English (stemmed: "volunteering" finds "volunteers"), with the
    syntax people know from search engines ("exact phrase", -without, or). SQLite: every word must
    appear somewhere in those fields, ignoring case.
    """
    text = (text or "").strip()
    if not text:
        return queryset
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config="english", search_type="websearch")
        return queryset.filter(search_vector=query)
    for word in text.replace('"', " ").split():
        word = word.lstrip("-") or word
        matches = Q()
        for field in SEARCH_FIELDS:
            matches |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(matches)
    return queryset


def moderation_queue(*, compact):
    """Submitted wins waiting for an officer, oldest first."""
    if compact is None:
        return Win.objects.none()
    return Win.objects.filter(compact=compact, status=WinStatus.SUBMITTED).order_by("submitted_at", "id")


def wins_waiting_count(*, compact):
    return moderation_queue(compact=compact).count()


def wins_recorded_by(user):
    """A person's own wins: returned ones first (they need doing), then drafts, submitted and published."""
    first = Case(
        When(status=WinStatus.RETURNED, then=Value(0)),
        When(status=WinStatus.DRAFT, then=Value(1)),
        When(status=WinStatus.SUBMITTED, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return Win.objects.filter(recorded_by=user).order_by(first, "-updated_at", "-id")


def returned_count(user):
    return Win.objects.filter(recorded_by=user, status=WinStatus.RETURNED).count()


def induction_pack(*, compact, per_factor=PACK_WINS_PER_FACTOR):
    """The seven factors, each with its most recent published wins: [(factor, [win, …]), …].

    A win tagged with several factors appears under each. A fixed number of queries, however many wins.
    """
    Tag = Win.factors.through
    ranked = (
        Tag.objects.filter(win__in=published_wins(compact=compact))
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("factor_id")], order_by=[F("win__happened_on").desc(), F("win_id").desc()]
            )
        )
        .filter(rank__lte=per_factor)
        .values_list("factor_id", "win_id")
    )
    chosen = list(ranked)
    wins = {win.pk: win for win in for_listing(Win.objects.filter(pk__in={win_id for _, win_id in chosen}))}
    by_factor = {}
    for factor_id, win_id in chosen:
        by_factor.setdefault(factor_id, []).append(wins[win_id])
    key = lambda win: (win.happened_on, win.pk)  # noqa: E731
    return [(factor, sorted(by_factor.get(factor.pk, []), key=key, reverse=True)) for factor in Factor.objects.all()]


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
