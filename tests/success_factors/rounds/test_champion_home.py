"""A champion's home page shows their organisation's deadline in the open round and where they are."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from success_factors.rounds.models import DeadlineExtension
from tests import factories
from tests.success_factors.builders import page_text, rate_everything

from .builders import open_round

pytestmark = pytest.mark.django_db

JUNE_20 = datetime.datetime(2026, 6, 20, 9, tzinfo=datetime.UTC)


@pytest.fixture
def home(champion, compact):
    organisation = champion.champion_records.get().organisation
    factories.SignatureFactory(compact=compact, organisation=organisation)
    return organisation


def test_not_started_shows_the_deadline_and_a_link_to_start(champion_client, compact, home):
    open_round(compact)

    with time_machine.travel(JUNE_20):
        text = page_text(champion_client.get(reverse("dashboard")))

    assert f"Submit {home.name}’s self-assessment by 30 June 2026 (10 days left)." in text
    assert "Not started yet. Start the self-assessment" in text


def test_in_progress_shows_how_many_factors_are_done_and_the_extended_deadline(champion_client, compact, home):
    round_ = open_round(compact)
    DeadlineExtension.objects.create(round=round_, organisation=home, deadline=datetime.date(2026, 7, 10))
    rate_everything(factories.AssessmentFactory(compact=compact, organisation=home, round="2026/27"), 2)

    with time_machine.travel(JUNE_20):
        text = page_text(champion_client.get(reverse("dashboard")))

    assert "by 10 July 2026 (20 days left), your extended deadline." in text
    assert "In progress: 7 of 7 factors done. Continue the self-assessment" in text


def test_a_late_submission_is_thanked_and_tagged_late(champion_client, compact, home):
    open_round(compact)
    factories.AssessmentFactory(
        compact=compact,
        organisation=home,
        round="2026/27",
        status="submitted",
        submitted_at=timezone.make_aware(datetime.datetime(2026, 7, 2, 10)),
    )

    text = page_text(champion_client.get(reverse("dashboard")))

    assert "has been submitted, after the deadline of 30 June 2026. Thank you. Late" in text


def test_nothing_is_shown_without_an_open_round(champion_client, compact, home):
    text = page_text(champion_client.get(reverse("dashboard")))

    assert "self-assessment by" not in text
