"""The seven factors: scores, indicators, and officers adapting the indicators locally."""

import datetime

import pytest
from django.urls import reverse

from signatories.models import Sector
from success_factors.models import ActionStatus, Indicator, Level
from tests import factories

from .builders import factor, first_indicator, page_text, row_for, signed_organisation, submitted_assessment

LIST_URL = reverse("success_factors:factor_list")


def detail_url(number):
    return reverse("success_factors:factor_detail", args=[number])


@pytest.fixture
def scored(compact):
    """Factor 2 scored in two rounds: 2025/26 Developing (33), 2026/27 Embedded and Established (83)."""
    council = signed_organisation(compact, name="Anytown Council", sector=Sector.STATUTORY)
    trust = signed_organisation(compact, name="Riverside Trust")
    submitted_assessment(compact=compact, organisation=council, round_name="2025/26", levels={2: Level.DEVELOPING})
    submitted_assessment(compact=compact, organisation=council, round_name="2026/27", levels={2: Level.EMBEDDED})
    submitted_assessment(compact=compact, organisation=trust, round_name="2026/27", levels={2: Level.ESTABLISHED})


def test_list_shows_all_seven_factors(compact, lsp_client):
    text = page_text(lsp_client.get(LIST_URL))

    assert "1. Outcomes focus" in text
    assert "7. Embed the Compact" in text


def test_list_says_no_results_yet_before_any_assessment(compact, lsp_client):
    text = page_text(lsp_client.get(LIST_URL))

    assert text.count("No results yet") == 7


def test_list_shows_the_latest_partnership_score(scored, lsp_client):
    text = page_text(lsp_client.get(LIST_URL))

    assert "2. Establish the right structures" in text
    assert "Partnership score (2026/27) 83" in text


def test_list_counts_open_actions(compact, lsp_client):
    factories.ActionFactory(compact=compact, factor=factor(3))
    factories.ActionFactory(compact=compact, factor=factor(3), status=ActionStatus.IN_PROGRESS)
    factories.ActionFactory(compact=compact, factor=factor(3), status=ActionStatus.DONE)

    text = page_text(lsp_client.get(LIST_URL))

    assert "Open actions 2 open actions on 3. Lead and champion the Compact" in text


def test_detail_shows_the_score_and_its_trend(scored, lsp_client):
    response = lsp_client.get(detail_url(2))

    assert "83 partnership score, 2026/27" in page_text(response)
    assert row_for(response, "2025/26") == "2025/26 33 – 1"
    assert row_for(response, "2026/27") == "2026/27 83 up 50 2"


def test_detail_lists_the_current_indicators(compact, lsp_client):
    text = page_text(lsp_client.get(detail_url(1)))

    assert first_indicator(1).statement in text


def test_detail_marks_local_and_retired_indicators(compact, lsp_client):
    old = first_indicator(1)
    old.retired_on = datetime.date(2026, 1, 5)
    old.save()
    Indicator.objects.create(factor=factor(1), statement="We celebrate wins at full council", is_local=True, order=9)

    text = page_text(lsp_client.get(detail_url(1)))

    in_use, retired = text.split("Retired indicators", 1)
    assert "We celebrate wins at full council Local" in in_use
    assert f"{old.statement} Retired 5 January 2026" in retired


def test_detail_shows_open_actions_on_the_factor(compact, lsp_client):
    factories.ActionFactory(compact=compact, factor=factor(3), description="Train every champion")
    factories.ActionFactory(
        compact=compact, factor=factor(3), description="Old finished work", status=ActionStatus.DONE
    )

    text = page_text(lsp_client.get(detail_url(3)))

    assert "Train every champion" in text
    assert "Old finished work" not in text


def test_detail_lists_the_open_actions_due_soonest_and_says_how_many_there_are(compact, lsp_client):
    today = datetime.date(2026, 11, 25)
    for n in range(12):
        factories.ActionFactory(
            compact=compact,
            factor=factor(3),
            description=f"Action due in {n} weeks",
            due_on=today + datetime.timedelta(weeks=n),
        )

    response = lsp_client.get(detail_url(3))

    text = page_text(response)
    assert "The 10 due soonest of 12 open actions on this factor." in text
    assert "Action due in 9 weeks" in text and "Action due in 10 weeks" not in text
    assert "All actions on this factor" in text


def test_lsp_member_sees_no_officer_buttons(compact, lsp_client):
    text = page_text(lsp_client.get(detail_url(1)))

    assert "Add a local indicator" not in text
    assert "Retire" not in text
    assert "Delete" not in text


def test_officer_sees_indicator_buttons(compact, officer_client):
    text = page_text(officer_client.get(detail_url(1)))

    assert "Add a local indicator" in text
    assert "Retire" in text


def test_officer_adds_a_local_indicator(compact, officer_client):
    response = officer_client.post(
        reverse("success_factors:indicator_create", args=[1]),
        {"statement": "Partners publish a joint annual outcomes report", "guidance": "Look for the report."},
    )

    indicator = Indicator.objects.get(statement="Partners publish a joint annual outcomes report")
    assert response.status_code == 302
    assert indicator.is_local
    assert indicator.factor.number == 1


