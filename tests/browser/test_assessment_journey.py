"""The demo champion completes this year's self-assessment in the browser; the officer then sees it
counted in the partnership results, with the radar chart."""

import re

import pytest
from playwright.sync_api import expect

from signatories.models import Champion
from success_factors.models import Assessment, AssessmentStatus, Factor
from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# A believable spread of answers: statement i on each page gets LEVELS[i % len(LEVELS)].
LEVELS = ["Established", "Developing", "Embedded", re.compile("Don.t know"), "Not in place"]


def answer_every_statement(page):
    statements = page.locator("fieldset.govuk-fieldset")
    for index in range(statements.count()):
        level = LEVELS[index % len(LEVELS)]
        statements.nth(index).get_by_label(level, exact=isinstance(level, str)).check()


def test_champion_completes_a_self_assessment_and_the_officer_sees_the_results(page, demo):
    cvs = Champion.objects.get(user__username="champion").organisation
    log_in(page, "champion")

    page.get_by_role("link", name="Your self-assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Self-assessments")
    page.get_by_role("button", name="Start a self-assessment").click()
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Self-assessment")
    assessment = Assessment.objects.get(organisation=cvs, status=AssessmentStatus.DRAFT)

    # Factor 1: a bad evidence link is caught, and nothing typed is lost.
    page.get_by_role("link", name=re.compile("Outcomes focus")).click()
    answer_every_statement(page)
    evidence = page.locator("textarea").first
    evidence.fill("Shared outcomes agreed with the Health and Wellbeing Board in March.")
    page.get_by_label(re.compile("Link to the evidence")).first.fill("not a link")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator("textarea").first).to_have_value(
        "Shared outcomes agreed with the Health and Wellbeing Board in March."
    )
    assert not assessment.ratings.exists()
    page.get_by_label(re.compile("Link to the evidence")).first.fill("https://www.northbrook.example.org/hwb-outcomes")

    # Factors 1 to 7, one page each, "Save and continue" through to the review page.
    for number in range(1, 8):
        expect(page.get_by_role("heading", level=1)).to_have_text(Factor.objects.get(number=number).title)
        answer_every_statement(page)
        page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your answers before you submit")
    page.get_by_role("button", name="Submit self-assessment").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("has been submitted")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED
    assert assessment.ratings.filter(evidence__startswith="Shared outcomes").exists()

    page.get_by_role("button", name="Sign out").click()
    log_in(page, "officer")
    page.get_by_role("link", name="Results").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(assessment.round)
    radar = page.get_by_role("img", name=re.compile("Radar chart of the seven factor scores"))
    expect(radar).to_be_visible()
    assert radar.evaluate("img => img.naturalWidth") > 0
    expect(page.locator("main")).to_contain_text("Outcomes focus")
