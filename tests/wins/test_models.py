"""The Win model: what it accepts, and the rules the database keeps whatever the code does."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from wins.models import Win, WinEvent, WinStatus

from .factories import WinFactory, draft

pytestmark = pytest.mark.django_db


def test_a_win_reads_as_its_title_and_links_to_its_page():
    win = WinFactory(title="Volunteers' fair at the library")

    assert str(win) == "Volunteers' fair at the library"
    assert win.get_absolute_url() == f"/wins/{win.pk}/"


def test_wins_are_listed_newest_first():
    older = WinFactory(happened_on=datetime.date(2025, 1, 1))
    newer = WinFactory(happened_on=datetime.date(2026, 1, 1))

    assert list(Win.objects.all()) == [newer, older]


def test_people_reached_must_be_positive():
    win = draft()
    win.people_reached = 0

    with pytest.raises(ValidationError) as error:
        win.full_clean()
    assert "people_reached" in error.value.message_dict


def test_evidence_link_must_be_a_web_address():
    win = draft()
    win.evidence_link = "not a link"

    with pytest.raises(ValidationError) as error:
        win.full_clean()
    assert "evidence_link" in error.value.message_dict


def test_title_what_happened_and_difference_are_required():
    win = draft()
    win.title = win.what_happened = win.difference_made = ""

    with pytest.raises(ValidationError) as error:
        win.full_clean()
    assert {"title", "what_happened", "difference_made"} <= set(error.value.message_dict)


@pytest.mark.parametrize(
    "status, fields",
    [
        (WinStatus.PUBLISHED, {"published_at": None}),
        (WinStatus.SUBMITTED, {"submitted_at": None}),
        (WinStatus.RETURNED, {"return_note": ""}),
    ],
)
def test_the_database_refuses_a_status_without_its_record(status, fields):
    win = draft()

    with pytest.raises(IntegrityError), transaction.atomic():
        Win.objects.filter(pk=win.pk).update(status=status, **fields)


def test_changes_to_a_win_are_kept_in_its_history():
    win = draft(title="First title")
    win.title = "Second title"
    win.save()

    assert [record.title for record in win.history.order_by("history_date")][-2:] == ["First title", "Second title"]


def test_an_event_reads_as_the_move_it_records():
    win = draft(title="Shared premises")

    event = WinEvent.objects.create(win=win, from_status=WinStatus.DRAFT, to_status=WinStatus.SUBMITTED)

    assert str(event) == "Shared premises: Draft → Submitted"
