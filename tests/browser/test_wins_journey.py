"""A win's journey in a real browser: the demo champion records and submits it from their home page,
the officer publishes it from the queue, and an LSP member finds it in the library by searching."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from wins.models import Win, WinStatus

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Bike repair café at the Men's Shed"


def visit(page, path):
    """Go to ``path`` once axe-core has checked the page on screen: a click waits for that, a goto does not."""
    page.wait_for_function("() => window.axeDone === true")
    page.goto(path)


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile("/accounts/login/"))


def test_a_champions_win_is_published_and_found_in_the_library(page, demo, mailoutbox):
    log_in(page, "champion")
    page.get_by_role("button", name="Record a win").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a win")
    expect(page.get_by_label("Day")).not_to_have_value("")  # today's date is filled in

    # A mistake first: the error summary says what is wrong and nothing typed is lost.
    page.get_by_label("Give the win a short title").fill(TITLE)
    page.get_by_label("What happened?").fill("The Men's Shed and the CVS ran a monthly bike repair café.")
    page.get_by_label("What difference did it make?").fill("Forty bikes fixed for people who cycle to work.")
    page.get_by_role("button", name="Submit for publishing").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select at least one of the seven factors the win shows")
    expect(page.get_by_label("Give the win a short title")).to_have_value(TITLE)

    page.get_by_label("Outcomes focus").check()
    page.get_by_label("Make third sector representation effective").check()
    adder = page.get_by_role("combobox", name="Add an organisation")  # the champion's own is already chosen
    adder.fill("men's shed")
    page.locator("#id_organisations__listbox").get_by_role("option", name="Northbrook Men's Shed").click()
    expect(page.get_by_role("list", name="Chosen organisations")).to_contain_text("Northbrook Men's Shed")
    page.get_by_label("This was a quick win").check()
    page.get_by_role("button", name="Submit for publishing").click()
    expect(page.locator("main")).to_contain_text("Your win has been submitted")
    win = Win.objects.get(title=TITLE)
    assert win.status == WinStatus.SUBMITTED
    sign_out(page)

    log_in(page, "officer")
    page.get_by_role("link", name="Moderate wins").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wins waiting for you")
    row = page.get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("button", name=re.compile("Publish")).click()
    expect(page.locator("main")).to_contain_text("has been published in the wins library")
    win.refresh_from_db()
    assert win.status == WinStatus.PUBLISHED
    assert [message.to for message in mailoutbox] == [["champion@northbrook.example.org"]]
    sign_out(page)

    log_in(page, "lsp")
    page.get_by_role("link", name="Wins", exact=True).click()
    page.get_by_label("Search wins").fill("bike repair")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator("main")).to_contain_text("1 win matching")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text("Northbrook Men's Shed")


def test_the_other_wins_pages_pass_the_accessibility_checks(page, demo):
    returned = Win.objects.filter(recorded_by__username="champion", status=WinStatus.RETURNED).first()
    waiting = Win.objects.filter(status=WinStatus.SUBMITTED).first()
    log_in(page, "champion")
    page.get_by_role("link", name="Your wins").click()
    expect(page.locator("main")).to_contain_text("Officer’s note")
    visit(page, f"/wins/{returned.pk}/edit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your win")
    visit(page, "/wins/compact-in-action/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Compact in action")
    sign_out(page)

    log_in(page, "officer")
    visit(page, f"/wins/{waiting.pk}/")
    expect(page.get_by_role("heading", level=2, name="History")).to_be_visible()
    page.get_by_role("button", name="Return with a note").click()
    page.get_by_role("button", name="Return with this note").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what the champion needs to change")
    visit(page, "/wins/?quick=on&sector=statutory&happened_from_0=1&happened_from_1=1&happened_from_2=2024")
    expect(page.locator("main")).to_contain_text("Download these wins")
    visit(page, "/factors/1/")
    expect(page.locator("main")).to_contain_text("show this factor in action")
