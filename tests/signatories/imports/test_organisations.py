"""Importing organisations: upload, preview every row, confirm, and the matching rules."""

import datetime

import pytest
from django.urls import reverse

from signatories.models import ImportRun, Organisation, Signature
from tests import factories

from .spreadsheets import confirm, csv_bytes, organisation, preview_of, problems, table, upload, xlsx_bytes

pytestmark = pytest.mark.django_db


def test_officer_previews_then_confirms_a_new_register(officer_client, officer, compact):
    rows = [
        organisation(
            "Riverside Food Bank",
            **{
                "Charity number": "1187654",
                "Postcode": "nb4 7lp",
                "Signed on": "03/03/2025",
                "Signed by": "Peter Lawson",
                "Signed by role": "Manager",
            },
        ),
        organisation("Northbrook Borough Council", Sector="Statutory", Kind="Local council"),
    ]
    page = preview_of(officer_client, csv_bytes(table(rows)))
    assert page.status_code == 200
    assert page.context["preview"].counts == {"new": 2, "changed": 0, "unchanged": 0, "error": 0}
    assert "Confirm and import" in page.content.decode()
    assert Organisation.objects.count() == 0, "the preview saves nothing"

    response = confirm(officer_client, page)

    assert response.status_code == 302
    food_bank = Organisation.objects.get(name="Riverside Food Bank")
    assert (food_bank.charity_number, food_bank.postcode) == ("1187654", "NB4 7LP")
    signature = Signature.objects.get(organisation=food_bank)
    assert (signature.compact, signature.signed_on, signature.signed_by_name) == (
        compact,
        datetime.date(2025, 3, 3),
        "Peter Lawson",
    )
    run = ImportRun.objects.get()
    assert (run.status, run.new_count, run.uploaded_by, run.file_name) == ("applied", 2, officer, "register.csv")
    assert run.table == {}, "the file is not kept once imported"
    done = officer_client.get(response["Location"])
    assert "2 added, 0 changed, 0 unchanged" in done.content.decode()


def test_each_change_is_in_the_history_and_can_be_put_back(officer_client, officer, compact):
    existing = factories.OrganisationFactory(name="Riverside Food Bank", website="https://old.example.org")
    page = preview_of(
        officer_client, csv_bytes(table([organisation("Riverside Food Bank", Website="https://new.example.org")]))
    )
    changed = page.context["preview"].changed_rows
    assert [(c.label, c.old, c.new) for c in changed[0].changes] == [
        ("Website", "https://old.example.org", "https://new.example.org")
    ]

    confirm(officer_client, page)

    latest = existing.history.first()
    assert latest.website == "https://new.example.org"
    assert (latest.history_user, latest.history_change_reason) == (officer, "Imported from register.csv")
    before = existing.history.all()[1]
    response = officer_client.post(reverse("history_restore", args=["organisation", existing.pk, before.history_id]))
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.website == "https://old.example.org"


def test_rows_with_errors_are_listed_first_and_nothing_is_saved(officer_client, compact):
    rows = [
        organisation("Good One"),
        organisation("Bad Charity", **{"Charity number": "12AB"}),
        organisation("Bad Postcode", Postcode="NOT A CODE"),
    ]
    page = preview_of(officer_client, csv_bytes(table(rows)))

    listed = problems(page)
    assert listed == [
        "Row 3: Charity number (cell D3) is not a charity number: use 6 to 8 digits for England and Wales (like 1234567), "
        "SC and 6 digits for Scotland (like SC012345), or NIC and digits for Northern Ireland (like NIC100001)",
        "Row 4: Postcode (cell H4) is not a UK postcode, like SW1A 1AA",
    ]
    html = page.content.decode()
    assert "govuk-error-summary" in html and "Confirm and import" not in html
    assert html.index("Rows with problems") < html.index("New organisations")
    response = confirm(officer_client, page)
    assert response.status_code == 302
    assert Organisation.objects.count() == 0


def test_matching_by_charity_number_then_company_number_then_name(officer_client, compact):
    by_charity = factories.OrganisationFactory(name="Old Name Trust", charity_number="1098765")
    by_company = factories.OrganisationFactory(name="Green Lanes CIC", company_number="01234567")
    by_name = factories.OrganisationFactory(name="The St. Luke's Project & Friends Limited")
    rows = [
        organisation("New Name Trust", **{"Charity number": "1098765"}),
        organisation("Green Lanes Community Interest Company", **{"Company number": "1234567"}),
        organisation("st lukes project and friends ltd"),
    ]
    page = preview_of(officer_client, csv_bytes(table(rows)))

    targets = {row.number: row.target for row in page.context["preview"].rows}
    assert targets == {2: by_charity, 3: by_company, 4: by_name}
    assert page.context["preview"].counts["new"] == 0


