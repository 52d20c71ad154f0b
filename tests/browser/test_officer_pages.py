"""Pages officers reach less often, each checked by axe-core as the officer sees it: concerns, history and
restore, lockouts, two-step verification and a person's data."""

import pytest
from django.urls import reverse

from signatories.models import Champion, Organisation
from tests.browser.conftest import log_in, visit
from wins.models import Concern

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
    assert page.locator(".govuk-error-summary").is_visible()
