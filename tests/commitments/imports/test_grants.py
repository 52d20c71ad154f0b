"""An officer brings a council's published 360Giving grants in: JSON, CSV and Excel, messy as real files are."""

import datetime
import decimal

import pytest

from commitments.models import FundingDecision, Result, Rule
from signatories.models import ImportRun, Organisation, Sector
from tests import factories
from tests.commitments.builders import signed_statutory_body
from tests.signatories.imports.spreadsheets import confirm, preview_of

from .grants import csv_row, grant, grants_csv, grants_xlsx, package

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(compact):
    return signed_statutory_body(compact)


def imported(client, data, name="grants.json"):
    page = preview_of(client, data, name, kind="grants")
    assert page.context["preview"].can_confirm, problems(page)
    response = confirm(client, page)
    assert response.status_code == 302
    return page


def problems(page):
    preview = page.context["preview"]
    return [f"{preview.row_word} {row.number}: {problem}" for row in preview.errors for problem in row.errors]


def test_a_360giving_json_file_becomes_funding_decisions_of_the_council(officer_client, council):
    imported(officer_client, package(grant(1), grant(2)))

    decision = FundingDecision.objects.get(grant_identifier="360G-anytown-0001")
    assert decision.body == council
    assert decision.name == "Grant 1"
    assert decision.programme == "Community Chest"
    assert decision.amount == decimal.Decimal("10001.00")
    assert decision.decided_on == datetime.date(2026, 1, 15)
    assert (decision.starts_on, decision.ends_on) == (datetime.date(2026, 4, 1), datetime.date(2029, 3, 31))
    assert decision.is_verified
    assert [organisation.name for organisation in decision.organisations_funded.all()] == ["Anytown Group 1"]
    recipient = Organisation.objects.get(name="Anytown Group 1")
    assert (recipient.sector, recipient.charity_number, recipient.identifier) == (
        Sector.VOLUNTARY,
        "1100001",
        "GB-CHC-1100001",
    )
    assert not recipient.signatures.exists(), "a recipient is added to the register as not signed"
    # Checked against the commitments at once: three years is multi-year; full cost recovery is not known.
    checks = {check.commitment.rule: check.result for check in decision.checks.select_related("commitment")}
    assert checks[Rule.MULTI_YEAR] == Result.MET
    assert checks[Rule.FULL_COST_RECOVERY] == Result.UNKNOWN


def test_the_preview_lists_the_organisations_that_will_be_added_before_anything_is_saved(officer_client, council):
    page = preview_of(
        officer_client,
        package(grant(1), grant(2, recipientOrganization=grant(1)["recipientOrganization"])),
        "g.json",
        kind="grants",
    )

    html = page.content.decode()
    assert "Organisations that will be added to the register, as not signed (1)" in html
    assert "Anytown Group 1 (charity 1100001, ID GB-CHC-1100001) – 2 grants" in html
    assert Organisation.objects.filter(name="Anytown Group 1").count() == 0 and FundingDecision.objects.count() == 0


def test_one_recipient_with_many_grants_is_one_organisation(officer_client, council):
    same = grant(1)["recipientOrganization"]
    imported(
        officer_client, package(grant(1), grant(2, recipientOrganization=same), grant(3, recipientOrganization=same))
    )

    assert Organisation.objects.filter(name="Anytown Group 1").count() == 1
    assert FundingDecision.objects.filter(organisations_funded__name="Anytown Group 1").count() == 3


def test_a_360giving_csv_with_dd_mm_yyyy_dates_and_extra_columns(officer_client, council):
    data = grants_csv(csv_row(1, **{"Beneficiary Location:Name": "Anytown", "Our internal code": "X1"}), csv_row(2))
    page = imported(officer_client, data, "grants.csv")

    assert "Beneficiary Location:Name" in page.context["preview"].ignored
    decision = FundingDecision.objects.get(grant_identifier="360G-anytown-0001")
    assert decision.decided_on == datetime.date(2026, 1, 15) and decision.ends_on == datetime.date(2029, 3, 31)


def test_a_360giving_excel_workbook(officer_client, council):
    imported(officer_client, grants_xlsx(csv_row(1), csv_row(2)), "grants.xlsx")

    assert FundingDecision.objects.filter(body=council).count() == 2


