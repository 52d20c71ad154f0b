"""An officer records one answer 360Giving does not carry for every funding decision of a grant programme."""

import pytest
from django.urls import reverse

from commitments import services
from commitments.models import FundingDecision, Result, Rule
from tests.commitments import builders
from tests.commitments.builders import signed_statutory_body

pytestmark = pytest.mark.django_db

URL = reverse("commitments:funding_set_for_many")


@pytest.fixture
def programmes(compact, officer):
    council = signed_statutory_body(compact)
    made = {}
    for name, programme in (("A", "Community Chest"), ("B", "Community Chest"), ("C", "Small Grants")):
        made[name] = builders.funding(
            compact=compact, by=officer, body=council, name=name, full_cost_recovery=None, paid_in_advance=None
        )
        FundingDecision.objects.filter(pk=made[name].pk).update(programme=programme)
    return made


def full_cost_recovery(name):
    decision = FundingDecision.objects.get(name=name)
    return decision.full_cost_recovery, builders.result(decision, Rule.FULL_COST_RECOVERY)


def test_every_decision_in_the_programme_gets_the_answer_and_is_checked_again(officer_client, programmes):
    response = officer_client.post(
        URL, {"programme": "Community Chest", "field": "full_cost_recovery", "answer": "yes"}
    )

    assert response.status_code == 302 and response["Location"] == reverse("commitments:funding_list")
    assert full_cost_recovery("A") == (True, Result.MET)
    assert full_cost_recovery("B") == (True, Result.MET)
    assert full_cost_recovery("C") == (None, Result.UNKNOWN), "another programme is left as it was"
    page = officer_client.get(response["Location"])
    assert "is now Yes for every funding decision in Community Chest: 2 changed and checked again" in (
        page.content.decode()
    )
    history = FundingDecision.objects.get(name="A").history.first()
    assert history.history_change_reason == "Set for many at once from the list"


def test_not_known_takes_an_answer_back(officer_client, programmes):
    officer_client.post(URL, {"programme": "Small Grants", "field": "paid_in_advance", "answer": "no"})
    officer_client.post(URL, {"programme": "Small Grants", "field": "paid_in_advance", "answer": "unknown"})

    assert FundingDecision.objects.get(name="C").paid_in_advance is None


def test_the_page_offers_the_programmes(officer_client, programmes):
    page = officer_client.get(URL)

    assert page.status_code == 200
    assert page.context["form"].fields["programme"].choices == [
        ("", "Choose a programme"),
        ("Community Chest", "Community Chest"),
        ("Small Grants", "Small Grants"),
    ]


def test_nothing_chosen_is_an_error_in_the_summary(officer_client, programmes):
    page = officer_client.post(URL, {})

    html = page.content.decode()
    assert page.status_code == 200 and "govuk-error-summary" in html
    for message in ("Choose the grant programme", "Choose what you want to record", "Choose Yes, No or Not known"):
        assert message in html
    assert FundingDecision.objects.filter(full_cost_recovery__isnull=False).count() == 0


def test_a_programme_not_in_the_list_is_refused(officer_client, programmes):
    page = officer_client.post(URL, {"programme": "Made up", "field": "full_cost_recovery", "answer": "yes"})

    assert "Choose the grant programme" in page.content.decode()


def test_only_officers_may_set_answers_for_many(programmes, champion):
    with pytest.raises(services.PermissionDenied):
        services.set_for_many(
            by=champion, records=FundingDecision.objects.all(), field="full_cost_recovery", value=True
        )