def test_a_row_matching_two_organisations_is_an_error_never_a_merge(officer_client, compact):
    factories.OrganisationFactory(name="Riverside Trust", charity_number="1111111")
    factories.OrganisationFactory(name="Riverside Food Bank")
    page = preview_of(
        officer_client, csv_bytes(table([organisation("Riverside Food Bank", **{"Charity number": "1111111"})]))
    )

    assert problems(page) == [
        "Row 2: Row 2 matches two organisations on the register: Riverside Trust (by charity number) and "
        "Riverside Food Bank (by name). Correct the row so it points at one of them"
    ]


def test_a_name_match_with_a_different_charity_number_is_an_error(officer_client, compact):
    factories.OrganisationFactory(name="Riverside Food Bank", charity_number="1111111")
    page = preview_of(
        officer_client, csv_bytes(table([organisation("Riverside Food Bank", **{"Charity number": "2222222"})]))
    )
    assert problems(page) == [
        "Row 2: Charity number (cell D2) matches Riverside Food Bank on the register by name, whose registered "
        "charity number is 1111111: correct whichever is wrong"
    ]


def test_possible_duplicates_inside_the_file_are_errors_on_both_rows(officer_client, compact):
    rows = [
        organisation("The Riverside Food Bank Ltd"),
        organisation("Other"),
        organisation("riverside food-bank limited"),
    ]
    page = preview_of(officer_client, csv_bytes(table(rows)))
    assert sorted(problems(page)) == [
        "Row 2: Row 2 looks like the same organisation as row 4 (same name): keep one of them, or make them different",
        "Row 4: Row 4 looks like the same organisation as row 2 (same name): keep one of them, or make them different",
    ]


def test_an_empty_cell_leaves_the_register_as_it_is(officer_client, compact):
    factories.OrganisationFactory(name="Riverside Food Bank", website="https://keep.example.org")
    page = preview_of(officer_client, csv_bytes(table([organisation("Riverside Food Bank", Website="")])))
    assert page.context["preview"].counts["unchanged"] == 1
    assert "nothing to import" in page.content.decode()


def test_a_kind_the_service_does_not_know_is_an_error(officer_client, compact):
    page = preview_of(officer_client, csv_bytes(table([organisation("New Group", Sector="", Kind="Spaceship")])))
    assert problems(page) == [
        "Row 2: Kind (cell C2) must be one of: Local council, NHS and health, Police, Fire and rescue, Education, "
        "Housing, Council for voluntary service, Charity, Community group, Social enterprise, Faith group, Business, Other",
    ]


def test_an_empty_sector_is_taken_from_the_kind_and_shown(officer_client, compact):
    page = preview_of(officer_client, csv_bytes(table([organisation("New Group", Sector="")])))
    assert problems(page) == []
    row = page.context["preview"].new_rows[0]
    assert row.values["sector"] == "voluntary"
    assert row.notes == ["Sector: Voluntary and community, from its kind, charity (the Sector cell is empty)"]


def test_a_signature_needs_the_date_who_signed_and_their_role(officer_client, compact):
    page = preview_of(officer_client, csv_bytes(table([organisation("New Group", **{"Signed on": "1 April 2025"})])))
    assert problems(page) == [
        "Row 2: Signed by (cell K2) is empty: a signature needs the date, who signed and their role",
        "Row 2: Signed by role (cell L2) is empty: a signature needs the date, who signed and their role",
    ]


def test_a_changed_signature_shows_what_changes(officer_client, compact):
    signature = factories.SignatureFactory(compact=compact, organisation__name="Riverside Food Bank")
    row = organisation(
        "Riverside Food Bank", **{"Signed on": "01/05/2021", "Signed by": "Sam Signer", "Signed by role": "Chair"}
    )
    page = preview_of(officer_client, csv_bytes(table([row])))
    assert [(c.label, c.old, c.new) for c in page.context["preview"].changed_rows[0].changes] == [
        ("Their role", "Chief Executive", "Chair")
    ]
    confirm(officer_client, page)
    signature.refresh_from_db()
    assert signature.signed_by_role == "Chair"


def test_the_same_file_as_xlsx_previews_the_same(officer_client, compact):
    rows = [
        organisation(
            "Riverside Food Bank",
            **{
                "Signed on": datetime.datetime(2025, 3, 3),
                "Signed by": "P L",
                "Signed by role": "Chair",
                "Company number": 1234567,
            },
        )
    ]
    page = preview_of(officer_client, xlsx_bytes(table(rows)), name="register.xlsx")
    assert page.context["preview"].counts["new"] == 1
    confirm(officer_client, page)
    assert Organisation.objects.get().company_number == "01234567"
    assert Signature.objects.get().signed_on == datetime.date(2025, 3, 3)


