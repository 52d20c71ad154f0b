"""The wins library's total (``wins.selectors.published_count``): how many wins a compact has published, whichever
way its wins were written, one at a time or in bulk, and only that compact's."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories
from tests.success_factors.builders import page_text
from wins import services
from wins.models import Win, WinStatus
from wins.selectors import published_count

from .factories import WinFactory, draft, submitted


@pytest.fixture
def other(db):
    return factories.CompactFactory(name="Old Compact", adopted_on=datetime.date(2010, 1, 1))


def bulk_wins(compact, how_many, status=WinStatus.PUBLISHED):
    return Win.objects.bulk_create(
        [
            Win(
                compact=compact,
                title=f"Win {n}",
                what_happened="…",
                difference_made="…",
                happened_on=datetime.date(2026, 3, 1),
                published_at=timezone.now(),
                submitted_at=timezone.now(),
                status=status(n) if callable(status) else status,
            )
            for n in range(how_many)
        ]
    )


def test_no_compact_set_up_has_no_published_wins(db):
    assert published_count(compact=None) == 0


def test_the_total_counts_published_wins_only_and_only_the_compacts_own(compact, other):
    assert published_count(compact=compact) == 0
    WinFactory(compact=compact)
    WinFactory(compact=other)
    draft(compact=compact)
    submitted(compact=compact)
    WinFactory(compact=compact, status=WinStatus.RETURNED)

    assert published_count(compact=compact) == 1
    assert published_count(compact=other) == 1


def test_the_total_follows_wins_published_returned_edited_and_deleted(compact, other, officer):
    WinFactory(compact=compact)
    WinFactory(compact=other)
    waiting, to_return = submitted(compact=compact), submitted(compact=compact)

    services.publish_win(win=waiting, by=officer)
    assert published_count(compact=compact) == 2
    services.return_to_champion(win=to_return, by=officer, note="Add the numbers, please.")
    assert published_count(compact=compact) == 2
    waiting.refresh_from_db()
    waiting.title = "A new title, still published"
    waiting.save()  # a change that leaves it published counts it once, as before
    assert published_count(compact=compact) == 2

    waiting.delete()
    assert published_count(compact=compact) == 1
    assert published_count(compact=other) == 1


def test_the_total_follows_bulk_writes(compact, other):
    bulk_wins(compact, 30, status=lambda n: WinStatus.PUBLISHED if n % 3 else WinStatus.DRAFT)
    assert published_count(compact=compact) == 20

    Win.objects.filter(compact=compact, status=WinStatus.DRAFT).update(status=WinStatus.PUBLISHED)
    assert published_count(compact=compact) == 30
    moved = Win.objects.filter(compact=compact).order_by("id")[:5].values_list("pk", flat=True)
    Win.objects.filter(pk__in=list(moved)).update(compact=other)  # to another compact: taken here, added there
    assert (published_count(compact=compact), published_count(compact=other)) == (25, 5)
    Win.objects.filter(compact=compact).update(status=WinStatus.SUBMITTED)
    assert published_count(compact=compact) == 0
    Win.objects.filter(compact=other).delete()
    assert published_count(compact=other) == 0


def test_a_write_rolled_back_leaves_the_total_as_it_was(compact):
    WinFactory(compact=compact)
    with pytest.raises(RuntimeError), transaction.atomic():
        WinFactory(compact=compact)
        Win.objects.update(status=WinStatus.DRAFT)
        raise RuntimeError("the save failed")
    assert published_count(compact=compact) == 1


def test_the_total_is_one_query_however_many_wins(compact):
    bulk_wins(compact, 40)
    with CaptureQueriesContext(connection) as queries:
        assert published_count(compact=compact) == 40
    assert len(queries.captured_queries) == 1


def test_the_library_shows_the_total_of_every_published_win_not_only_its_first_page(compact, lsp_client):
    WinFactory(compact=compact)
    bulk_wins(compact, 26)
    draft(compact=compact)
    assert "27 wins" in page_text(lsp_client.get("/wins/"))
