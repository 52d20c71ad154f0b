"""The partnership picture: scores, trend, perception gap and response rate for a round."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from signatories.models import Sector
from success_factors.models import Level

from .builders import page_text, rate_everything, row_for, rows_for, signed_organisation, submitted_assessment

URL = reverse("success_factors:partnership")


@pytest.fixture
def two_rounds(compact):
    """A council and a trust answer in two rounds; a third signatory never responds.

    2026/27: factor 3 – council Embedded (100), trust Developing (33.3): score 67, gap 67.
             factor 1 – both Developing (33.3): score 33, the weakest.
    2025/26: factor 3 – council Established (66.7), trust Developing (33.3): score 50.
    """
    council = signed_organisation(compact, name="Anytown Council", sector=Sector.STATUTORY)
    trust = signed_organisation(compact, name="Riverside Trust", sector=Sector.VOLUNTARY)
    signed_organisation(compact, name="Quiet Community Group", sector=Sector.VOLUNTARY)
    for organisation, levels in [
        (council, {3: Level.EMBEDDED, 1: Level.DEVELOPING}),
        (trust, {3: Level.DEVELOPING, 1: Level.DEVELOPING}),
    ]:
        submitted_assessment(compact=compact, organisation=organisation, round_name="2026/27", levels=levels)
    submitted_assessment(compact=compact, organisation=council, round_name="2025/26", levels={3: Level.ESTABLISHED})
    submitted_assessment(compact=compact, organisation=trust, round_name="2025/26", levels={3: Level.DEVELOPING})


def test_shows_the_latest_round(two_rounds, lsp_client):
    response = lsp_client.get(URL)

    assert response.status_code == 200
    assert "How the partnership is doing: 2026/27" in page_text(response)


def test_shows_the_response_rate(two_rounds, lsp_client):
    response = lsp_client.get(URL)

    assert "2 of 3 signatories responded (67%)" in page_text(response)


def test_shows_the_factor_score_against_the_previous_round(two_rounds, lsp_client):
    response = lsp_client.get(URL)

    assert row_for(response, "3. Lead and champion the Compact").startswith(
        "3. Lead and champion the Compact 67 50 up 17"
    )


def test_factor_nobody_scored_shows_not_enough_evidence(two_rounds, lsp_client):
    response = lsp_client.get(URL)

    assert row_for(response, "4. Involve stakeholders").startswith(
        "4. Involve stakeholders Not enough evidence Not enough evidence –"
    )


def test_highlights_the_weakest_factor(two_rounds, lsp_client):
    response = lsp_client.get(URL)

    assert "Weakest factor in 2026/27: 1. Outcomes focus (score 33)" in page_text(response)
    assert row_for(response, "1. Outcomes focus").startswith("1. Outcomes focus Weakest 33")


def test_describes_the_perception_gap_in_words(two_rounds, lsp_client):
    response = lsp_client.get(URL)

    score_row, gap_row = rows_for(response, "3. Lead and champion the Compact")
    assert gap_row == "3. Lead and champion the Compact 100 33 Statutory partners rate it 67 points higher"


def test_shows_both_charts_with_alt_text(two_rounds, lsp_client):
    content = lsp_client.get(URL).content.decode()

    assert content.count('src="data:image/svg+xml;base64,') == 2
    assert 'alt="Radar chart of the seven factor scores for 2026/27 compared with 2025/26' in content
    assert "The figures are in the table below the chart." in content


def test_an_earlier_round_can_be_chosen(two_rounds, lsp_client):
    response = lsp_client.get(URL, {"round": "2025/26"})

    assert "How the partnership is doing: 2025/26" in page_text(response)
    assert row_for(response, "3. Lead and champion the Compact").startswith(
        "3. Lead and champion the Compact Weakest 50"
    )


def test_an_unknown_round_shows_the_latest_with_a_message(two_rounds, lsp_client):
    response = lsp_client.get(URL, {"round": "1999/00"})

    text = page_text(response)
    assert "No self-assessments were submitted for 1999/00" in text
    assert "How the partnership is doing: 2026/27" in text


def test_officer_can_add_an_action_on_each_factor(two_rounds, officer_client):
    content = officer_client.get(URL).content.decode()

    assert f'href="{reverse("success_factors:action_create")}?factor=1"' in content
    assert content.count("Add an action") == 7


def test_lsp_member_is_not_offered_to_add_actions(two_rounds, lsp_client):
    content = lsp_client.get(URL).content.decode()

    assert "Add an action" not in content


def test_empty_state_before_any_assessment_is_submitted(compact, lsp_client):
    response = lsp_client.get(URL)

    assert "No self-assessment has been submitted yet" in page_text(response)
    assert "data:image/svg+xml" not in response.content.decode()


def _organisations_with_equal_ratings(compact, count):
    for _ in range(count):
        organisation = signed_organisation(compact)
        assessment = submitted_assessment(compact=compact, organisation=organisation, round_name="2026/27")
        rate_everything(assessment, Level.ESTABLISHED)


def test_query_count_does_not_grow_with_organisations(compact, officer_client):
    officer_client.get(URL)  # warm the session and content-type caches
    _organisations_with_equal_ratings(compact, 5)
    with CaptureQueriesContext(connection) as five:
        officer_client.get(URL)

    _organisations_with_equal_ratings(compact, 45)
    with CaptureQueriesContext(connection) as fifty:
        response = officer_client.get(URL)

    assert "50 of 50 signatories responded (100%)" in page_text(response)
    assert len(fifty) == len(five)


def test_the_kept_figures_change_as_soon_as_an_assessment_is_reopened_or_a_signatory_joins(
    two_rounds, compact, lsp_client, officer
):
    from success_factors.models import Assessment
    from success_factors.services import reopen_assessment

    assert "2 of 3" in page_text(lsp_client.get(URL))
    council = Assessment.objects.get(organisation__name="Anytown Council", round="2026/27")

    reopen_assessment(assessment=council, by=officer, reason="Wrong figures")
    assert "1 of 3" in page_text(lsp_client.get(URL))

    signed_organisation(compact, name="New Group", sector=Sector.VOLUNTARY)
    assert "1 of 4" in page_text(lsp_client.get(URL))
