"""Issue #29's interactive parts in a real browser, each page checked by axe-core and for reflow at 320 px:
"Not known" answers and "Save and add another" on the funding form, a chosen period on the commitments page,
and an area's register imported without a Kind column, then the kinds set for many organisations at once."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from commitments.models import FundingDecision
from signatories.models import Organisation
from tests.browser.conftest import log_in
from tests.signatories.imports.area_register import AREA_HEADINGS, AREA_ROWS
from tests.signatories.imports.spreadsheets import csv_bytes

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def fill_date(page, prefix, day):
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def answer(page, question, choice):
    page.get_by_role("group", name=question).get_by_label(choice, exact=True).check()


def test_an_officer_answers_not_known_and_adds_another_funding_decision(page, demo):
    today = timezone.localdate()
    log_in(page, "officer")
    page.get_by_role("link", name="Commitments", exact=True).click()
    page.get_by_role("link", name="Record a funding decision").click()

    page.get_by_label("Which statutory signatory?").select_option(label="Northbrook Borough Council")
    page.get_by_label("Name of the programme or contract").fill("Small grants 2026: Riverside")
    answer(page, "What kind of funding?", "Grant")
    page.get_by_label("Amount in pounds").fill("4800")
    fill_date(page, "decided_on", today - datetime.timedelta(days=10))
    fill_date(page, "starts_on", today)
    answer(page, "Is it paid in advance?", "Yes")
    page.get_by_role("button", name="Save and add another").click()

    # Left blank, a yes/no question is a mistake, not a quiet "not known".
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Say whether the funder accepts full cost recovery, or choose Not known")
    expect(summary).to_contain_text("Say whether the rationale was published, or choose Not known")
    summary.get_by_role("link", name=re.compile("full cost recovery")).click()
    expect(page.get_by_label("Name of the programme or contract")).to_have_value("Small grants 2026: Riverside")
    answer(page, "Does the funder accept full cost recovery?", "Not known")
    answer(page, "Was the rationale for the decision published?", "No")
    page.get_by_role("button", name="Save and add another").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "“Small grants 2026: Riverside” has been recorded"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a funding decision")
    expect(page.get_by_label("Which statutory signatory?")).to_have_value(
        str(FundingDecision.objects.get(name="Small grants 2026: Riverside").body_id)
    )
    expect(page.get_by_label("Name of the programme or contract")).to_have_value("")
    record = FundingDecision.objects.get(name="Small grants 2026: Riverside")
    assert (record.full_cost_recovery, record.paid_in_advance, record.rationale_published) == (None, True, False)


def test_a_reader_chooses_the_dates_of_the_commitments_page(page, demo):
    log_in(page, "lsp")
    page.get_by_role("link", name="Commitments", exact=True).click()
    expect(page.locator("main")).to_contain_text("not known")  # every rate says what it stands on

    page.get_by_text("Choose the period").click()
    page.get_by_label("Other dates").check()
    fill_date(page, "date_from", datetime.date(2026, 3, 31))
    fill_date(page, "date_to", datetime.date(2025, 4, 1))
    page.get_by_role("button", name="Show").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The last day must be the same as or after the first day")
    assert page.title().startswith("Error: ")
    summary.get_by_role("link").first.click()

    fill_date(page, "date_from", datetime.date(2025, 4, 1))
    fill_date(page, "date_to", datetime.date(2026, 3, 31))
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(
        page.get_by_role("heading", name=re.compile("The dates chosen: 1 April 2025 to 31 March 2026"))
    ).to_be_visible()
    expect(page.locator("main")).to_contain_text("Compared with the period before, 1 April 2024 to 31 March 2025.")
    assert "period=chosen" in page.url


def test_an_area_register_without_kinds_is_imported_and_the_kinds_set_at_once(page, demo, tmp_path):
    register = tmp_path / "northbrook-register.csv"
    register.write_bytes(csv_bytes([AREA_HEADINGS, *AREA_ROWS]))
    log_in(page, "officer")
    page.get_by_role("link", name="Organisations").first.click()
    page.get_by_role("link", name="Import from a spreadsheet").click()
    page.get_by_role("link", name="Import organisations").click()
    page.get_by_label("Upload a file").set_input_files(register)
    page.get_by_role("button", name="Upload and check").click()

    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.locator("#defaults")).to_contain_text("1 row leaves out something every organisation needs")
    new_rows = page.get_by_role("table", name=re.compile("New organisations"))
    expect(new_rows.get_by_role("row").filter(has_text="Green Shoots")).to_contain_text("Kind: Social enterprise")
    expect(new_rows.get_by_role("row").filter(has_text="Hall Committee")).to_contain_text("Warning Kind: Other")
    page.get_by_role("button", name="Confirm and import").click()
    expect(page.locator(".govuk-panel")).to_contain_text("Import complete")

    page.get_by_role("link", name="See the organisations").click()
    page.get_by_label("Kind").select_option(label="Other")
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_label("Choose St John’s Church Hall Committee").check()
    page.get_by_role("button", name="Set the kind of the ticked organisations").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Set the kind of organisations")
    page.get_by_role("button", name="Set the kind").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the kind of organisation")
    answer(page, "What kind of organisation are they?", "Faith group")
    page.get_by_role("button", name="Set the kind").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("1 organisation set to “Faith group”.")
    assert Organisation.objects.get(name="St John’s Church Hall Committee").kind == "faith"
