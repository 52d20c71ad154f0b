"""A council's published grants come in from its 360Giving data in a real browser: the officer imports a JSON
file and a CSV of the demo council's grants, imports one again and sees nothing would change, records full
cost recovery for one programme at once, and sees the rate on the commitments page move."""

import csv
import datetime
import json

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from commitments.models import FundingDecision
from signatories.models import Organisation
from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROGRAMME = "Warm Spaces"


def grant(number, day, recipient):
    return {
        "id": f"360G-northbrook-warm-{number}",
        "title": f"Warm space {number}",
        "description": "A warm, welcoming place this winter",
        "currency": "GBP",
        "amountAwarded": 2500 * number,
        "awardDate": day.isoformat(),
        "plannedDates": [{"startDate": day.isoformat(), "duration": 6}],
        "recipientOrganization": [recipient],
        "fundingOrganization": [{"id": "GB-LAE-NBK", "name": "Northbrook Borough Council"}],
        "grantProgramme": [{"title": PROGRAMME}],
    }


def full_cost_recovery_row(page):
    page.get_by_role("link", name="Commitments", exact=True).first.click()
    row = page.get_by_role("row").filter(has_text="Full cost recovery").first
    expect(row).to_be_visible()
    return row.inner_text()


def upload(page, path):
    page.get_by_label("Upload a file").set_input_files(path)
    page.get_by_role("button", name="Upload and check").click()


def test_officer_brings_grants_in_from_360giving_and_records_full_cost_recovery_for_a_programme(page, demo, tmp_path):
    day = timezone.localdate() - datetime.timedelta(days=20)
    json_file = tmp_path / "northbrook-grants.json"
    json_file.write_text(
        json.dumps(
            {
                "grants": [
                    grant(1, day, {"id": "GB-CHC-1066789", "name": "Age Concern Northbrook"}),
                    grant(
                        2,
                        day,
                        {"id": "GB-COH-09876543", "name": "Brook Valley Repair Café CIC", "companyNumber": "9876543"},
                    ),
                ]
            }
        )
    )
    csv_file = tmp_path / "northbrook-grants.csv"
    with csv_file.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            ["Identifier", "Title", "Amount Awarded", "Award Date", "Planned Dates:Start Date", "Planned Dates:End Date",
             "Recipient Org:Name", "Recipient Org:Charity Number", "Funding Org:Name", "Grant Programme:Title"]
        )  # fmt: skip
        for number, name, charity in ((3, "Mind in Northbrook", "1103344"), (4, "Northbrook Hospice", "1011223")):
            writer.writerow(
                [f"360G-northbrook-warm-{number}", f"Warm space {number}", 2500 * number, f"{day:%d/%m/%Y}",
                 f"{day:%d/%m/%Y}", "", name, charity, "Northbrook Borough Council", PROGRAMME]
            )  # fmt: skip

    log_in(page, "officer")
    before = full_cost_recovery_row(page)

    # The JSON file: the preview lists the organisation that will be added, then the officer confirms.
    page.locator("main").get_by_role("link", name="Funding decisions", exact=True).click()
    page.get_by_role("link", name="Import from 360Giving data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import funding decisions (360Giving)")
    upload(page, json_file)
    expect(page.locator("main")).to_contain_text("Organisations that will be added to the register, as not signed (1)")
    expect(page.locator("main")).to_contain_text("Brook Valley Repair Café CIC (company 09876543, ID GB-COH-09876543)")
    assert not Organisation.objects.filter(name="Brook Valley Repair Café CIC").exists()
    page.get_by_role("button", name="Confirm and import").click()
    expect(page.locator(".govuk-panel")).to_contain_text("2 added, 0 changed, 0 unchanged")
    assert Organisation.objects.get(name="Brook Valley Repair Café CIC").company_number == "09876543"

    # The CSV, with dd/mm/yyyy dates and recipients found by charity number.
    page.get_by_role("link", name="Import another file").click()
    page.get_by_role("link", name="Import funding decisions (360Giving)").click()
    upload(page, csv_file)
    page.get_by_role("button", name="Confirm and import").click()
    expect(page.locator(".govuk-panel")).to_contain_text("2 added, 0 changed, 0 unchanged")
    assert FundingDecision.objects.filter(programme=PROGRAMME).count() == 4

    # The same JSON file again: nothing would change, and there is nothing to confirm.
    page.get_by_role("link", name="Import another file").click()
    page.get_by_role("link", name="Import funding decisions (360Giving)").click()
    upload(page, json_file)
    expect(page.locator("main")).to_contain_text("No change: everything in this file is already recorded")
    expect(page.get_by_role("button", name="Confirm and import")).to_have_count(0)

    imported = full_cost_recovery_row(page)
    assert imported != before, "four more decisions, full cost recovery not known yet"

    # Full cost recovery for the whole programme at once.
    page.locator("main").get_by_role("link", name="Funding decisions", exact=True).click()
    page.get_by_role("link", name="Record an answer for a whole grant programme").click()
    page.get_by_label("Which grant programme?").select_option(PROGRAMME)
    page.get_by_label("Full cost recovery accepted").check()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Record the answer").click()
    expect(page.locator("main")).to_contain_text(f"for every funding decision in {PROGRAMME}: 4 changed")
    assert FundingDecision.objects.filter(programme=PROGRAMME, full_cost_recovery=True).count() == 4

    after = full_cost_recovery_row(page)
    assert after != imported, "the rate moved: four more decisions met the commitment"
