"""A win's own page and the champion's list of their wins."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.success_factors.builders import page_text
from wins.models import WinStatus

from .factories import WinFactory, draft, factor, submitted

pytestmark = pytest.mark.django_db


def test_a_published_wins_page_shows_the_whole_story(compact, champion, lsp_client):
    food_bank = factories.OrganisationFactory(name="Riverside Food Bank")
    win = WinFactory(
        compact=compact,
        title="Food bank referral route",
        what_happened="One route for every referral.",
        difference_made="Help arrives the same day.",
        factors=[factor(1), factor(2)],
        organisations=[food_bank],
        recorded_by=champion,
        organisation=champion.champion_records.get().organisation,
        people_reached=340,
        evidence_link="https://www.example.org/story",
        happened_on=datetime.date(2026, 2, 3),
    )

    text = page_text(lsp_client.get(win.get_absolute_url()))

    for expected in (
        "Food bank referral route",
        "One route for every referral.",
        "Help arrives the same day.",
        "1. Outcomes focus",
        "2. Establish the right structures",
        "Riverside Food Bank",
        "340",
        "https://www.example.org/story",
        "Recorded by Chris Champion",
        "3 February 2026",
        "Published",
    ):
        assert expected in text
    assert "History" not in text and "Change this win" not in text and "Publish" not in text.replace("Published", "")


@pytest.mark.parametrize("status", [WinStatus.DRAFT, WinStatus.SUBMITTED, WinStatus.RETURNED])
def test_an_unpublished_win_is_not_found_for_others(
    status, compact, champion, champion_client, officer_client, lsp_client
):
    win = WinFactory(compact=compact, status=status, recorded_by=champion)
    other_champion = Client()
    other_champion.force_login(factories.champion_user(username="other-champion"))

    assert champion_client.get(win.get_absolute_url()).status_code == 200
    assert officer_client.get(win.get_absolute_url()).status_code == 200
    assert lsp_client.get(win.get_absolute_url()).status_code == 404
    assert other_champion.get(win.get_absolute_url()).status_code == 404


def test_officers_see_publish_and_return_on_a_submitted_win(compact, officer_client):
    win = submitted(compact=compact)

    text = page_text(officer_client.get(win.get_absolute_url()))

    assert "Publish" in text and "Return with a note" in text and "Change this win" in text


def test_my_wins_lists_returned_ones_first_with_the_note(compact, champion, champion_client):
    WinFactory(compact=compact, recorded_by=champion, title="Published one")
    draft(compact=compact, recorded_by=champion, title="A draft")
    WinFactory(
        compact=compact,
        recorded_by=champion,
        title="Sent back",
        status=WinStatus.RETURNED,
        return_note="Please say which ward.",
    )
    WinFactory(compact=compact, recorded_by=factories.champion_user(username="other"), title="Not mine")

    response = champion_client.get(reverse("wins:my_wins"))

    assert [win.title for win in response.context["page_obj"]] == ["Sent back", "A draft", "Published one"]
    text = page_text(response)
    assert "Officer’s note: Please say which ward." in text
    assert "Returned" in text and "Draft" in text and "Published" in text
