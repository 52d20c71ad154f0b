"""The officer builds, previews and publishes a report to the LSP in a real browser; the LSP member then
finds it on their home page, reads it and downloads its PDF."""

import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from compact_site.reporting.models import Report, ReportStatus
from compact_site.reporting.periods import last_full_quarter
from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Compact report to the LSP: the quarter in review"


def fill_date(page, prefix, day):
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def test_officer_publishes_a_report_and_the_lsp_member_reads_it(page, demo):
    start, end = last_full_quarter(timezone.localdate())
    log_in(page, "officer")

    page.get_by_role("link", name="Reports", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports to the Local Strategic Partnership")
    page.get_by_role("button", name="Prepare a report").click()

    # Other dates, the wrong way round first: the error summary says so and nothing typed is lost.
    page.get_by_label("Other dates").check()
    fill_date(page, "start", end)
    fill_date(page, "end", start)
    page.get_by_label("Title (optional)").fill(TITLE)
    page.get_by_role("button", name="Start the draft").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The end of the period must be the same as or after")
    expect(page.locator("#id_start_0")).to_have_value(str(end.day))
    expect(page.get_by_label("Title (optional)")).to_have_value(TITLE)
    fill_date(page, "start", start)
    fill_date(page, "end", end)
    page.get_by_role("button", name="Start the draft").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Write the commentary and choose the wins to highlight")
    report = Report.objects.get(title=TITLE)
    assert (report.period_start, report.period_end) == (start, end)
    page.get_by_label("Title", exact=True).fill("")
    summary = "A steady quarter: more champions, and wins across most factors."
    page.get_by_label("Summary").fill(summary)
    page.get_by_role("button", name="Save and preview").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a title for the report")
    expect(page.get_by_label("Summary")).to_have_value(summary)
    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_label("Issues for the LSP to resolve").fill("Fund the Compact support post beyond March")
    page.get_by_label("Recommendations").fill("Agree to share the cost of the support post\nName a senior sponsor")
    page.get_by_role("button", name="Save and preview").click()

    # The preview is the report itself, under a draft banner.
    expect(page.get_by_role("region", name="Draft – not published")).to_contain_text("Only Compact officers can see it")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text("A steady quarter")
    expect(page.get_by_role("img", name=re.compile("Radar chart of the seven factor scores"))).to_be_visible()
    page.get_by_role("button", name="Publish the report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish the report to the LSP")
    page.get_by_role("button", name="Publish the report").click()
    expect(page.locator("main")).to_contain_text("The report has been published")
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED and report.snapshot["commentary"]["summary"].startswith("A steady")

    page.get_by_role("button", name="Sign out").click()
    log_in(page, "lsp")
    expect(page.locator("main")).to_contain_text("The latest report to the LSP")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text("Agree to share the cost of the support post")
    expect(page.locator("main")).not_to_contain_text("Draft – not published")

    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("link", name="Download the report as a PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
