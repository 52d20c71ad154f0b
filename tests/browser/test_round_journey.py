"""An officer plans next year's self-assessment round, sees who cannot be asked, opens it, and follows this
year's round: progress, the response chart, an extension and a chase. axe-core checks every page."""

import re

import pytest
from playwright.sync_api import expect

from notifications.models import OutgoingMessage
from success_factors.models import Round, RoundStatus
from success_factors.selectors import current_round
from tests.browser.conftest import log_in, visit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def fill_date(page, legend, day, month, year):
    group = page.get_by_role("group", name=re.compile(legend))
    group.get_by_label("Day").fill(str(day))
    group.get_by_label("Month").fill(str(month))
    group.get_by_label("Year").fill(str(year))


def test_officer_opens_a_round_and_follows_its_progress(page, demo):
    from django.utils import timezone

    this_year = current_round(timezone.localdate())
    start = int(this_year[:4]) + 1
    next_year = f"{start}/{(start + 1) % 100:02d}"
    log_in(page, "officer")

    page.get_by_role("link", name="self-assessment rounds").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Self-assessment rounds")
    page.get_by_role("link", name=this_year).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{this_year} self-assessment round")
    expect(page.get_by_role("img", name=re.compile("Line chart"))).to_be_visible()
    expect(page.locator("main")).to_contain_text("In progress")
    page.get_by_label("Progress").select_option("Not started")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("tbody .govuk-tag").first).to_have_text("Not started")

    # Extend one organisation's deadline, after a mistake
    page.get_by_role("link", name=re.compile("Extend the deadline for")).first.click()
    fill_date(page, "New deadline", 1, 1, 2020)
    page.get_by_role("button", name="Extend the deadline").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be after the round's deadline")
    fill_date(page, "New deadline", 28, 2, start + 1)
    page.get_by_role("button", name="Extend the deadline").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("now has until 28 February")

    # Chase the organisations that have not submitted
    page.get_by_role("button", name="Chase organisations").click()
    page.get_by_role("button", name="Send the note").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select at least one organisation to chase")
    page.locator("input[name=organisations]").first.check()
    page.get_by_label("Your note").fill("The board meets next month: we need yours.")
    page.get_by_role("button", name="Send the note").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your note is on its way")

    # Plan next year's round, with a mistake first
    page.get_by_role("link", name="All rounds").click()
    page.get_by_role("button", name="Plan a round").click()
    page.get_by_label("Financial year").fill(next_year)
    fill_date(page, "Opening date", 1, 5, start)
    fill_date(page, "Deadline", 1, 4, start)
    page.get_by_label("Reminder days").fill("14, three")
    page.get_by_label(re.compile("Message to champions")).fill("Please involve your finance team.")
    page.get_by_role("button", name="Plan the round").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The deadline must be on or after the opening date")
    expect(summary).to_contain_text("Enter the reminder days as whole numbers")
    expect(page.get_by_label(re.compile("Message to champions"))).to_have_value("Please involve your finance team.")
    fill_date(page, "Deadline", 30, 6, start)
    page.get_by_label("Reminder days").fill("14, 3")
    page.get_by_role("button", name="Plan the round").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{next_year} self-assessment round")

    # Open it: first, who cannot be asked
    page.get_by_role("button", name="Open the round").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Open the {next_year} round?")
    expect(page.get_by_role("heading", name=re.compile("no active champion"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("appoint a champion for")).first).to_be_visible()
    page.get_by_role("button", name="Open the round and email champions").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"The {next_year} round is open.")
    expect(page.locator("main")).to_contain_text("0 of")
    expect(page.locator("tbody .govuk-tag").first).to_have_text("Not started")

    opened = Round.objects.get(year=next_year)
    assert opened.status == RoundStatus.OPEN
    assert OutgoingMessage.objects.filter(kind="round_opened").exists()


def test_officer_reads_long_lists_a_page_at_a_time(page, demo):
    import datetime

    from signatories.selectors import current_compact
    from tests.success_factors.builders import signed_organisation

    compact = current_compact()
    for number in range(60):
        signed_organisation(compact, name=f"Zz Newly Signed {number:02}")
    planned = Round.objects.create(
        compact=compact, year="2098/99", opens_on=datetime.date(2098, 5, 1), deadline=datetime.date(2098, 6, 30)
    )
    current = Round.objects.get(status=RoundStatus.OPEN)
    log_in(page, "officer")

    # Who cannot be asked: the first few, then the whole list a page at a time
    visit(page, f"/rounds/{planned.pk}/open/")
    page.get_by_role("link", name=re.compile(r"See all \d+ signatories with no active champion")).click()
    expect(page.get_by_role("link", name=re.compile("appoint a champion for"))).to_have_count(50)
    page.get_by_role("navigation", name="Pagination").get_by_role("link", name="Next").click()
    expect(page.locator("main")).to_contain_text("Zz Newly Signed 59")
    expect(page.get_by_role("button", name="Open the round and email champions")).to_be_visible()

    # This year's progress, a page at a time, the filter kept on the next page
    visit(page, f"/rounds/{current.pk}/?state=not_started")
    expect(page.get_by_role("table", name=re.compile("progress")).locator("tbody tr")).to_have_count(50)
    page.get_by_role("navigation", name="Pagination").get_by_role("link", name="Next").click()
    expect(page.locator("main")).to_contain_text("Zz Newly Signed 59")
    expect(page.get_by_label("Progress")).to_have_value("not_started")
