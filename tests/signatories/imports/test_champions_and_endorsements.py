"""Importing champions and endorsements: each names an organisation already on the register."""

import datetime

import pytest

from signatories.models import Champion, Endorsement
from tests import factories

from .spreadsheets import confirm, csv_bytes, preview_of, problems

pytestmark = pytest.mark.django_db

CHAMPION_HEADINGS = ["Name", "Email", "Phone", "Job title", "Organisation", "Champion since", "Support needs"]
ENDORSEMENT_HEADINGS = ["Name", "Position", "Kind", "Organisation", "Date"]


def test_champions_are_added_to_their_organisations(officer_client, officer, compact):
    transport = factories.OrganisationFactory(name="Northbrook Community Transport")
    lines = [
        CHAMPION_HEADINGS,
        [
            "Alex Jones",
            "Alex.Jones@Example.org",
            "01234 567890",
            "Coordinator",
            "northbrook community transport",
            "3 March 2025",
            "Time for the network",
        ],
    ]
    page = preview_of(officer_client, csv_bytes(lines), kind="champions")
    assert page.context["preview"].counts["new"] == 1

    confirm(officer_client, page)

    champion = Champion.objects.get()
    assert (champion.organisation, champion.email, champion.appointed_on, champion.support_needs) == (
        transport,
        "alex.jones@example.org",
        datetime.date(2025, 3, 3),
        "Time for the network",
    )
    assert champion.history.get().history_user == officer


def test_a_champion_is_matched_by_email_within_their_organisation(officer_client, compact):
    existing = factories.ChampionFactory(
        organisation__name="Riverside Trust", name="Alex Jones", email="alex@example.org", job_title="Volunteer"
    )
    lines = [CHAMPION_HEADINGS, ["Alexandra Jones", "ALEX@example.org", "", "Manager", "Riverside Trust", "", ""]]
    page = preview_of(officer_client, csv_bytes(lines), kind="champions")
    row = page.context["preview"].changed_rows[0]
    assert row.target == existing
    assert [(c.label, c.old, c.new) for c in row.changes] == [
        ("Name", "Alex Jones", "Alexandra Jones"),
        ("Job title", "Volunteer", "Manager"),
    ]


def test_a_champion_of_an_unknown_organisation_is_an_error(officer_client, compact):
    lines = [CHAMPION_HEADINGS, ["Alex Jones", "", "", "", "Nowhere Trust", "01/01/2025", ""]]
    page = preview_of(officer_client, csv_bytes(lines), kind="champions")
    assert problems(page) == [
        "Row 2: Organisation (cell E2) is not an organisation on the register (Nowhere Trust): import the "
        "organisations first, or check the spelling"
    ]


def test_a_new_champion_needs_the_date_they_started(officer_client, compact):
    factories.OrganisationFactory(name="Riverside Trust")
    lines = [CHAMPION_HEADINGS, ["Alex Jones", "", "", "", "Riverside Trust", "", ""]]
    page = preview_of(officer_client, csv_bytes(lines), kind="champions")
    assert problems(page) == ["Row 2: Champion since (cell F2) is empty: enter the date they became a champion"]


def test_the_same_champion_twice_in_a_file_is_an_error(officer_client, compact):
    factories.OrganisationFactory(name="Riverside Trust")
    lines = [
        CHAMPION_HEADINGS,
        ["Alex Jones", "alex@example.org", "", "", "Riverside Trust", "01/01/2025", ""],
        ["A. Jones", "alex@example.org", "", "", "Riverside Trust", "01/01/2025", ""],
    ]
    page = preview_of(officer_client, csv_bytes(lines), kind="champions")
    assert len(problems(page)) == 2
    assert "same email address" in problems(page)[0]


def test_endorsements_are_recorded_against_the_compact(officer_client, compact):
    council = factories.OrganisationFactory(name="Northbrook Borough Council")
    lines = [
        ENDORSEMENT_HEADINGS,
        ["Cllr Jo Smith", "Leader of the Council", "Elected member", "Northbrook Borough Council", "2025-03-03"],
    ]
    page = preview_of(officer_client, csv_bytes(lines), kind="endorsements")
    confirm(officer_client, page)

    endorsement = Endorsement.objects.get()
    assert (endorsement.compact, endorsement.organisation, endorsement.kind, endorsement.endorsed_on) == (
        compact,
        council,
        "elected_member",
        datetime.date(2025, 3, 3),
    )
    again = preview_of(officer_client, csv_bytes(lines), kind="endorsements")
    assert again.context["preview"].counts["unchanged"] == 1


def test_an_endorsement_needs_every_column(officer_client, compact):
    factories.OrganisationFactory(name="Northbrook Borough Council")
    lines = [ENDORSEMENT_HEADINGS, ["Cllr Jo Smith", "", "Mayor", "Northbrook Borough Council", "31/02/2025"]]
    page = preview_of(officer_client, csv_bytes(lines), kind="endorsements")
    assert problems(page) == [
        "Row 2: Kind (cell C2) must be one of: Senior leader, Elected member, Senior officer of a service directorate",
        "Row 2: Date (cell E2) is not a real date (31/02/2025)",
        "Row 2: Position (cell B2) is empty: enter their position",
    ]
