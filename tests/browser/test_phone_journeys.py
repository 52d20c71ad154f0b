"""Each role's main journey on a phone, 375 CSS px wide, through the service navigation's "Menu" button: a champion
records a win and submits their self-assessment, an officer publishes the win, an LSP member reads a report. Every
page is checked by axe-core at that width (touch targets included) and for reflow at 320 px."""

import re

import pytest
from playwright.sync_api import expect

from success_factors.models import Assessment, AssessmentStatus
from tests.browser.conftest import log_in, sign_out
from tests.browser.test_assessment_journey import answer_every_statement
from wins.models import Win, WinStatus

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Youth club and police meet monthly"


def go_to(page, link):
    """Follow a link of the service navigation, folded under its "Menu" button on a phone."""
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name=link, exact=True)).to_be_hidden()
    menu.click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name=link, exact=True).click()


def test_each_role_does_their_main_job_on_a_phone(phone, demo):
    page = phone
    log_in(page, "champion")
    # The header is one row of the service's name and two links, the menu one more: the page starts near the top.
    assert page.locator("main").bounding_box()["y"] < 200

    page.get_by_role("button", name="Record a win").click()
    page.get_by_label("Give the win a short title").fill(TITLE)
    page.get_by_label("What happened?").fill("The youth club and the neighbourhood police team now meet every month.")
    page.get_by_label("What difference did it make?").fill("Young people say they are listened to.")
    page.get_by_label("Involve stakeholders").check()
    page.get_by_role("button", name="Submit for publishing").click()
    expect(page.locator("main")).to_contain_text("Your win has been submitted")

    go_to(page, "Self-assessments")
    page.get_by_role("button", name="Start a self-assessment").click()
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name=re.compile("Outcomes focus")).click()
    for _ in range(7):
        answer_every_statement(page)
        page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before you submit")
    page.get_by_role("button", name="Submit self-assessment").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("has been submitted")
    assert Assessment.objects.filter(
        organisation__champions__user__username="champion", status=AssessmentStatus.SUBMITTED
    ).exists()
    sign_out(page)

    log_in(page, "officer")
    page.get_by_role("link", name="Moderate").click()
    # Each waiting win is a small summary list of its own, each value beside its column's heading.
    win = page.locator("tr").filter(has_text=TITLE)
    labels = win.locator("td").evaluate_all("cells => cells.map(cell => getComputedStyle(cell, '::before').content)")
    assert labels[:3] == ['"Submitted"', '"Win"', '"Recorded by"']
    win.get_by_role("button", name=re.compile("Publish")).click()
    expect(page.locator("main")).to_contain_text("has been published in the wins library")
    assert Win.objects.get(title=TITLE).status == WinStatus.PUBLISHED
    sign_out(page)

    log_in(page, "lsp")
    go_to(page, "Reports")
    page.locator("main table a").first.click()
    expect(page.locator("main")).to_contain_text("Summary")
    # A table of figures too wide for the phone scrolls in a region of its own that a keyboard can reach.
    scores = page.get_by_role("region", name=re.compile("^Scores by sector"))
    scores.focus()
    assert scores.evaluate("region => region === document.activeElement && region.scrollWidth > region.clientWidth")
    page.get_by_role("link", name="Your account").click()
    expect(page.locator("main")).to_contain_text("Signed in as")