def test_only_the_officer_who_uploaded_a_file_sees_its_preview(officer_client, compact):
    page = preview_of(officer_client, csv_bytes(table([organisation()])))
    other = factories.officer(username="other-officer")
    from tests.conftest import client_for

    response = client_for(other).get(reverse("signatories:import_preview", args=[page.context["run"].public_id]))
    assert response.status_code == 404


def test_a_file_cannot_be_confirmed_twice(officer_client, compact):
    page = preview_of(officer_client, csv_bytes(table([organisation()])))
    confirm(officer_client, page)
    response = confirm(officer_client, page)
    assert Organisation.objects.count() == 1
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages[-1] == "This file has already been imported, or replaced by a newer upload."


def test_confirm_reads_the_file_again_and_refuses_if_the_register_changed(officer_client, compact):
    page = preview_of(officer_client, csv_bytes(table([organisation("Riverside Food Bank")])))
    factories.OrganisationFactory(name="Riverside Food Bank", sector="statutory")  # someone added it meanwhile
    page2 = officer_client.get(reverse("signatories:import_preview", args=[page.context["run"].public_id]))
    assert page2.context["preview"].counts["changed"] == 1
    confirm(officer_client, page)
    assert Organisation.objects.count() == 1
    assert Organisation.objects.get().sector == "voluntary"


def test_signatures_need_the_compact_set_up_first(officer_client):
    row = organisation("New Group", **{"Signed on": "01/04/2025", "Signed by": "A", "Signed by role": "B"})
    page = preview_of(officer_client, csv_bytes(table([row])))
    assert problems(page) == [
        "Row 2: Row 2 records a signature, but the Compact has not been set up yet: set it up under About the "
        "Compact, then upload the file again"
    ]


def test_the_sample_file_imports_into_the_demo_without_errors(db):
    from pathlib import Path

    from django.contrib.auth.models import User

    from compact_site import demo
    from tests.conftest import client_for

    demo.load()
    officer_client = client_for(User.objects.get(username="officer"))
    sample = Path(__file__).resolve().parents[3] / "signatories/static/signatories/sample-organisations.csv"
    page = preview_of(officer_client, sample.read_bytes(), name="sample-organisations.csv")
    counts = page.context["preview"].counts
    assert counts["error"] == 0 and counts["new"] >= 5 and counts["changed"] >= 3
    confirm(officer_client, page)
    assert Organisation.objects.get(name="Northbrook Carers' Centre").postcode == "NB1 6GH"


def test_an_unconfirmed_upload_is_dropped_after_a_day_or_when_the_officer_uploads_another(officer_client, compact):
    import datetime as dt

    from django.utils import timezone

    first = preview_of(officer_client, csv_bytes(table([organisation("A")]))).context["run"]
    someone_elses = ImportRun.objects.create(
        kind="champions",
        file_name="old.csv",
        table={"headings": ["Name"], "rows": [[2, False, ["A"]]]},
        uploaded_by=factories.officer(username="someone"),
    )
    ImportRun.objects.filter(pk=someone_elses.pk).update(uploaded_at=timezone.now() - dt.timedelta(days=2))
    preview_of(officer_client, csv_bytes(table([organisation("B")])))

    first.refresh_from_db()
    someone_elses.refresh_from_db()
    assert (first.status, first.table) == ("replaced", {})
    assert (someone_elses.status, someone_elses.table) == ("replaced", {})
    page = officer_client.get(reverse("signatories:import_preview", args=[first.public_id]))
    assert "This upload can no longer be imported" in page.content.decode()
    assert confirm(officer_client, page).status_code == 302
    assert Organisation.objects.count() == 0


def test_the_preview_and_confirm_take_as_many_queries_for_fifty_rows_as_for_five(officer_client, compact):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(count, prefix):
        for n in range(count):
            factories.SignatureFactory(compact=compact, organisation__name=f"{prefix} existing {n}")
        rows = [organisation(f"{prefix} existing {n}", Website="https://changed.example.org") for n in range(count)]
        rows += [
            organisation(f"{prefix} new {n}", **{"Signed on": "01/01/2025", "Signed by": "A", "Signed by role": "B"})
            for n in range(count)
        ]
        response = upload(officer_client, csv_bytes(table(rows)))
        with CaptureQueriesContext(connection) as preview_queries:
            page = officer_client.get(response["Location"])
        assert page.context["preview"].counts["changed"] == count
        with CaptureQueriesContext(connection) as apply_queries:
            confirm(officer_client, page)
        return len(preview_queries), len(apply_queries)

    assert queries_for(5, "Small") == queries_for(50, "Large")