def test_local_indicator_needs_a_statement(compact, officer_client):
    response = officer_client.post(reverse("success_factors:indicator_create", args=[1]), {"statement": ""})

    assert "Enter the indicator statement" in page_text(response)


def test_retire_asks_for_confirmation_first(compact, officer_client):
    indicator = first_indicator(1)

    response = officer_client.get(reverse("success_factors:indicator_retire", args=[indicator.pk]))

    indicator.refresh_from_db()
    assert "Retire this indicator?" in page_text(response)
    assert indicator.retired_on is None


def test_officer_retires_an_indicator(compact, officer_client):
    indicator = first_indicator(1)

    officer_client.post(reverse("success_factors:indicator_retire", args=[indicator.pk]))

    indicator.refresh_from_db()
    assert indicator.is_retired


def test_the_last_statement_in_use_for_a_factor_cannot_be_retired_or_deleted(compact, officer_client):
    *others, last = list(Indicator.objects.filter(factor__number=4, retired_on__isnull=True))
    Indicator.objects.filter(pk__in=[i.pk for i in others]).update(retired_on=datetime.date(2026, 1, 5))
    retire = reverse("success_factors:indicator_retire", args=[last.pk])
    delete = reverse("success_factors:indicator_delete", args=[last.pk])
    reason = "This is the only statement in use for 4. Involve stakeholders. Add another one"

    assert reason in page_text(officer_client.get(retire))
    assert "Retire indicator" not in page_text(officer_client.get(retire))
    assert reason in page_text(officer_client.get(delete))
    response = officer_client.post(retire, follow=True)
    assert reason in page_text(response)
    officer_client.post(delete)

    last.refresh_from_db()
    assert not last.is_retired


def test_officer_reinstates_a_retired_indicator(compact, officer_client):
    indicator = first_indicator(1)
    indicator.retired_on = datetime.date(2026, 1, 5)
    indicator.save()

    officer_client.post(reverse("success_factors:indicator_reinstate", args=[indicator.pk]))

    indicator.refresh_from_db()
    assert not indicator.is_retired


def test_rated_indicator_has_no_delete_link(compact, officer_client):
    indicator = first_indicator(1)
    factories.RatingFactory(indicator=indicator, assessment=factories.AssessmentFactory(compact=compact))

    content = officer_client.get(detail_url(1)).content.decode()

    assert reverse("success_factors:indicator_delete", args=[indicator.pk]) not in content


def test_deleting_a_rated_indicator_is_refused(compact, officer_client):
    indicator = first_indicator(1)
    factories.RatingFactory(indicator=indicator, assessment=factories.AssessmentFactory(compact=compact))

    response = officer_client.post(reverse("success_factors:indicator_delete", args=[indicator.pk]), follow=True)

    assert "This indicator has ratings, so it cannot be deleted. Retire it instead." in page_text(response)
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_delete_page_for_a_rated_indicator_offers_retiring(compact, officer_client):
    indicator = first_indicator(1)
    factories.RatingFactory(indicator=indicator, assessment=factories.AssessmentFactory(compact=compact))

    response = officer_client.get(reverse("success_factors:indicator_delete", args=[indicator.pk]))

    assert "Retire it instead" in page_text(response)


def test_officer_deletes_an_unrated_local_indicator(compact, officer_client):
    indicator = Indicator.objects.create(factor=factor(1), statement="A statement added by mistake", is_local=True)

    response = officer_client.post(reverse("success_factors:indicator_delete", args=[indicator.pk]), follow=True)

    assert "The indicator has been deleted." in page_text(response)
    assert not Indicator.objects.filter(pk=indicator.pk).exists()


def test_the_page_is_kept_until_an_action_a_win_an_indicator_or_a_score_changes(compact, lsp_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.wins.factories import WinFactory

    lsp_client.get(detail_url(3))
    with CaptureQueriesContext(connection) as kept:
        lsp_client.get(detail_url(3))
    assert not [q for q in kept.captured_queries if "success_factors_action" in q["sql"]]  # from the cache

    action = factories.ActionFactory(compact=compact, factor=factor(3), description="Train every champion")
    assert "Train every champion" in page_text(lsp_client.get(detail_url(3)))
    action.status = ActionStatus.DONE
    action.save()
    assert "Train every champion" not in page_text(lsp_client.get(detail_url(3)))

    WinFactory(compact=compact, title="Joint bid for the youth hub", factors=[factor(3)])
    assert "Joint bid for the youth hub" in page_text(lsp_client.get(detail_url(3)))

    Indicator.objects.create(factor=factor(3), statement="Partners meet every quarter", is_local=True, order=99)
    assert "Partners meet every quarter" in page_text(lsp_client.get(detail_url(3)))

    trust = signed_organisation(compact, name="Riverside Trust")
    submitted_assessment(compact=compact, organisation=trust, round_name="2026/27", levels={3: Level.EMBEDDED})
    assert "2026/27" in page_text(lsp_client.get(detail_url(3)))