def test_recipients_are_found_by_identifier_then_charity_then_company_then_name(officer_client, council):
    by_identifier = factories.OrganisationFactory(name="Known By Id", identifier="GB-CHC-1100001")
    by_charity = factories.OrganisationFactory(name="Known By Charity", charity_number="1100002")
    by_company = factories.OrganisationFactory(name="Known By Company", company_number="04270053")
    by_name = factories.OrganisationFactory(name="St Anne's Lunch Club")
    imported(
        officer_client,
        package(
            grant(1),
            grant(2, recipientOrganization=[{"id": "GB-CHC-1100002", "name": "Another Name"}]),
            # The company number lost its leading zero, as Excel does.
            grant(3, recipientOrganization=[{"id": "360G-anytown-org-3", "name": "X", "companyNumber": "4270053"}]),
            grant(4, recipientOrganization=[{"id": "360G-anytown-org-4", "name": "The St Annes Lunch Club"}]),
        ),
    )

    def funded(number):
        return FundingDecision.objects.get(grant_identifier=f"360G-anytown-{number:04d}").organisations_funded.get()

    assert [funded(n) for n in (1, 2, 3, 4)] == [by_identifier, by_charity, by_company, by_name]
    assert Organisation.objects.count() == 5, "nobody new: the council and the four on the register"
    # The identifier a file gave an organisation found another way is kept, for the next file.
    by_charity.refresh_from_db()
    assert by_charity.identifier == "GB-CHC-1100002"


def test_identifiers_carry_charity_and_company_numbers(officer_client, council):
    scottish = factories.OrganisationFactory(name="Glen Trust", charity_number="SC012345")
    company = factories.OrganisationFactory(name="Repair Cafe CIC", company_number="04270053")
    imported(
        officer_client,
        package(
            grant(1, recipientOrganization=[{"id": "GB-SC-SC012345", "name": "Glen Trust Scotland"}]),
            grant(2, recipientOrganization=[{"id": "GB-COH-04270053", "name": "Repair Café"}]),
        ),
    )

    assert FundingDecision.objects.get(grant_identifier="360G-anytown-0001").organisations_funded.get() == scottish
    assert FundingDecision.objects.get(grant_identifier="360G-anytown-0002").organisations_funded.get() == company


def test_a_newer_file_updates_the_decisions_it_brought_and_adds_new_ones(officer_client, council):
    imported(officer_client, package(grant(1), grant(2)))

    page = imported(officer_client, package(grant(1, amountAwarded=99000), grant(2), grant(3)))

    counts = page.context["preview"].counts
    assert (counts["new"], counts["changed"], counts["unchanged"]) == (1, 1, 1)
    assert FundingDecision.objects.count() == 3
    assert FundingDecision.objects.get(grant_identifier="360G-anytown-0001").amount == 99000
    changes = page.context["preview"].changed_rows[0].changes
    assert [(change.label, change.new) for change in changes] == [("Amount", decimal.Decimal("99000.00"))]


def test_the_same_file_twice_changes_nothing_and_says_so(officer_client, council):
    data = package(grant(1), grant(2))
    imported(officer_client, data)
    before = list(FundingDecision.history.values_list("history_id", flat=True))

    page = preview_of(officer_client, data, "grants.json", kind="grants")

    assert page.context["preview"].counts["unchanged"] == 2
    assert not page.context["preview"].can_confirm
    assert "No change: everything in this file is already recorded" in page.content.decode()
    assert list(FundingDecision.history.values_list("history_id", flat=True)) == before


def test_extra_columns_carry_what_360giving_does_not(officer_client, council):
    data = grants_csv(
        csv_row(
            1,
            **{
                "Compact:Full Cost Recovery": "Yes",
                "Compact:Paid In Advance": "no",
                "Compact:Rationale Published": "Not known",
                "Compact:Ended Or Reduced": "Reduced",
                "Compact:Notice Given On": "01/01/2027",
                "Compact:Change Takes Effect On": "01/04/2027",
            },
        )
    )
    imported(officer_client, data, "grants.csv")

    decision = FundingDecision.objects.get()
    assert (decision.full_cost_recovery, decision.paid_in_advance, decision.rationale_published) == (True, False, None)
    assert decision.change == "reduced" and decision.notice_given_on == datetime.date(2027, 1, 1)


