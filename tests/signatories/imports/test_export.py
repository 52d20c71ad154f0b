"""Exports and templates: the same shape as the import, so importing an export changes nothing."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from tests import factories

from .spreadsheets import ORGANISATION_HEADINGS, preview_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(compact):
    council = factories.OrganisationFactory(
        name="Northbrook Borough Council",
        sector="statutory",
        kind="council",
        website="https://nb.example.gov.uk",
        address="Town Hall\nMarket Square",
        postcode="NB1 1AA",
        email="compact@nb.example.gov.uk",
    )
    trust = factories.OrganisationFactory(name="Riverside Trust", charity_number="SC012345", company_number="SC123456")
    factories.SignatureFactory(compact=compact, organisation=council)
    factories.ChampionFactory(organisation=trust, name="Alex Jones", phone="+44 1234 567890", support_needs="Time")
    factories.ChampionFactory(organisation=council, name="Sam Lee", email="")
    from signatories.models import Endorsement

    Endorsement.objects.create(
        compact=compact,
        organisation=council,
        name="Cllr Jo Smith",
        kind="elected_member",
        position="Leader",
        endorsed_on=datetime.date(2024, 5, 1),
    )
    return council


@pytest.mark.parametrize("kind", ["organisations", "champions", "endorsements"])
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_importing_an_export_again_previews_as_all_unchanged(officer_client, register, kind, file_format):
    response = officer_client.get(reverse("signatories:export", args=[kind, file_format]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(f'attachment; filename="{kind}-')

    page = preview_of(officer_client, response.content, name=f"export.{file_format}", kind=kind)

    counts = page.context["preview"].counts
    assert counts["new"] == counts["changed"] == counts["error"] == 0
    assert counts["unchanged"] == {"organisations": 2, "champions": 2, "endorsements": 1}[kind]


def test_the_export_has_the_template_headings_and_the_register(officer_client, register):
    content = officer_client.get(reverse("signatories:export", args=["organisations", "xlsx"])).content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == ORGANISATION_HEADINGS
    assert rows[1][:3] == ("Northbrook Borough Council", "Statutory", "Local council")
    assert rows[1][9] == datetime.datetime(2021, 5, 1)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_each_template_is_headings_and_one_example_that_imports_cleanly(officer_client, compact, file_format):
    response = officer_client.get(reverse("signatories:import_template", args=["organisations", file_format]))
    page = preview_of(officer_client, response.content, name=f"template.{file_format}")
    assert page.context["preview"].counts == {"new": 1, "changed": 0, "unchanged": 0, "error": 0}


def test_an_unknown_kind_or_format_is_not_found(officer_client):
    assert officer_client.get(reverse("signatories:export", args=["people", "csv"])).status_code == 404
    assert officer_client.get(reverse("signatories:export", args=["organisations", "pdf"])).status_code == 404


def test_the_import_page_links_every_template_and_export(officer_client, compact):
    html = officer_client.get(reverse("signatories:import_start")).content.decode()
    for kind in ["organisations", "champions", "endorsements"]:
        assert reverse("signatories:import_upload", args=[kind]) in html
        assert reverse("signatories:export", args=[kind, "xlsx"]) in html
    assert "Nothing has been imported yet." in html
