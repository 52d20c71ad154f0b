"""Keeping the Compact's commitments in a real browser: the officer records a consultation that breaks a
commitment, sees it on the commitments page, raises a concern from it and sees it in a draft report."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from commitments.models import Consultation, Result
from tests.browser.conftest import log_in
from wins.concerns.models import Concern

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Parks maintenance review"


def fill_date(page, prefix, day):
    page.locator(f"#id_{prefix}_0").fill(str(day.day))
    page.locator(f"#id_{prefix}_1").fill(str(day.month))
    page.locator(f"#id_{prefix}_2").fill(str(day.year))


def test_a_broken_commitment_is_seen_raised_as_a_concern_and_reported(page, demo):
    today = timezone.localdate()
    opened, closes = today - datetime.timedelta(days=7), today + datetime.timedelta(days=14)
    log_in(page, "officer")

    page.get_by_role("link", name="Commitments", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Keeping the Compact’s commitments")
    page.get_by_role("link", name="Record a consultation").click()

    # The dates the wrong way round first: the error summary says so and nothing typed is lost.
    page.get_by_label("Which statutory signatory?").select_option(label="Northbrook Borough Council")
    page.get_by_label("Title of the consultation").fill(TITLE)
    fill_date(page, "opened_on", closes)
    fill_date(page, "closes_on", opened)
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Record it").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The closing date must be the same as or after")
    expect(page.get_by_label("Title of the consultation")).to_have_value(TITLE)
    fill_date(page, "opened_on", opened)
    fill_date(page, "closes_on", closes)
    page.get_by_role("button", name="Record it").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text("3 weeks, shorter than 12 weeks. No reason was given.")
    record = Consultation.objects.get(title=TITLE)
    assert record.checks.get(commitment__rule="consultation_length").result == Result.NOT_MET

    # On the commitments page, among the commitments not met in the last 12 months.
    page.get_by_role("link", name="Commitments", exact=True).click()
    not_met = page.get_by_role("row").filter(has_text=TITLE)
    expect(not_met).to_contain_text("Consultations last 12 weeks")
    not_met.get_by_role("link", name=TITLE).click()

    # One click raises a concern, pre-filled and linked to the consultation.
    page.get_by_role("link", name=re.compile("Raise a concern about this")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Raise a concern")
    expect(page.get_by_label("What needs addressing?")).to_have_value(f"Consultations last 12 weeks not met: {TITLE}")
    expect(page.locator("main")).to_contain_text("The concern is linked to it.")
    page.get_by_role("button", name="Raise concern").click()
    expect(page.locator("main")).to_contain_text("Your concern has been recorded")
    concern = Concern.objects.get(consultation=record)
    expect(page.locator("main")).to_contain_text(f"Consultation: {TITLE} (Northbrook Borough Council)")
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator("main").get_by_role("link", name=concern.title)).to_be_visible()

    # A draft report for the month up to today lists it among the commitments not met.
    page.get_by_role("link", name="Reports", exact=True).click()
    page.get_by_role("button", name="Prepare a report").click()
    page.get_by_label("Other dates").check()
    fill_date(page, "start", today - datetime.timedelta(days=30))
    fill_date(page, "end", today)
    page.get_by_role("button", name="Start the draft").click()
    page.get_by_role("button", name="Save and preview").click()
    section = page.locator("#commitments")
    expect(section.get_by_role("heading", level=2)).to_have_text("Keeping the Compact’s commitments")
    expect(section).to_contain_text(f"{TITLE} (consultation, Northbrook Borough Council) – Consultations last 12 weeks")
    expect(section.get_by_role("img")).to_be_visible()


def test_the_other_commitments_pages_pass_the_accessibility_check(page, demo):
    from django.urls import reverse

    from commitments.models import Commitment, FundingDecision
    from tests.browser.conftest import visit

    contract = FundingDecision.objects.get(name="Floating housing support contract")
    check = contract.checks.get(commitment__rule="notice")
    log_in(page, "officer")
    for path in [
        reverse("commitments:overview") + "?period=financial-year",
        reverse("commitments:commitment_list"),
        reverse("commitments:commitment_create"),
        reverse("commitments:commitment_edit", args=[Commitment.objects.first().pk]),
        reverse("commitments:consultation_list") + "?result=not_met",
        reverse("commitments:funding_list"),
        reverse("commitments:funding_create"),
        contract.get_absolute_url(),
        reverse("commitments:funding_edit", args=[contract.pk]),
        reverse("commitments:funding_explain", args=[contract.pk]),
        reverse("commitments:check_accept", args=[check.pk]),
        reverse("history", args=["funding_decision", contract.pk]),
        reverse("dashboard"),
    ]:
        visit(page, path)
        assert page.locator("h1").count() == 1, path

    # A mistake on the funding form, as the officer would see it.
    visit(page, reverse("commitments:funding_create"))
    page.get_by_role("button", name="Record it").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose the statutory signatory")
    expect(summary).to_contain_text("Enter the amount")
