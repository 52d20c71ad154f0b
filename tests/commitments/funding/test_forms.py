"""The funding decision form, posted as an officer fills it in: yes, no and "not known", and what it refuses."""

import datetime
import re

import pytest
from django.urls import reverse

from commitments.models import FundingDecision, Result, Rule

from ..builders import date, funding_form, signed_statutory_body

D = datetime.date


@pytest.fixture
def body(compact):
    return signed_statutory_body(compact)


def test_a_funding_decision_form_stores_yes_no_and_not_known(officer_client, body):
    officer_client.post(reverse("commitments:funding_create"), funding_form(body))
    record = FundingDecision.objects.get()
    assert (record.full_cost_recovery, record.paid_in_advance, record.rationale_published) == (False, True, None)
    results = {c.commitment.rule: c.result for c in record.checks.all()}
    assert results[Rule.RATIONALE] == Result.UNKNOWN
    assert results[Rule.MULTI_YEAR] == Result.NOT_MET


def test_notice_dates_without_an_ending_are_refused(officer_client, body):
    data = funding_form(body, **date("notice_given_on", D(2026, 3, 1)))
    response = officer_client.post(reverse("commitments:funding_create"), data)
    assert "Say whether the funding is being ended or reduced" in response.content.decode()
    assert not FundingDecision.objects.exists()


def test_a_yes_or_no_question_left_blank_is_refused_rather_than_taken_as_not_known(officer_client, body):
    data = funding_form(body, full_cost_recovery="", paid_in_advance="")
    response = officer_client.post(reverse("commitments:funding_create"), data)
    text = response.content.decode()
    assert "govuk-error-summary" in text
    assert "Say whether the funder accepts full cost recovery, or choose Not known" in text
    assert "Say whether it is paid in advance, or choose Not known" in text
    assert not FundingDecision.objects.exists()


def test_the_form_offers_yes_no_and_not_known_with_nothing_chosen_at_first(officer_client, body):
    page = officer_client.get(reverse("commitments:funding_create"))
    text = page.content.decode()
    for name in ("full_cost_recovery", "paid_in_advance", "rationale_published"):
        field = page.context["form"][name]
        assert [label for _, label in field.field.choices] == ["Yes", "No", "Not known"]
        assert field.value() is None, "no answer is chosen for the officer"
        radios = [tag for tag in re.findall(r"<input[^>]*>", text) if f'name="{name}"' in tag]
        assert len(radios) == 3 and all("govuk-radios__input" in tag for tag in radios)
        assert 'value="not_known"' in radios[2]
        assert not any("checked" in tag for tag in radios)


def test_not_known_is_shown_again_when_the_decision_is_changed(officer_client, body):
    officer_client.post(reverse("commitments:funding_create"), funding_form(body))
    record = FundingDecision.objects.get()
    page = officer_client.get(reverse("commitments:funding_edit", args=[record.pk]))
    assert page.context["form"]["rationale_published"].value() == "not_known"
    assert page.context["form"]["full_cost_recovery"].value() == "no"
