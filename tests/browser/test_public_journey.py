"""The public site in a real browser: a visitor reads the Compact, searches the register, reads a win, a report,
how the commitments are kept and the open data; then the officer signs in, makes an API key, shows another win and
closes the site."""

import re

import pytest
from playwright.sync_api import expect

from compact_site.api.models import ApiToken
from tests.browser.conftest import visit
from wins.models import Win, WinStatus

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_visitor_reads_the_public_site_and_an_officer_closes_it(page, demo):
    visit(page, "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Northbrook Local Compact")
    expect(page.locator("main")).to_contain_text("organisations have signed")

    page.get_by_role("link", name="Register of signatories").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register of signatories")
    page.get_by_label("Organisation name").fill("northbrook")
    page.get_by_label("Sector").select_option(label="Statutory")
    page.get_by_role("button", name="Search").click()
    table = page.locator("table")
    expect(table).to_contain_text("Northbrook Borough Council")
    expect(table).not_to_contain_text("Northbrook CVS")
    page.get_by_role("link", name="Clear the search").click()
    page.get_by_label("Status").select_option(label="Withdrawn")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("table")).to_contain_text("Withdrawn")
    expect(page.locator("table")).to_contain_text("Westgate Youth Club")

    page.get_by_role("link", name="Wins", exact=True).click()
    shown = Win.objects.filter(show_on_public_site=True).order_by("-happened_on", "-id").first()
    page.get_by_role("link", name=shown.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(shown.title)
    expect(page.locator("main")).to_contain_text("The difference it made")

    page.get_by_role("link", name="Reports", exact=True).click()
    page.locator("main table a").first.click()
    expect(page.locator("main")).to_contain_text("Report to the Local Strategic Partnership")
    expect(page.locator("main")).to_contain_text("Partnership scores for")

    page.get_by_role("link", name="The seven factors").click()
    expect(page.locator("main table")).to_contain_text("Outcomes focus")

    # How the statutory bodies keep the Compact's commitments, counted from verified records only.
    page.get_by_role("link", name="Commitments", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Keeping the Compact’s commitments")
    commitments = page.get_by_role("table", name="Records meeting each commitment")
    expect(commitments).to_contain_text("Consultations last 12 weeks")
    expect(commitments.locator("td").first).to_contain_text(re.compile(r"\d+%"))
    expect(page.get_by_role("table", name="Each statutory body’s record")).to_contain_text("Northbrook Borough Council")
    expect(page.locator("main")).to_contain_text("Only verified records count")

    page.get_by_role("link", name="Open data", exact=True).click()
    expect(page.locator("main")).to_contain_text("Open Government Licence v3.0")
    page.get_by_role("link", name="read-only API").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API documentation")
    expect(page.locator("main")).to_contain_text("/api/v1/organisations")

    # Staff sign in from the header.
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill("compact-demo")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Public site").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Public site")

    # An API key for a named use, shown once; a mistake first.
    page.get_by_role("link", name="Manage API keys").click()
    page.get_by_role("button", name="Create a key").click()
    page.get_by_label("Requests a minute").fill("0")
    page.get_by_role("button", name="Create the key").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what the key is for")
    page.get_by_label("What is the key for?").fill("Excel – finance team")
    page.get_by_label("Requests a minute").fill("60")
    page.get_by_role("button", name="Create the key").click()
    key = page.get_by_label("The key").input_value()
    assert key.startswith("cpt_")
    assert ApiToken.objects.get(name="Excel – finance team").prefix == key[:8]
    page.get_by_role("link", name="Back to API keys").click()
    expect(page.locator("table")).to_contain_text("Excel – finance team")
    expect(page.locator("table")).not_to_contain_text(key)
    page.get_by_role("link", name="Revoke the key for Excel – finance team").click()
    page.get_by_role("button", name="Revoke the key").click()
    expect(page.locator("main")).to_contain_text("has been revoked")

    # Show one more published win on the public site, from its own page.
    unshown = Win.objects.filter(status=WinStatus.PUBLISHED, show_on_public_site=False).first()
    visit(page, f"/wins/{unshown.pk}/")
    page.get_by_role("button", name="Show on the public site").click()
    expect(page.locator("main")).to_contain_text("is now shown on the public site")
    unshown.refresh_from_db()
    assert unshown.show_on_public_site

    # Close the site: visitors are then asked to sign in.
    page.get_by_role("link", name="Public site").click()
    page.get_by_label("Open the public site to everyone").uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("The public site is off")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile("/accounts/login/"))
    visit(page, "/")
    page.wait_for_url(re.compile("/accounts/login/"))
