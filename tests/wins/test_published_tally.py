"""The wins library's total is kept by the database (``wins.models.PublishedTally``, migration 0008): every way a
win is written, one at a time or in bulk, keeps it equal to counting the published wins."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from tests import factories
from tests.success_factors.builders import page_text
from wins import services
from wins.models import Win, WinStatus
from wins.selectors import published_count

from .factories import WinFactory, draft, submitted


def counted(compact):
    return Win.objects.filter(compact=compact, status=WinStatus.PUBLISHED).count()


def test_the_tally_follows_wins_published_returned_and_deleted(compact, officer):
    other = factories.CompactFactory(name="Old Compact", adopted_on=datetime.date(2010, 1, 1))
    assert published_count(compact=compact) == 0
    WinFactory(compact=compact)
    WinFactory(compact=other)
    draft(compact=compact)
    waiting, to_return = submitted(compact=compact), submitted(compact=compact)
    assert published_count(compact=compact) == 1 == counted(compact)
    assert published_count(compact=other) == 1

    services.publish_win(win=waiting, by=officer)
    assert published_count(compact=compact) == 2 == counted(compact)
    services.return_to_champion(win=to_return, by=officer, note="Add the numbers, please.")
    waiting.refresh_from_db()
    waiting.title = "A new title, still published"
    waiting.save()  # a change that leaves it published counts nothing again
    assert published_count(compact=compact) == 2 == counted(compact)

    waiting.delete()
    assert published_count(compact=compact) == 1 == counted(compact)
    assert published_count(compact=other) == 1


def test_the_tally_follows_bulk_writes(compact):
    other = factories.CompactFactory(name="Old Compact", adopted_on=datetime.date(2010, 1, 1))
    Win.objects.bulk_create([
        Win(compact=compact, title=f"Win {n}", what_happened="…", difference_made="…",
            happened_on=datetime.date(2026, 3, 1), published_at=timezone.now(), submitted_at=timezone.now(),
            status=WinStatus.PUBLISHED if n % 3 else WinStatus.DRAFT)
        for n in range(30)
    ])
    assert published_count(compact=compact) == 20 == counted(compact)

    Win.objects.filter(compact=compact, status=WinStatus.DRAFT).update(status=WinStatus.PUBLISHED)
    assert published_count(compact=compact) == 30 == counted(compact)
    moved = Win.objects.filter(compact=compact).order_by("id")[:5].values_list("pk", flat=True)
    Win.objects.filter(pk__in=list(moved)).update(compact=other)  # to another compact: taken here, added there
    assert (published_count(compact=compact), published_count(compact=other)) == (25, 5)
    Win.objects.filter(compact=compact).update(status=WinStatus.SUBMITTED)
    assert published_count(compact=compact) == 0 == counted(compact)
    Win.objects.filter(compact=other).delete()
    assert published_count(compact=other) == 0


def test_a_write_rolled_back_leaves_the_tally_as_it_was(compact):
    """The triggers write in the same transaction as the wins (here a savepoint inside the test's own)."""
    WinFactory(compact=compact)
    with pytest.raises(RuntimeError), transaction.atomic():
        WinFactory(compact=compact)
        Win.objects.update(status=WinStatus.DRAFT)
        raise RuntimeError("the save failed")
    assert published_count(compact=compact) == 1 == counted(compact)


def test_the_library_shows_the_tallied_total(compact, lsp_client):
    WinFactory(compact=compact)
    Win.objects.bulk_create([
        Win(compact=compact, title=f"Win {n}", what_happened="…", difference_made="…",
            happened_on=datetime.date(2026, 3, 1), status=WinStatus.PUBLISHED, published_at=timezone.now())
        for n in range(26)
    ])
    text = page_text(lsp_client.get("/wins/"))
    assert "27 wins" in text
