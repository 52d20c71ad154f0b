"""Forgiving headings: case, spaces and common synonyms; anything else the officer matches by hand."""

import pytest
from django.urls import reverse

from signatories.models import Organisation

from .spreadsheets import confirm, csv_bytes, preview_of

pytestmark = pytest.mark.django_db


def test_headings_are_recognised_whatever_their_case_spacing_or_synonym(officer_client, compact):
    lines = [
        ["  ORGANISATION NAME ", "sector", "Type", "Charity No.", "Post code", "E-mail"],
        ["Riverside Food Bank", "VCSE", "charity", "1187654", "nb4 7lp", "info@example.org"],
    ]
    page = preview_of(officer_client, csv_bytes(lines))
    assert page.context["preview"].counts["new"] == 1
    confirm(officer_client, page)
    food_bank = Organisation.objects.get()
    assert (food_bank.sector, food_bank.charity_number, food_bank.postcode, food_bank.email) == (
        "voluntary",
        "1187654",
        "NB4 7LP",
        "info@example.org",
    )


def test_an_unrecognised_heading_is_matched_by_hand_or_ignored(officer_client, compact):
    lines = [["Org", "Sector", "Kind", "Notes"], ["Riverside Food Bank", "Voluntary", "Charity", "call back"]]
    page = preview_of(officer_client, csv_bytes(lines))
    html = page.content.decode()
    assert "Tell us what these columns hold" in html and "Column A: “Org”" in html and "Column D: “Notes”" in html
    assert "Confirm and import" not in html
    url = reverse("signatories:import_columns", args=[page.context["run"].public_id])

    refused = officer_client.post(url, {"column_0": "name"})
    assert "Choose which field column D (“Notes”) holds, or ignore it" in refused.content.decode()

    response = officer_client.post(url, {"column_0": "name", "column_3": "ignore"})
    page = officer_client.get(response["Location"])
    assert page.context["preview"].counts["new"] == 1
    confirm(officer_client, page)
    assert Organisation.objects.get().name == "Riverside Food Bank"


def test_a_missing_required_column_is_a_problem_with_the_file(officer_client, compact):
    page = preview_of(officer_client, csv_bytes([["Sector", "Kind"], ["Statutory", "Police"]]))
    assert "The file has no Name column: add one, or choose which column holds it" in page.content.decode()
    assert not page.context["preview"].can_confirm


def test_two_columns_for_one_field_is_a_problem(officer_client, compact):
    page = preview_of(
        officer_client, csv_bytes([["Name", "Organisation", "Sector", "Kind"], ["A", "B", "Statutory", "Police"]])
    )
    assert "Columns A and B are both Name: keep one of them" in page.content.decode()