def test_without_the_extra_columns_the_answers_stay_not_known_and_a_newer_file_keeps_what_was_set(
    officer_client, council
):
    imported(officer_client, package(grant(1)))
    decision = FundingDecision.objects.get()
    assert decision.full_cost_recovery is None
    FundingDecision.objects.filter(pk=decision.pk).update(full_cost_recovery=True)

    page = preview_of(officer_client, package(grant(1)), "grants.json", kind="grants")

    assert page.context["preview"].counts["unchanged"] == 1


def test_a_duration_in_months_gives_the_end_date(officer_client, council):
    imported(officer_client, package(grant(1, plannedDates=[{"startDate": "2026-04-01", "duration": 12}])))

    assert FundingDecision.objects.get().ends_on == datetime.date(2027, 3, 31)


def test_iso_date_times_are_read_as_their_date(officer_client, council):
    imported(officer_client, package(grant(1, awardDate="2026-01-15T14:30:00+00:00")))

    assert FundingDecision.objects.get().decided_on == datetime.date(2026, 1, 15)


def test_a_funder_found_by_its_identifier(officer_client, council):
    council.identifier = "GB-LAE-ANY"
    council.save()
    imported(officer_client, package(grant(1, fundingOrganization=[{"id": "GB-LAE-ANY", "name": "Anytown BC"}])))

    assert FundingDecision.objects.get().body == council


def test_a_funder_named_differently_is_the_officers_choice_in_the_preview(officer_client, council):
    data = package(grant(1, fundingOrganization=[{"id": "GB-LAE-ANY", "name": "Anytown Council"}]))
    page = preview_of(officer_client, data, "grants.json", kind="grants")

    preview = page.context["preview"]
    assert [question.label for question in preview.questions] == [
        "Which statutory signatory is “Anytown Council (GB-LAE-ANY)”?"
    ]
    assert not preview.can_confirm
    form = page.context["columns_form"]
    (name,) = form.fields
    response = officer_client.post(
        f"/register/imports/{page.context['run'].public_id}/columns/", {name: str(council.pk)}
    )
    assert response.status_code == 302
    page = officer_client.get(response["Location"])
    assert page.context["preview"].can_confirm
    confirm(officer_client, page)

    assert FundingDecision.objects.get().body == council
    council.refresh_from_db()
    assert council.identifier == "GB-LAE-ANY", "the next file finds the council by its identifier"


def test_the_sample_file_offered_on_the_import_page_imports(officer_client, compact):
    from tests.commitments.builders import statutory_body

    factories.SignatureFactory(compact=compact, organisation=statutory_body("Northbrook Borough Council"))
    sample = officer_client.get("/register/import/grants/template.json")
    assert sample.status_code == 200 and sample["Content-Type"] == "application/json"

    imported(officer_client, sample.content, "sample.json")

    assert FundingDecision.objects.count() == 3
    assert ImportRun.objects.get().status == "applied"


def test_the_import_pages_offer_the_sample_and_the_consultations_template(officer_client):
    html = officer_client.get("/register/import/").content.decode()

    assert 'href="/register/import/grants/template.json"' in html
    assert 'href="/register/import/consultations/template.xlsx"' in html
    assert 'href="/register/import/consultations/template.csv"' in html


def test_nothing_is_imported_without_a_compact(officer_client, officer):
    page = preview_of(officer_client, package(grant(1)), "grants.json", kind="grants")

    assert "the Compact has not been set up yet" in " ".join(problems(page))


@pytest.mark.parametrize(
    "url",
    [
        "/register/import/grants/",
        "/register/import/consultations/",
        "/register/import/grants/template.json",
        "/register/export/grants.json",
        "/register/export/consultations.csv",
    ],
)
def test_only_officers_import_and_export_funding_and_consultations(url, champion_client, lsp_client, officer_client):
    assert champion_client.get(url).status_code == 403
    assert lsp_client.get(url).status_code == 403
    assert officer_client.get(url).status_code == 200


def test_a_format_a_kind_does_not_offer_is_not_found(officer_client):
    assert officer_client.get("/register/import/organisations/template.json").status_code == 404
    assert officer_client.get("/register/export/consultations.json").status_code == 404
