"""The sector's seats in a real browser: an officer sets up a board, a meeting and its seats and appoints a
representative; the representative reports back on the meeting from their home page; the LSP member reads the
report-back and the Representation section of the latest report."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from compact_site.reporting.models import Report, ReportStatus
from representation.models import Board, ReportBack, Term
from tests.browser.conftest import log_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BOARD = "Northbrook Housing Partnership"


def fill_date(page, prefix, day):
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def choose_organisation(page, label, typed):
    box = page.get_by_role("combobox", name=label)
    box.fill(typed)
    box.press("Enter")


def test_an_officer_fills_a_seat_the_representative_reports_back_and_the_lsp_reads_it(page, demo):
    today = timezone.localdate()
    met_on = today - datetime.timedelta(days=10)
    log_in(page, "officer")

    # The officer adds a board with two seats; a number of seats in words is refused first.
    page.get_by_role("link", name="Representation", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The sector’s seats on partnership boards")
    page.get_by_role("link", name="Add a board").click()
    page.get_by_label("Name of the board or committee").fill(BOARD)
    choose_organisation(page, "Statutory body that runs it", "Brookside Homes")
    page.get_by_label("Every three months").check()
    page.get_by_label("How many seats does the sector have on it?").fill("two")
    page.get_by_role("button", name="Add the board").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the number of seats as a whole number")
    expect(page.get_by_label("Name of the board or committee")).to_have_value(BOARD)
    page.get_by_label("How many seats does the sector have on it?").fill("2")
    page.get_by_role("button", name="Add the board").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(BOARD)
    expect(page.locator("#seats caption")).to_have_text("The sector’s seats: 0 filled, 2 vacant")
    board = Board.objects.get(name=BOARD)
    assert board.run_by.name == "Brookside Homes" and board.seats.count() == 2

    # A meeting that has happened.
    page.get_by_role("link", name="Add a meeting date").click()
    fill_date(page, "held_on", met_on)
    page.get_by_role("button", name="Add the meeting").click()
    expect(page.locator("#meetings")).to_contain_text(f"{met_on.day} {met_on:%B %Y}")

    # Seat 1 goes to the demo representative; a term ending before it starts is refused first.
    page.get_by_role("link", name="Seat 1").click()
    page.get_by_role("link", name="Appoint a representative").click()
    page.get_by_label("Name of the representative").fill("Priya Shah")
    page.get_by_label("Their login (optional)").select_option(
        label="Priya Shah (representative@northbrook.example.org)"
    )
    choose_organisation(page, "Organisation they represent", "Age Concern Northbrook")
    page.get_by_label("Network that nominated them").select_option(label="Northbrook Health and Care Forum")
    fill_date(page, "starts_on", today - datetime.timedelta(days=30))
    fill_date(page, "ends_on", today - datetime.timedelta(days=31))
    page.get_by_role("button", name="Appoint them").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The end of the term must be on or after its start")
    fill_date(page, "ends_on", today + datetime.timedelta(days=730))
    page.get_by_role("button", name="Appoint them").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Seat 1")
    expect(page.locator("#terms")).to_contain_text("Priya Shah")
    term = Term.objects.get(seat__board=board, seat__number=1)
    assert term.holder.username == "representative" and not term.outside_network
    page.get_by_role("link", name=BOARD).click()
    expect(page.locator("#seats caption")).to_have_text("The sector’s seats: 1 filled, 1 vacant")
    sign_out(page)

    # The representative sees the meeting waiting on their home page and reports back.
    log_in(page, "representative")
    waiting = page.locator("#report-backs-waiting")
    expect(waiting).to_contain_text("Meetings waiting for your report-back")
    waiting.get_by_role("link", name=f"Report back on {BOARD}, {met_on.day} {met_on:%B %Y}").click()
    page.get_by_label("What was discussed?").fill("The new allocations policy for social housing.")
    page.get_by_label("What did the sector say?").fill("Advice agencies should be consulted on the appeals route.")
    page.get_by_label("What was decided?").fill("The policy goes out to consultation for 12 weeks.")
    page.get_by_label("What comes next?").fill("I will send the consultation to the forum's members.")
    page.get_by_role("button", name="Save the report-back").click()
    expect(page.locator("main")).to_contain_text("Advice agencies should be consulted on the appeals route.")
    report_back = ReportBack.objects.get(term=term)
    assert report_back.written_by.username == "representative" and report_back.meeting.held_on == met_on
    sign_out(page)

    # The LSP member reads the report-back, then the Representation section of the latest report.
    log_in(page, "lsp")
    page.get_by_role("link", name="Representation", exact=True).click()
    page.get_by_role("link", name="Report-backs").click()
    page.get_by_role("link", name=f"{BOARD}, {met_on.day} {met_on:%B %Y}").click()
    expect(page.locator("main")).to_contain_text("The policy goes out to consultation for 12 weeks.")

    latest = Report.objects.filter(status=ReportStatus.PUBLISHED).order_by("-period_end").first()
    page.get_by_role("link", name="Reports", exact=True).click()
    page.get_by_role("link", name=latest.title).first.click()
    section = page.locator("#representation")
    expect(section.get_by_role("heading", level=2)).to_have_text("Representation")
    expect(section.get_by_role("region", name="Seats filled and vacant on each board")).to_contain_text(
        "Health and Wellbeing Board"
    )
    expect(section.get_by_role("region", name="Seats and report-backs")).to_contain_text("Meetings reported back on")
    expect(section).not_to_contain_text("Priya Shah")  # no representative is named in a report
