"""Pledges and committees in a real browser: a champion records their organisation's pledge; an officer sends a report
to a scrutiny committee meeting and records two of its recommendations; the responding organisation's champion
responds to one and the officer makes the other an action; the LSP member reads the report's "Resourcing the Compact"
and "Scrutiny" sections."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from compact_site.reporting.committees.models import Recommendation, ReportSent
from compact_site.reporting.models import Report, ReportStatus
from signatories.models import Pledge
from signatories.pledges.models import financial_year_of, year_label
from tests.browser.conftest import log_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCRUTINY = "Overview and Scrutiny Committee"
FIRST = "Ask every statutory partner to name a Compact lead in each directorate."
SECOND = "Publish the Compact's funding code on every grant application form."


def fill_date(page, prefix, day):
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def choose_organisation(page, label, typed):
    box = page.get_by_role("combobox", name=label)
    box.fill(typed)
    box.press("Enter")


def record_recommendation(page, committee, text, organisation, made_on, due_on):
    page.get_by_label("Committee that made it").select_option(label=committee)
    page.get_by_label("Recommendation", exact=True).fill(text)
    fill_date(page, "made_on", made_on)
    page.get_by_label("Who must respond").fill("Chief executive")
    choose_organisation(page, "Their organisation", organisation)
    fill_date(page, "response_due_on", due_on)
    page.get_by_role("button", name="Record the recommendation").click()


def test_pledge_report_to_scrutiny_recommendations_response_action_and_the_report_sections(page, demo):
    today = timezone.localdate()
    this_year = year_label(financial_year_of(today))

    # 1. The champion records the CVS's pledge; negative hours are refused first, nothing lost.
    log_in(page, "champion")
    page.get_by_role("link", name="Your organisation’s pledge").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Pledges for {this_year}")
    page.get_by_role("link", name=f"Record Northbrook CVS’s pledge for {this_year}").click()
    page.locator("#id_role_1").fill("Compact champion")
    page.locator("#id_hours_1").fill("-4")
    page.locator("#id_budget_line_1").fill("Core costs")
    page.locator("#id_amount_1").fill("250")
    page.get_by_label("Who agreed it").fill("Sam Patel, Chief Executive")
    page.get_by_role("button", name="Save the pledge").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Hours a month cannot be negative")
    expect(page.locator("#id_role_1")).to_have_value("Compact champion")
    assert not Pledge.objects.filter(organisation__name="Northbrook CVS").exists()
    page.locator("#id_hours_1").fill("4")
    page.get_by_role("button", name="Save the pledge").click()
    expect(page.locator("#pledged-roles")).to_contain_text("Compact champion, 4 hours a month")
    pledge = Pledge.objects.get(organisation__name="Northbrook CVS")
    assert (pledge.year_label, float(pledge.hours_per_month), float(pledge.money)) == (this_year, 4, 250)
    sign_out(page)

    # 2. The officer adds a scrutiny meeting and sends the oldest published report to it.
    log_in(page, "officer")
    met_on = today - datetime.timedelta(days=3)
    page.get_by_role("link", name="Reports", exact=True).click()
    page.get_by_role("link", name="committees").click()
    page.get_by_role("link", name=SCRUTINY).click()
    page.get_by_role("link", name="Add a meeting").click()
    fill_date(page, "held_on", met_on)
    page.get_by_label("Title (optional)").fill("The Compact's first year")
    page.get_by_role("button", name="Add the meeting").click()
    expect(page.locator("#meetings")).to_contain_text(f"{met_on.day} {met_on:%B %Y}")

    oldest = Report.objects.filter(status=ReportStatus.PUBLISHED).order_by("period_end").first()
    page.get_by_role("link", name="Reports", exact=True).click()
    page.get_by_role("link", name=oldest.title).click()
    page.get_by_role("link", name="Send to a committee meeting").click()
    page.get_by_label("Which meeting is it going to?").select_option(
        label=f"{SCRUTINY}, {met_on.day} {met_on:%B %Y} – The Compact's first year"
    )
    page.get_by_label("Link to the agenda item (optional)").fill("https://democracy.northbrook.example/item/77")
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator("#report-sendings")).to_contain_text(f"{SCRUTINY}, {met_on.day} {met_on:%B %Y}")
    assert ReportSent.objects.filter(report=oldest, meeting__committee__name=SCRUTINY).exists()

    # Two recommendations; one for a committee the report never went to is refused first.
    page.get_by_role("link", name="Record a recommendation").click()
    record_recommendation(
        page, "Northbrook Health and Wellbeing Board", FIRST, "Northbrook CVS", met_on, met_on + datetime.timedelta(28)
    )
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "This report was never sent to Northbrook Health and Wellbeing Board"
    )
    expect(page.get_by_label("Recommendation", exact=True)).to_have_value(FIRST)
    page.get_by_label("Committee that made it").select_option(label=SCRUTINY)
    page.get_by_role("button", name="Record the recommendation").click()
    expect(page.locator("#report-recommendations")).to_contain_text("Ask every statutory partner")
    page.get_by_role("link", name="Record a recommendation").click()
    record_recommendation(
        page, SCRUTINY, SECOND, "Northbrook Borough Council", met_on, met_on + datetime.timedelta(days=42)
    )
    expect(page.locator("#report-recommendations")).to_contain_text("Publish the Compact's funding code")
    first, second = Recommendation.objects.get(text=FIRST), Recommendation.objects.get(text=SECOND)
    assert first.responder_organisation.name == "Northbrook CVS" and second.committee.name == SCRUTINY

    # 3b. The officer makes the second an action on the plan, linked both ways.
    page.get_by_role("link", name="Publish the Compact's funding code").click()
    page.get_by_role("button", name="Make it an action").click()
    page.locator("input[name=factor][value]").nth(1).check()
    fill_date(page, "due_on", today + datetime.timedelta(days=90))
    page.get_by_role("button", name="Add action").click()
    expect(page.locator("main")).to_contain_text("From a committee’s recommendation")
    second.refresh_from_db()
    assert second.action is not None and second.action.factor.number == 2
    page.get_by_role("link", name="Publish the Compact's funding code").click()
    expect(page.locator("main")).to_contain_text("On the action plan")
    sign_out(page)

    # 3a. The CVS's champion responds to the first; a date before the recommendation is refused first.
    log_in(page, "champion")
    page.get_by_role("link", name="Committees and their recommendations").click()
    page.get_by_role("link", name=SCRUTINY).click()
    page.get_by_role("link", name="Ask every statutory partner").click()
    page.get_by_role("button", name="Record the response").click()
    page.get_by_label("Partly accepted").check()
    page.get_by_label("What the response says").fill("We will ask the council and the NHS first, then the police.")
    fill_date(page, "responded_on", met_on - datetime.timedelta(days=1))
    page.get_by_role("button", name="Save the response").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("cannot be dated before the recommendation was made")
    fill_date(page, "responded_on", today)
    page.get_by_role("button", name="Save the response").click()
    expect(page.locator("main")).to_contain_text("We will ask the council and the NHS first")
    first.refresh_from_db()
    assert first.response == "partly_accepted" and first.responded_by.username == "champion"
    sign_out(page)

    # 4. The LSP member reads both sections of the latest report.
    log_in(page, "lsp")
    latest = Report.objects.filter(status=ReportStatus.PUBLISHED).order_by("-period_end").first()
    page.get_by_role("link", name="Reports", exact=True).click()
    page.get_by_role("link", name=latest.title).first.click()
    resourcing = page.locator("#resourcing")
    expect(resourcing.get_by_role("heading", level=2)).to_have_text("Resourcing the Compact")
    expect(resourcing.get_by_role("region", name="Pledges this year against last")).to_contain_text(
        "Hours a month pledged"
    )
    scrutiny = page.locator("#scrutiny")
    expect(scrutiny.get_by_role("heading", level=2)).to_have_text("Scrutiny")
    expect(scrutiny.get_by_role("region", name="Recommendations and responses")).to_contain_text(
        "Recommendations received"
    )
    expect(
        scrutiny.get_by_role("region", name=f"Each committee in {latest.snapshot['period']['label']}")
    ).to_contain_text(SCRUTINY)
