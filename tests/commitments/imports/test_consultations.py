"""Consultations from a consultation hub's spreadsheet, in the documented template."""

import datetime

import pytest

from commitments.models import Consultation, Result, Rule
from tests.commitments import builders
from tests.commitments.builders import signed_statutory_body
from tests.signatories.imports.spreadsheets import confirm, csv_bytes, preview_of, xlsx_bytes

pytestmark = pytest.mark.django_db

HEADINGS = [
    "Title",
    "Statutory body",
    "Opened",
    "Closes",
    "Early notice given on",
    "Sector involved",
    "Feedback published on",
    "Link",
]


def row(title="Library opening hours", **overrides):
    values = {
        "Title": title,
        "Statutory body": "Anytown Borough Council",
        "Opened": "05/01/2026",
        "Closes": "30/03/2026",
        "Early notice given on": "01/12/2025",
        "Sector involved": "Yes",
        "Feedback published on": "",
        "Link": "https://anytown.example.org/consult/1",
    }
    values.update(overrides)
    return [values[heading] for heading in HEADINGS]


def problems(page):
    return [f"Row {r.number}: {problem}" for r in page.context["preview"].errors for problem in r.errors]


@pytest.fixture
def council(compact):
    return signed_statutory_body(compact)


def test_a_hubs_spreadsheet_becomes_checked_consultations(officer_client, council):
    page = preview_of(
        officer_client,
        xlsx_bytes([HEADINGS, row(), row("Bus routes", Closes="02/03/2026")]),
        "c.xlsx",
        kind="consultations",
    )
    assert page.context["preview"].counts["new"] == 2
    confirm(officer_client, page)

    library = Consultation.objects.get(title="Library opening hours")
    assert (library.body, library.opened_on, library.closes_on) == (
        council,
        datetime.date(2026, 1, 5),
        datetime.date(2026, 3, 30),
    )
    assert library.sector_involved == "yes" and library.is_verified
    assert builders.result(library, Rule.CONSULTATION_LENGTH) == Result.MET
    assert builders.result(Consultation.objects.get(title="Bus routes"), Rule.CONSULTATION_LENGTH) == Result.NOT_MET


def test_the_same_file_again_changes_nothing_and_a_newer_one_updates(officer_client, council):
    data = csv_bytes([HEADINGS, row()])
    confirm(officer_client, preview_of(officer_client, data, "c.csv", kind="consultations"))

    again = preview_of(officer_client, data, "c.csv", kind="consultations")
    assert again.context["preview"].counts["unchanged"] == 1 and not again.context["preview"].can_confirm
    assert "No change" in again.content.decode()

    newer = preview_of(
        officer_client,
        csv_bytes([HEADINGS, row(**{"Feedback published on": "11/05/2026"})]),
        "c.csv",
        kind="consultations",
    )
    assert newer.context["preview"].counts["changed"] == 1
    confirm(officer_client, newer)
    assert Consultation.objects.get().feedback_published_on == datetime.date(2026, 5, 11)


def test_a_body_that_is_not_a_statutory_signatory_and_a_closing_before_opening(officer_client, council):
    data = csv_bytes(
        [
            HEADINGS,
            row(**{"Statutory body": "Riverside Food Bank"}),
            row("Parks", Opened="05/01/2026", Closes="01/01/2026"),
        ]
    )
    page = preview_of(officer_client, data, "c.csv", kind="consultations")

    assert problems(page) == [
        "Row 2: Statutory body (cell B2) Riverside Food Bank matches no statutory signatory on the register: add it "
        "to the register as a statutory body that has signed the Compact (or give it this 360Giving identifier), "
        "then upload the file again",
        "Row 3: Closes (cell D3) is before it opened (05/01/2026)",
    ]
    confirm(officer_client, page)
    assert Consultation.objects.count() == 0


def test_an_impossible_date_is_shown_with_its_row_and_field(officer_client, council):
    page = preview_of(officer_client, csv_bytes([HEADINGS, row(Opened="31/02/2026")]), "c.csv", kind="consultations")

    assert problems(page) == ["Row 2: Opened (cell C2) is not a real date (31/02/2026)"]


def test_two_rows_for_the_same_consultation(officer_client, council):
    page = preview_of(
        officer_client, csv_bytes([HEADINGS, row(), row("library opening hours")]), "c.csv", kind="consultations"
    )

    assert len(problems(page)) == 2 and "looks like the same consultation" in problems(page)[0]


def test_a_body_named_a_little_differently_is_the_officers_choice(officer_client, council):
    page = preview_of(
        officer_client,
        csv_bytes([HEADINGS, row(**{"Statutory body": "Anytown Council"})]),
        "c.csv",
        kind="consultations",
    )

    assert [q.label for q in page.context["preview"].questions] == ["Which statutory signatory is “Anytown Council”?"]
    assert "Tell us who these are" in page.content.decode()
