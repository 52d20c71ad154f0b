"""An area's real-looking register imports without a Kind column: the kind is inferred where the row says it,
otherwise "Other" with a warning in the preview, and the officer sets it for many organisations afterwards."""

import pytest

from signatories.imports.defaults import NOT_RECORDED
from signatories.models import Organisation, Signature

from .area_register import AREA_HEADINGS, AREA_ROWS
from .spreadsheets import confirm, csv_bytes, preview_of, problems, xlsx_bytes

pytestmark = pytest.mark.django_db

KINDS = {
    "Riverside Food Bank": ("charity", "voluntary"),
    "Green Shoots Community Gardens CIC": ("social_enterprise", "voluntary"),
    "Northbrook Borough Council": ("other", "statutory"),
    "St John’s Church Hall Committee": ("other", "voluntary"),
    "Tŷ Hafan Northbrook": ("charity", "voluntary"),
}


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_area_register_with_no_kind_column_imports_with_the_kinds_it_says(file_format, officer_client, compact):
    lines = [AREA_HEADINGS, *AREA_ROWS]
    data = csv_bytes(lines) if file_format == "csv" else xlsx_bytes(lines)
    page = preview_of(officer_client, data, name=f"northbrook-register.{file_format}")
    preview = page.context["preview"]
    assert problems(page) == []
    assert preview.counts == {"new": 5, "changed": 0, "unchanged": 0, "error": 0}
    assert preview.can_confirm, "a missing Kind column no longer stops the import"
    assert sorted(row.label for row in preview.warned_rows) == [
        "Northbrook Borough Council",
        "St John’s Church Hall Committee",
    ]
    text = " ".join(page.content.decode().split())
    assert "Kind: Other, as the file has no Kind column. Check it, and set it on the register if it is wrong" in text
    assert "Kind: Charity, from a charity number (the file has no Kind column)" in text
    assert (
        "Kind: Social enterprise, from a company number and a community interest company's name "
        "(the file has no Kind column)" in text.replace("&#x27;", "'")
    )
    assert "Sector: Voluntary and community, from its kind, charity (the Sector cell is empty)" in text
    assert 'class="govuk-warning-text" id="defaults"' in text
    assert "govuk-error-summary" not in text, "defaults are warnings, not errors"

    confirm(officer_client, page)

    assert {o.name: (o.kind, o.sector) for o in Organisation.objects.all()} == KINDS
    food_bank = Signature.objects.get(organisation__name="Riverside Food Bank")
    assert (food_bank.signed_by_name, food_bank.signed_by_role) == ("Peter Lawson", "Manager")
    assert Signature.objects.count() == 3


def test_a_company_number_without_a_social_enterprise_name_says_nothing_of_the_kind(officer_client, compact):
    lines = [["Name", "Sector", "Company number"], ["Northbrook Housing Ltd", "Other", "01234567"]]
    preview = preview_of(officer_client, csv_bytes(lines)).context["preview"]
    assert preview.new_rows[0].values["kind"] == "other"
    assert preview.new_rows[0].warnings


def test_a_social_enterprise_in_its_name_and_a_company_number_is_one(officer_client, compact):
    lines = [["Name", "Company number"], ["Brookside Social Enterprise Ltd", "07654321"]]
    preview = preview_of(officer_client, csv_bytes(lines)).context["preview"]
    values = preview.new_rows[0].values
    assert (values["kind"], values["sector"]) == ("social_enterprise", "voluntary")


def test_neither_kind_nor_sector_in_the_file_takes_other_for_both_with_warnings(officer_client, compact):
    preview = preview_of(officer_client, csv_bytes([["Name"], ["Northbrook Allotment Society"]])).context["preview"]
    row = preview.new_rows[0]
    assert (row.values["kind"], row.values["sector"]) == ("other", "other")
    assert row.warnings == [
        "Kind: Other, as the file has no Kind column. Check it, and set it on the register if it is wrong",
        "Sector: Other, as the file has no Sector column. Check it, and set it on the register if it is wrong",
    ]
    assert preview.can_confirm


def test_a_signature_with_no_signed_by_or_role_column_is_not_recorded_with_a_warning(officer_client, compact):
    lines = [
        ["Name", "Sector", "Charity number", "Date signed"],
        ["Riverside Food Bank", "Voluntary", "1187654", "03/03/2025"],
    ]
    page = preview_of(officer_client, csv_bytes(lines))
    row = page.context["preview"].new_rows[0]
    assert row.warnings == [
        f"Signed by: “{NOT_RECORDED}”, as the file has no Signed by column",
        f"Signed by role: “{NOT_RECORDED}”, as the file has no Signed by role column",
    ]
    confirm(officer_client, page)
    signature = Signature.objects.get()
    assert (signature.signed_by_name, signature.signed_by_role) == (NOT_RECORDED, NOT_RECORDED)


def test_an_existing_organisation_keeps_its_kind_when_the_file_has_none(officer_client, compact):
    from tests import factories

    factories.OrganisationFactory(name="Riverside Food Bank", kind="faith", sector="voluntary")
    lines = [["Name", "Website"], ["Riverside Food Bank", "https://riverside.example.org"]]
    page = preview_of(officer_client, csv_bytes(lines))
    assert page.context["preview"].counts["changed"] == 1
    confirm(officer_client, page)
    assert Organisation.objects.get().kind == "faith"
