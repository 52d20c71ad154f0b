"""Wins shown where people already look: the home page, each factor's page and each organisation's page."""

import datetime

import pytest
from django.urls import reverse

from tests import factories
from tests.success_factors.builders import page_text

from .factories import WinFactory, draft, factor, submitted

pytestmark = pytest.mark.django_db


def test_a_factor_page_lists_its_recent_published_wins_and_counts_them(compact, lsp_client):
    for day in range(1, 8):
        WinFactory(
            compact=compact, title=f"Embedding win {day}", happened_on=datetime.date(2026, 1, day), factors=[factor(7)]
        )
    WinFactory(compact=compact, title="About structures", factors=[factor(2)])
    draft(compact=compact, title="Unchecked draft", factors=[factor(7)])

    text = page_text(lsp_client.get(factor(7).get_absolute_url()))

    assert "7 published wins show this factor in action" in text
    assert "Embedding win 7" in text and "Embedding win 3" in text and "Embedding win 2" not in text
    assert "About structures" not in text and "Unchecked draft" not in text
    assert "All 7 wins for this factor" in text


def test_a_factor_page_stops_counting_at_its_cap(compact, lsp_client, monkeypatch):
    monkeypatch.setattr("success_factors.views.factors.WINS_COUNTED_TO", 5)
    for day in range(1, 8):
        WinFactory(compact=compact, happened_on=datetime.date(2026, 1, day), factors=[factor(7)])

    text = page_text(lsp_client.get(factor(7).get_absolute_url()))

    assert "More than 5 published wins show this factor in action" in text
    assert "All the wins for this factor" in text


def test_a_factor_without_wins_says_so(compact, lsp_client):
    assert "No wins have been published for this factor yet." in page_text(lsp_client.get(factor(6).get_absolute_url()))


def test_an_organisation_page_lists_the_published_wins_it_took_part_in(compact, lsp_client):
    food_bank = factories.OrganisationFactory(name="Riverside Food Bank")
    WinFactory(compact=compact, title="Food bank referral route", organisations=[food_bank])
    submitted(compact=compact, title="Waiting for an officer", organisations=[food_bank])
    WinFactory(compact=compact, title="Someone else's win")

    text = page_text(lsp_client.get(food_bank.get_absolute_url()))

    assert "Riverside Food Bank took part in 1 published win." in text
    assert "Food bank referral route" in text
    assert "Waiting for an officer" not in text and "Someone else's win" not in text


def test_the_champions_home_page_has_a_record_a_win_button(compact, champion_client):
    html = champion_client.get(reverse("dashboard")).content.decode()

    assert f'href="{reverse("wins:win_create")}" role="button"' in html
    assert "Record a win" in html


def test_the_officers_home_page_counts_wins_waiting(compact, officer_client):
    submitted(compact=compact)
    submitted(compact=compact)
    draft(compact=compact)

    response = officer_client.get(reverse("dashboard"))

    assert "Wins to moderate 2 wins waiting for you: publish them, or return them" in page_text(response)
    assert page_text(response).count("waiting for you:") == 1  # said once, not twice
    assert f'href="{reverse("wins:queue")}">Moderate' in response.content.decode()


def test_everyone_signed_in_finds_the_library_in_the_navigation(compact, lsp_client):
    html = lsp_client.get(reverse("dashboard")).content.decode()

    assert f'<a class="govuk-service-navigation__link" href="{reverse("wins:library")}">Wins</a>' in html
