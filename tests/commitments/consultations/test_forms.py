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


def test_not_known_is_an_answer_the_officer_chooses(officer_client, body):
    officer_client.post(
        reverse("commitments:consultation_create"), consultation_form(body, sector_involved="not_known")
    )
    consultation = Consultation.objects.get()
    assert consultation.sector_involved == ""
    page = officer_client.get(reverse("commitments:consultation_edit", args=[consultation.pk]))
    assert page.context["form"]["sector_involved"].value() == "not_known"


def test_whether_the_sector_was_involved_cannot_be_left_blank(officer_client, body):
    response = officer_client.post(
        reverse("commitments:consultation_create"), consultation_form(body, sector_involved="")
    )
    assert "Say whether the sector was involved in designing it, or choose Not known" in response.content.decode()
    assert not Consultation.objects.exists()
