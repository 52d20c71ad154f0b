"""The officer brings a register in from a spreadsheet in a real browser: download the template, fill it in,
upload it, see the preview's errors, upload the corrected file, confirm, and find the organisations."""

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from signatories.models import ImportRun, Organisation
from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def fill_in(template_path, rows, saved_as):
    workbook = load_workbook(template_path)
    sheet = workbook.active
    sheet.delete_rows(2)  # the template's example row
    for row in rows:
        sheet.append(row)
    workbook.save(saved_as)
    return saved_as


def test_officer_imports_a_register_from_the_template(page, demo, tmp_path):
    log_in(page, "officer")
    page.get_by_role("link", name="Organisations").first.click()
    page.get_by_role("link", name="Import from a spreadsheet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import from a spreadsheet")

    with page.expect_download() as download:
        page.get_by_role("link", name="Excel template for organisations").click()
    template = tmp_path / "template.xlsx"
    download.value.save_as(template)

    good = [
        "Westgate Allotment Society",
        "Voluntary and community",
        "Community group",
        "",
        "",
        "",
        "",
        "NB9 1AL",
        "plots@westgate.example.org",
        "01/02/2025",
        "Mo Field",
        "Secretary",
    ]
    bad = ["Eastside Youth Club", "Voluntary and community", "Charity", "12AB34", "", "", "", "", "", "", "", ""]
    first_try = fill_in(template, [good, bad], tmp_path / "register.xlsx")

    page.get_by_role("link", name="Import organisations").click()
    page.get_by_label("Upload a file").set_input_files(first_try)
    page.get_by_role("button", name="Upload and check").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Row 3: Charity number (cell D3) is not a charity number")
    expect(page.get_by_role("button", name="Confirm and import")).to_have_count(0)
    assert not Organisation.objects.filter(name="Westgate Allotment Society").exists()

    bad[3] = "1123456"
    fixed = fill_in(template, [good, bad], tmp_path / "register-fixed.xlsx")
    page.get_by_role("link", name="upload the file again").click()
    page.get_by_label("Upload a file").set_input_files(fixed)
    page.get_by_role("button", name="Upload and check").click()

    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.get_by_role("table").first).to_contain_text("2")
    expect(page.locator("main")).to_contain_text("Eastside Youth Club")
    page.get_by_role("button", name="Confirm and import").click()

    expect(page.locator(".govuk-panel")).to_contain_text("2 added, 0 changed")
    assert ImportRun.objects.get(status="applied").file_name == "register-fixed.xlsx"
    page.get_by_role("link", name="See the organisations").click()
    page.get_by_label("Name").fill("Westgate")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("main")).to_contain_text("Westgate Allotment Society")
    assert Organisation.objects.get(name="Eastside Youth Club").charity_number == "1123456"
