"""The demo's consultations and funding decisions, as the issue describes them."""

import datetime

import pytest
from django.utils import timezone

from commitments.models import Consultation, FundingDecision, Result, Rule
from commitments.selectors import funding_ending_without_notice
from compact_site import demo
from signatories.selectors import current_compact

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    demo.load()
    return current_compact()


def test_fifteen_consultations_by_four_bodies_over_two_years_most_of_them_12_weeks(loaded):
    assert Consultation.objects.count() == 15
    bodies = set(Consultation.objects.values_list("body__name", flat=True)) | set(
        FundingDecision.objects.values_list("body__name", flat=True)
    )
    assert len(bodies) == 4
    oldest = min(
        Consultation.objects.order_by("opened_on").first().opened_on,
        FundingDecision.objects.order_by("decided_on").first().decided_on,
    )
    assert (timezone.localdate() - oldest).days > 365 * 2 - 60
    # Most consultations last 12 weeks; a few are shorter, with and without a reason.
    length = {
        c.consultation.title: c
        for c in Consultation.checks.rel.related_model.objects.filter(
            commitment__rule=Rule.CONSULTATION_LENGTH
        ).select_related("consultation")
    }
    met = [title for title, check in length.items() if check.result == Result.MET]
    short = [check.consultation for check in length.values() if check.result == Result.NOT_MET]
    assert len(met) >= 10
    assert any(record.shorter_reason for record in short) and any(not record.shorter_reason for record in short)


def test_twenty_five_funding_decisions_some_one_year_and_a_contract_ended_at_three_weeks_notice(loaded):
    assert FundingDecision.objects.count() == 25
    one_year = FundingDecision.objects.filter(
        funding_kind="grant", checks__commitment__rule=Rule.MULTI_YEAR, checks__result=Result.NOT_MET
    )
    assert one_year.count() >= 5
    contract = FundingDecision.objects.get(funding_kind="contract", change="ended")
    assert contract.change_takes_effect_on - contract.notice_given_on == datetime.timedelta(weeks=3)
    assert contract.checks.get(commitment__rule=Rule.NOTICE).result == Result.NOT_MET
    assert contract.concerns.count() == 1
    # And the officers' early warning has something to say.
    assert funding_ending_without_notice(compact=loaded, today=timezone.localdate()).exists()
