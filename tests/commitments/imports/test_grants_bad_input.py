"""Files that are not 360Giving, and grants that cannot be recorded: a clear message, and nothing saved."""

import json

import pytest

from commitments.models import FundingDecision
from signatories.models import ImportRun, Organisation
from tests import factories
from tests.commitments.builders import signed_statutory_body
from tests.signatories.imports.spreadsheets import confirm, csv_bytes, preview_of, upload

from .grants import csv_row, grant, grants_csv, package

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(compact):
    return signed_statutory_body(compact)


def refused(client, data, name):
    response = upload(client, data, name, kind="grants")
    assert response.status_code == 200, "a refused file stays on the upload page"
    assert "govuk-error-summary" in response.content.decode()
    assert ImportRun.objects.count() == 0
    return response.context["form"].errors["file"][0]


def problems(page):
    preview = page.context["preview"]
    return [f"{preview.row_word} {row.number}: {problem}" for row in preview.errors for problem in row.errors]


def nothing_saved(client, page, organisations_before):
    assert not page.context["preview"].can_confirm
    confirm(client, page)
    assert FundingDecision.objects.count() == 0
    assert Organisation.objects.count() == organisations_before


@pytest.mark.parametrize(
    "data,name",
    [
        (json.dumps({"results": [{"id": 1, "name": "x"}]}).encode(), "random.json"),
        (json.dumps([1, 2, 3]).encode(), "list.json"),
        (json.dumps({"grants": "none"}).encode(), "odd.json"),
        (csv_bytes([["Name", "Sector", "Amount"], ["Food bank", "Voluntary", "12"]]), "register.csv"),
    ],
)
def test_a_file_that_is_not_360giving_is_refused_naming_what_was_expected(officer_client, council, data, name):
    message = refused(officer_client, data, name)

    assert message.startswith("The selected file is not 360Giving data: we expected a 360Giving JSON file")
    assert "Amount Awarded" in message


def test_broken_json_is_refused(officer_client, council):
    assert refused(officer_client, b'{"grants": [{"id": ', "broken.json").startswith(
        "The selected file could not be read as JSON"
    )


def test_json_nested_too_deep_to_read_is_refused(officer_client, council):
    assert "could not be read as JSON" in refused(officer_client, b"[" * 100_000, "deep.json")


@pytest.mark.parametrize("where", ["title", "description"])
def test_text_with_control_characters_is_refused_as_a_csv_file_would_be(officer_client, council, where):
    """A JSON "\\u0000" is no grant's text (and PostgreSQL cannot keep it): the file is refused, nothing saved."""
    grants = [grant(1), grant(2, **{where: "Food\u0000bank"})]

    message = refused(officer_client, package(*grants), "grants.json")

    assert message.startswith("Grant 2 has characters in it that are not text")


def test_an_impossible_date_is_shown_with_its_row_and_field(officer_client, council):
    before = Organisation.objects.count()
    page = preview_of(
        officer_client, grants_csv(csv_row(1), csv_row(2, **{"Award Date": "31/02/2014"})), "g.csv", kind="grants"
    )

    assert problems(page) == ["Row 3: Award Date (cell E3) is not a real date (31/02/2014)"]
    assert "Row 3: Award Date (cell E3) is not a real date (31/02/2014)" in page.content.decode()
    nothing_saved(officer_client, page, before)


def test_in_json_an_impossible_date_is_shown_with_its_grant_and_field(officer_client, council):
    page = preview_of(officer_client, package(grant(1), grant(2, awardDate="2014-02-31")), "g.json", kind="grants")

    assert problems(page) == ["Grant 2: Award Date is not a real date (2014-02-31)"]
    assert "Grant 2: Award Date is not a real date (2014-02-31)" in page.content.decode()


def test_an_amount_that_is_not_a_number_is_shown_with_its_row_and_field(officer_client, council):
    before = Organisation.objects.count()
    page = preview_of(
        officer_client, grants_csv(csv_row(1, **{"Amount Awarded": "ten thousand"})), "g.csv", kind="grants"
    )

    assert problems(page) == [
        "Row 2: Amount Awarded (cell D2) is not an amount of money: write it in figures, like 12500 or 12500.50"
    ]
    nothing_saved(officer_client, page, before)


