"""The consultation form, posted as an officer fills it in: what it refuses, and that nothing typed is lost."""

import datetime

import pytest
from django.urls import reverse

from commitments.models import Consultation

from ..builders import consultation_form, date, signed_statutory_body

D = datetime.date


@pytest.fixture
def body(compact):
    return signed_statutory_body(compact)


def test_a_closing_date_before_the_opening_is_refused_and_nothing_is_lost(officer_client, body):
    data = consultation_form(body, **date("closes_on", D(2026, 7, 1)))
    response = officer_client.post(reverse("commitments:consultation_create"), data)
    text = response.content.decode()
    assert "govuk-error-summary" in text
    assert "The closing date must be the same as or after the date it opened" in text
    assert 'value="Library service review"' in text
    assert not Consultation.objects.exists()
