"""'Save and add another' on the forms for new records: saved and checked, then a blank form for the next one."""

import pytest
from django.urls import reverse

from commitments.models import Commitment, Consultation, FundingDecision
from signatories.models import Sector
from tests import factories

from .builders import consultation_form, funding_form, signed_statutory_body


@pytest.fixture
def body(compact):
    return signed_statutory_body(compact)


@pytest.mark.parametrize(
    "kind, model, form",
    [("funding", FundingDecision, funding_form), ("consultation", Consultation, consultation_form)],
)
def test_save_and_add_another_saves_then_offers_a_blank_form_for_the_same_body(kind, model, form, body, officer_client):
    url = reverse(f"commitments:{kind}_create")
    response = officer_client.post(url, form(body) | {"add_another": "yes"}, follow=True)
    record = model.objects.get()
    assert record.checks.exists(), "saved and checked against the commitments"
    assert response.redirect_chain == [(f"{url}?body={body.pk}", 302)]
    text = response.content.decode()
    assert f"“{record}” has been recorded and checked" in text
    blank = response.context["form"]
    assert not blank.is_bound and str(blank["body"].value()) == str(body.pk)
    assert "Save and add another" in text


def test_the_other_button_goes_to_the_record_as_before(body, officer_client):
    response = officer_client.post(reverse("commitments:funding_create"), funding_form(body))
    assert response["Location"] == FundingDecision.objects.get().get_absolute_url()


def test_a_mistake_saves_nothing_and_keeps_the_answers(body, officer_client):
    data = funding_form(body, amount="lots") | {"add_another": "yes"}
    response = officer_client.post(reverse("commitments:funding_create"), data)
    assert response.status_code == 200
    assert "Enter the amount as a number, like 45000" in response.content.decode()
    assert not FundingDecision.objects.exists()


def test_a_champion_reporting_can_add_another_too(compact, body, client):
    champion = factories.champion_user(
        username="vcs-champion", organisation=factories.OrganisationFactory(sector=Sector.VOLUNTARY)
    )
    client.force_login(champion)
    url = reverse("commitments:consultation_create")
    response = client.post(url, consultation_form(body) | {"add_another": "yes"})
    assert response["Location"] == f"{url}?body={body.pk}"
    assert Consultation.objects.get().reported_by == champion


def test_changing_a_record_has_no_add_another(body, officer_client):
    officer_client.post(reverse("commitments:funding_create"), funding_form(body))
    page = officer_client.get(reverse("commitments:funding_edit", args=[FundingDecision.objects.get().pk]))
    assert "Save and add another" not in page.content.decode()


def test_a_local_commitment_then_another(officer_client):
    data = {"title": "Feedback within 12 weeks", "rule": "feedback", "threshold": "12", "factor": "4"}
    response = officer_client.post(reverse("commitments:commitment_create"), data | {"add_another": "yes"})
    assert response["Location"] == reverse("commitments:commitment_create")
    assert Commitment.objects.filter(title="Feedback within 12 weeks", is_local=True).exists()