def test_amounts_with_pound_signs_and_commas_are_read(officer_client, council):
    page = preview_of(
        officer_client, grants_csv(csv_row(1, **{"Amount Awarded": "£12,500.50"})), "g.csv", kind="grants"
    )

    assert page.context["preview"].can_confirm
    assert str(page.context["preview"].rows[0].decision["amount"]) == "12500.50"


def test_a_funder_that_matches_no_statutory_signatory(officer_client, council):
    before = Organisation.objects.count()
    data = package(grant(1, fundingOrganization=[{"id": "GB-GOR-PC390", "name": "Big Lottery Fund"}]))
    page = preview_of(officer_client, data, "g.json", kind="grants")

    assert problems(page) == [
        "Grant 1: Funding Org:Identifier Big Lottery Fund (GB-GOR-PC390) matches no statutory signatory on the "
        "register: add it to the register as a statutory body that has signed the Compact (or give it this "
        "360Giving identifier), then upload the file again"
    ]
    nothing_saved(officer_client, page, before)


def test_a_funder_on_the_register_that_is_not_a_statutory_signatory(officer_client, council):
    factories.OrganisationFactory(name="Anytown Community Foundation", identifier="GB-CHC-1000001")
    data = package(grant(1, fundingOrganization=[{"id": "GB-CHC-1000001", "name": "Anytown Community Foundation"}]))
    page = preview_of(officer_client, data, "g.json", kind="grants")

    assert "which is not an active statutory signatory" in problems(page)[0]


def test_duplicate_identifiers_within_one_file(officer_client, council):
    before = Organisation.objects.count()
    page = preview_of(officer_client, package(grant(1), grant(2), grant(1, title="Again")), "g.json", kind="grants")

    assert problems(page) == [
        "Grant 1: Grant 1 looks like the same grant as grant 3 (same Identifier): keep one of them, or make them different",
        "Grant 3: Grant 3 looks like the same grant as grant 1 (same Identifier): keep one of them, or make them different",
    ]
    nothing_saved(officer_client, page, before)


def test_a_grant_in_another_currency(officer_client, council):
    page = preview_of(officer_client, package(grant(1, currency="EUR")), "g.json", kind="grants")

    assert problems(page) == [
        "Grant 1: Currency is EUR: amounts are recorded in pounds, so only grants in GBP can be imported"
    ]


def test_missing_fields_are_named(officer_client, council):
    lost = {key: value for key, value in grant(1).items() if key != "awardDate"}
    page = preview_of(officer_client, package(lost), "g.json", kind="grants")

    assert [column.heading for column in page.context["preview"].missing] == ["Award Date"]
    assert "The file has no Award Date column" in page.content.decode()


def test_an_empty_required_cell(officer_client, council):
    page = preview_of(officer_client, grants_csv(csv_row(1, **{"Amount Awarded": ""})), "g.csv", kind="grants")

    assert problems(page) == ["Row 2: Amount Awarded (cell D2) is empty: give the amount awarded"]


def test_an_end_before_the_start(officer_client, council):
    page = preview_of(
        officer_client, grants_csv(csv_row(1, **{"Planned Dates:End Date": "01/01/2026"})), "g.csv", kind="grants"
    )

    assert problems(page) == [
        "Row 2: Planned Dates:End Date (cell G2) is before the start date (01/04/2026): correct whichever is wrong"
    ]


def test_formula_looking_text_is_kept_as_text_and_escaped_on_export(officer_client, council):
    page = preview_of(officer_client, grants_csv(csv_row(1, Title='=HYPERLINK("http://x")')), "g.csv", kind="grants")
    confirm(officer_client, page)

    assert FundingDecision.objects.get().name == '=HYPERLINK("http://x")'
    exported = officer_client.get("/register/export/grants.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in exported


def test_a_file_over_the_size_limit_is_refused(officer_client, council, settings):
    settings.GRANTS_IMPORT_MAX_BYTES = 100
    assert refused(officer_client, package(grant(1), grant(2)), "g.json").startswith(
        "The selected file must be smaller than"
    )


def test_too_many_grants_are_refused(officer_client, council, settings):
    settings.IMPORT_MAX_ROWS = 2
    assert "one import can take up to 2" in refused(officer_client, package(grant(1), grant(2), grant(3)), "g.json")
