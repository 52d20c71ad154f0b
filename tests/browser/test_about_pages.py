"""The pages every public-sector service publishes, in a real browser with axe-core: a visitor follows the footer to
the accessibility statement, privacy notice, cookies and contact pages and reports a problem with a page; an officer
reads it and fills in the area's details. And no page, public or signed in, sets a cookie the cookies page does not
list."""

import pytest
from playwright.sync_api import expect

from compact_site.feedback.models import ProblemReport
from tests.browser.conftest import log_in, visit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def footer_link(page, name):
    return page.locator("footer.govuk-footer").get_by_role("link", name=name, exact=True)


def test_a_visitor_reads_the_statements_and_reports_a_problem_which_an_officer_reads(page, demo):
    visit(page, "/")
    footer = page.locator("footer.govuk-footer")
    expect(footer).to_contain_text("Open Government Licence v3.0")
    expect(footer.locator("svg.govuk-footer__licence-logo")).to_have_count(1)

    footer_link(page, "Accessibility statement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accessibility statement for Compact")
    expect(page.locator("main")).to_contain_text("This website is run by Northbrook Borough Council.")
    expect(page.locator("main")).to_contain_text("Equality and Human Rights Commission")

    footer_link(page, "Privacy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice")
    expect(page.locator("main")).to_contain_text("Northbrook Borough Council is the data controller")
    expect(page.locator("main")).to_contain_text("data.protection@northbrook.example")

    footer_link(page, "Cookies").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cookies")
    expect(page.locator("main")).to_contain_text("there is no cookie banner")

    footer_link(page, "Contact").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contact the Compact team")

    visit(page, "/public/register/")
    page.get_by_role("link", name="Report a problem with this page").click()
    expect(page.locator("main")).to_contain_text("/public/register/")
    page.get_by_role("button", name="Send").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter what you were doing")
    summary.get_by_role("link", name="Enter what went wrong").click()
    expect(page.get_by_label("What went wrong?")).to_be_focused()
    page.get_by_label("What were you doing?").fill("Looking for my charity")
    page.get_by_label("What went wrong?").fill("The search found nothing")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    assert ProblemReport.objects.get().page == "/public/register/"
    page.get_by_role("link", name="Go back to the page you were on").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register of signatories")

    log_in(page, "officer")
    footer_link(page, "Accessibility statement").click()  # the footer is on signed-in pages too
    expect(page.get_by_role("heading", level=1)).to_have_text("Accessibility statement for Compact")
    page.get_by_role("link", name="Public site", exact=True).click()
    page.get_by_role("link", name="Problems reported").click()
    expect(page.locator("main")).to_contain_text("The search found nothing")
    expect(page.locator("main").get_by_role("link", name="/public/register/")).to_be_visible()

    page.get_by_role("link", name="accessibility, privacy and contact details").click()
    page.get_by_label("Working days to reply").fill("0")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a number of days from 1 to 60")
    page.get_by_label("Working days to reply").fill("7")
    page.get_by_label("Known accessibility issues").fill("The chart of responses has no pattern fill.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("have been updated")
    visit(page, "/accessibility/")
    expect(page.locator("main")).to_contain_text("The chart of responses has no pattern fill.")
    expect(page.locator("main")).to_contain_text("get back to you in 7 working days")


def listed_cookies(page):
    visit(page, "/cookies/")
    return set(page.locator("main table tbody th code").all_inner_texts())


def test_no_page_sets_a_cookie_the_cookies_page_does_not_list(page, demo):
    listed = listed_cookies(page)
    assert {"sessionid", "csrftoken", "messages"} <= listed
    found = {}

    def note_cookies():
        for cookie in page.context.cookies():
            found.setdefault(cookie["name"], page.url)

    # A visitor: the public pages, a form, and a problem reported.
    for path in ("/", "/public/register/", "/public/factors/", "/public/wins/", "/open-data/", "/privacy/"):
        visit(page, path)
        note_cookies()
    visit(page, "/contact/report-a-problem/?page=/")
    page.get_by_label("What were you doing?").fill("Reading")
    page.get_by_label("What went wrong?").fill("A typo")
    page.get_by_role("button", name="Send").click()
    note_cookies()

    # Signed in, a message shown after saving, and the signed-in pages.
    log_in(page, "officer")
    note_cookies()
    for path in ("/", "/organisations/", "/wins/", "/public-site/", "/public-site/statements/"):
        visit(page, path)
        note_cookies()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_be_visible()
    note_cookies()
    page.get_by_role("button", name="Sign out").click()
    note_cookies()

    assert {"sessionid", "csrftoken"} <= set(found), found  # the test saw the cookies it should
    unlisted = {name: url for name, url in found.items() if name not in listed}
    assert not unlisted, f"cookies the cookies page does not list: {unlisted}"
