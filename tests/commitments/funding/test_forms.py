"""The funding decision form, posted as an officer fills it in: yes, no and "not known", and what it refuses."""

import datetime

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
