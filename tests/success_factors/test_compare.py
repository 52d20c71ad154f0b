"""Comparing two of one organisation's self-assessments, round against round."""

import pytest
from django.urls import reverse

from success_factors.models import Level
from tests import factories
from tests.conftest import client_for

from .builders import first_indicator, page_text, row_for, signed_organisation, submitted_assessment


def compare_url(assessment):
    return reverse("success_factors:assessment_compare", args=[assessment.pk])


@pytest.fixture
def trust(compact):
    return signed_organisation(compact, name="Riverside Trust")


@pytest.fixture
def two_rounds(compact, trust):
    """Factor 3 went from Developing (33) to Embedded (100); factor 1 from Established (67) to Don't know."""
    earlier = submitted_assessment(
        compact=compact, organisation=trust, round_name="2025/26", levels={3: Level.DEVELOPING, 1: Level.ESTABLISHED}
    )
    later = submitted_assessment(
        compact=compact, organisation=trust, round_name="2026/27", levels={3: Level.EMBEDDED, 1: Level.DONT_KNOW}
    )
    return earlier, later


def test_shows_both_factor_scores_and_the_change(two_rounds, officer_client):
    earlier, later = two_rounds

    response = officer_client.get(compare_url(later), {"with": earlier.pk})

    assert "2025/26 compared with 2026/27" in page_text(response)
    assert row_for(response, "3. Lead and champion the Compact") == "3. Lead and champion the Compact 33 100 up 67"


def test_factor_answered_dont_know_shows_not_enough_evidence(two_rounds, officer_client):
    earlier, later = two_rounds

    response = officer_client.get(compare_url(later), {"with": earlier.pk})

    assert row_for(response, "1. Outcomes focus") == "1. Outcomes focus 67 Not enough evidence –"


def test_shows_each_indicators_two_levels(two_rounds, officer_client):
    earlier, later = two_rounds

    response = officer_client.get(compare_url(earlier), {"with": later.pk})

    statement = first_indicator(3).statement
    assert row_for(response, statement) == f"{statement} Developing Embedded"


def test_earlier_round_comes_first_whichever_way_round(two_rounds, officer_client):
    earlier, later = two_rounds

    response = officer_client.get(compare_url(earlier), {"with": later.pk})

    assert "2025/26 compared with 2026/27" in page_text(response)


def test_champion_compares_their_own_organisations_assessments(two_rounds, trust):
    earlier, later = two_rounds
    client = client_for(factories.champion_user(organisation=trust, username="trust-champion"))

    response = client.get(compare_url(later), {"with": earlier.pk})

    assert response.status_code == 200
    assert "2025/26 compared with 2026/27" in page_text(response)


def test_without_a_choice_lists_the_other_rounds(two_rounds, officer_client):
    earlier, later = two_rounds

    response = officer_client.get(compare_url(later))

    assert "Compare with 2025/26" in page_text(response)
    assert f'href="?with={earlier.pk}"' in response.content.decode()


def test_another_organisations_assessment_cannot_be_compared(two_rounds, compact, officer_client):
    earlier, later = two_rounds
    stranger = submitted_assessment(compact=compact, organisation=signed_organisation(compact), round_name="2025/26")

    response = officer_client.get(compare_url(later), {"with": stranger.pk})

    text = page_text(response)
    assert "You can only compare with another of this organisation’s self-assessments." in text
    assert "Compare with 2025/26" in text
    assert "compared with" not in text


def test_says_so_when_there_is_nothing_to_compare_with(compact, trust, officer_client):
    only = submitted_assessment(compact=compact, organisation=trust, round_name="2026/27")

    response = officer_client.get(compare_url(only))

    assert "Riverside Trust has no other self-assessment to compare with." in page_text(response)


def test_champion_of_another_organisation_is_refused(two_rounds, champion_client):
    earlier, later = two_rounds

    response = champion_client.get(compare_url(later), {"with": earlier.pk})

    assert response.status_code == 403
