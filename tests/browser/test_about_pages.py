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


class CookieJar:
    """Every cookie any response sets (even one deleted on the next page, like a message's), and every cookie the
    browser holds after each step, with the page it was first seen on."""

    def __init__(self, page):
        self.page, self.found = page, {}
        page.on("response", self.on_response)

    def on_response(self, response):
        for header in response.headers_array():
            if header["name"].lower() == "set-cookie":
                for line in header["value"].split("\n"):
                    self.found.setdefault(line.split("=", 1)[0].strip(), response.url)

    def note(self):
        for cookie in self.page.context.cookies():
            self.found.setdefault(cookie["name"], self.page.url)


def test_a_visitor_reads_the_statements_and_reports_a_problem_which_an_officer_reads_and_no_cookie_is_unlisted(
    page, demo
):
    cookies = CookieJar(page)
    for path in ("/", "/public/register/", "/public/factors/", "/public/wins/", "/open-data/"):
        visit(page, path)
        cookies.note()
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
    listed = set(page.locator("main table tbody th code").all_inner_texts())
    assert {"sessionid", "csrftoken", "messages"} <= listed

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
    cookies.note()
    assert ProblemReport.objects.get().page == "/public/register/"
    page.get_by_role("link", name="Go back to the page you were on").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Register of signatories")

    log_in(page, "officer")
    cookies.note()
    for path in ("/", "/organisations/", "/wins/"):
        visit(page, path)
        cookies.note()
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
    cookies.note()
    visit(page, "/accessibility/")
    expect(page.locator("main")).to_contain_text("The chart of responses has no pattern fill.")
    expect(page.locator("main")).to_contain_text("get back to you in 7 working days")
    page.get_by_role("button", name="Sign out").click()
    cookies.note()

    # Public and signed-in pages, a form, a message after saving, signing in and out: every cookie is listed.
    assert {"sessionid", "csrftoken"} <= set(cookies.found), cookies.found  # the test saw the cookies it should
    unlisted = {name: url for name, url in cookies.found.items() if name not in listed}
    assert not unlisted, f"cookies the cookies page does not list: {unlisted}"
