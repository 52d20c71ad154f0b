"""Reads of wins that pages, reports and tests share."""

from django.contrib.auth.models import User
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber

from signatories.models import Compact
from success_factors.models import Factor

from .models import Win, WinStatus

# The words a search looks in. On PostgreSQL a trigger keeps them in ``Win.search_vector`` (migration 0004).
SEARCH_FIELDS = ("title", "what_happened", "difference_made")
PACK_WINS_PER_FACTOR = 5


def for_listing(queryset: QuerySet[Win]) -> QuerySet[Win]:
    """What a list of wins shows, fetched in a fixed number of queries however many rows there are."""
    return queryset.select_related("organisation", "recorded_by").prefetch_related("factors", "organisations")


def published_wins(*, compact: Compact | None) -> QuerySet[Win]:
    """A compact's published wins, newest first (none before a compact is set up)."""
    if compact is None:
        return Win.objects.none()
    return Win.objects.filter(compact=compact, status=WinStatus.PUBLISHED).order_by("-happened_on", "-id")


def published_count(*, compact: Compact | None) -> int:
    """How many wins a compact has published (0 before a compact is set up): the wins library's total.

    Counted in a small index of the published wins alone (``win_published_count_idx``), without reading the wins
    themselves; the library caches the result with its page until a win changes."""
    if compact is None:
        return 0
    return Win.objects.filter(compact=compact, status=WinStatus.PUBLISHED).count()


def search_wins(queryset: QuerySet[Win], text: str | None) -> QuerySet[Win]:
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


def moderation_queue(*, compact: Compact | None) -> QuerySet[Win]:
    """Submitted wins waiting for an officer, oldest first."""
    if compact is None:
        return Win.objects.none()
    return Win.objects.filter(compact=compact, status=WinStatus.SUBMITTED).order_by("submitted_at", "id")


def wins_waiting_count(*, compact: Compact | None) -> int:
    return moderation_queue(compact=compact).count()


def wins_recorded_by(user: User) -> QuerySet[Win]:
    """A person's own wins: returned ones first (they need doing), then drafts, submitted and published."""
    first = Case(
        When(status=WinStatus.RETURNED, then=Value(0)),
        When(status=WinStatus.DRAFT, then=Value(1)),
        When(status=WinStatus.SUBMITTED, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return Win.objects.filter(recorded_by=user).order_by(first, "-updated_at", "-id")


def returned_count(user: User) -> int:
    return Win.objects.filter(recorded_by=user, status=WinStatus.RETURNED).count()


def induction_pack(
    *, compact: Compact | None, per_factor: int = PACK_WINS_PER_FACTOR
) -> list[tuple[Factor, list[Win]]]:
    """The seven factors, each with its most recent published wins: [(factor, [win, …]), …].

    A win tagged with several factors appears under each. A fixed number of queries, however many wins.
    """
    Tag = Win.factors.through
    # django-stubs does not follow annotate() on an auto-created through model, so it cannot see ``rank``.
    ranked = (
        Tag.objects.filter(win__in=published_wins(compact=compact))  # type: ignore[misc]
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
    by_factor: dict[int, list[Win]] = {}
    for factor_id, win_id in chosen:
        by_factor.setdefault(factor_id, []).append(wins[win_id])
    key = lambda win: (win.happened_on, win.pk)  # noqa: E731
    return [(factor, sorted(by_factor.get(factor.pk, []), key=key, reverse=True)) for factor in Factor.objects.all()]
