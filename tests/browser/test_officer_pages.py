"""Pages officers reach less often, each checked by axe-core as the officer sees it: concerns, history and
restore, lockouts, two-step verification and a person's data."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from signatories.models import Champion, Organisation
from tests.browser.conftest import log_in, visit
from wins.concerns.models import Concern

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_officer_pages_pass_the_accessibility_check(page, demo):
    organisation = Organisation.objects.get(name="Northbrook CVS")
    champion = Champion.objects.filter(user__isnull=True, stood_down_on__isnull=True).first()
    concern = Concern.objects.first()
    log_in(page, "officer")
    version = organisation.history.order_by("history_date").first()

    for path in [
        reverse("wins:concern_list"),
        reverse("wins:concern_create"),
        concern.get_absolute_url(),
        reverse("wins:concern_update", args=[concern.pk]),
        reverse("wins:concern_action", args=[concern.pk]),
        reverse("history", args=["organisation", organisation.pk]),
        reverse("history_restore", args=["organisation", organisation.pk, version.history_id]),
        reverse("lockout_list"),
        reverse("two_step_manage"),
        reverse("two_step_setup"),
        reverse("champion_data", args=[champion.pk]),
        reverse("champion_erase", args=[champion.pk]),
    ]:
        visit(page, path)
        assert page.locator("h1").count() == 1, path

    # An error page, as the officer would see it after a mistake.
    visit(page, reverse("wins:concern_create"))
    page.get_by_role("button", name="Raise concern").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()


def test_an_officer_changes_the_compacts_details_and_is_led_to_a_mistake(page, demo):
    log_in(page, "officer")
    page.get_by_role("link", name="About Northbrook Local Compact").click()
    page.get_by_role("link", name="Change the Compact's details").click()
    page.get_by_label("Months between reports to the LSP").fill("0")
    page.get_by_role("button", name="Save changes").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    summary.get_by_role("link", name="Enter a number of months from 1 to 24").click()
    assert page.evaluate("document.activeElement.id") == "id_report_every_months"

    page.get_by_label("Months between reports to the LSP").fill("6")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("The Compact's details have been saved.")).to_be_visible()
    expect(page.get_by_text("Every 6 months")).to_be_visible()
