"""Two people editing the same record: the second save is refused, says what changed, and loses nothing."""

import re

import pytest
from django.urls import reverse

from signatories.models import Sector
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def version_on(page):
    return re.search(r'name="version" value="([^"]+)"', page.content.decode()).group(1)


def organisation_data(organisation, version, **changes):
    data = {
        "name": organisation.name,
        "sector": organisation.sector,
        "kind": organisation.kind,
        "charity_number": organisation.charity_number,
        "company_number": "",
        "website": "",
        "version": version,
    }
    data.update(changes)
    return data


def test_the_second_of_two_overlapping_edits_is_refused_with_what_changed(officer_client):
    organisation = factories.OrganisationFactory(name="Riverside Trust", sector=Sector.VOLUNTARY)
    url = reverse("signatories:organisation_edit", args=[organisation.pk])
    other_officer = client_for(factories.officer(username="second-officer"))
    mine, theirs = version_on(officer_client.get(url)), version_on(other_officer.get(url))

    assert (
        officer_client.post(url, organisation_data(organisation, mine, name="Riverside Community Trust")).status_code
        == 302
    )
    response = other_officer.post(url, organisation_data(organisation, theirs, charity_number="7654321"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert "Someone else changed this record (name)" in html
    assert 'value="7654321"' in html  # what they typed is still there
    organisation.refresh_from_db()
    assert (organisation.name, organisation.charity_number) == (
        "Riverside Community Trust",
        organisation.charity_number,
    )

    # Having seen it, saving again replaces the other change deliberately.
    again = other_officer.post(url, organisation_data(organisation, version_on(response), charity_number="7654321"))
    assert again.status_code == 302
    organisation.refresh_from_db()
    assert organisation.charity_number == "7654321"


def test_an_action_edited_twice_at_once_keeps_the_first_save(compact, officer_client):
    action = factories.ActionFactory(compact=compact, description="Brief every councillor")
    url = reverse("success_factors:action_edit", args=[action.pk])
    version = version_on(officer_client.get(url))
    data = {
        "factor": action.factor.pk,
        "description": "Brief every councillor by May",
        "owner_name": "Policy team",
        "due_on_0": "31",
        "due_on_1": "3",
        "due_on_2": "2027",
        "status": "open",
        "version": version,
    }
    action.description = "Brief every councillor and officer"
    action.save()

    response = officer_client.post(url, data)

    assert "Someone else changed this record (description)" in response.content.decode()
    action.refresh_from_db()
    assert action.description == "Brief every councillor and officer"
