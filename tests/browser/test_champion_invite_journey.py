"""The officer invites champions who have no account yet, in a real browser, after importing them."""

import pytest
from playwright.sync_api import expect

from compact_site.accounts.models import Invitation
from signatories.models import Champion
from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_officer_imports_champions_then_invites_them(page, demo, tmp_path, mailoutbox):
    file = tmp_path / "champions.csv"
    file.write_text(
        "Champion name,E-mail,Organisation,Date appointed,Notes\n"
        "Femi Adebayo,femi@example.org,Northbrook Hospice,01/09/2025,met at forum\n"
        "Lucy Grant,lucy@example.org,Samaritans of Northbrook,2025-10-01,\n"
    )
    log_in(page, "officer")
    page.get_by_role("link", name="Champions").first.click()
    page.get_by_role("link", name="Import champions from a spreadsheet").click()
    page.get_by_label("Upload a file").set_input_files(file)
    page.get_by_role("button", name="Upload and check").click()

    # "Notes" is not a field we know: the officer says to ignore it.
    expect(page.get_by_role("heading", name="Tell us what these columns hold")).to_be_visible()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose which field column E (“Notes”) holds, or ignore it"
    )
    page.get_by_label("Column E: “Notes”").select_option(label="Ignore this column")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Confirm and import").click()
    expect(page.locator(".govuk-panel")).to_contain_text("2 added")

    page.get_by_role("link", name="See the champions").click()
    page.get_by_role("link", name="Invite champions who have no account yet").click()
    page.get_by_label("Femi Adebayo, Northbrook Hospice (femi@example.org)").check()
    page.get_by_label("Lucy Grant, Samaritans of Northbrook (lucy@example.org)").check()
    page.get_by_role("button", name="Invite the ticked champions").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("2 champions have been invited by email.")

    assert sorted(Invitation.objects.values_list("email", flat=True)) == ["femi@example.org", "lucy@example.org"]
    assert sorted(m.to[0] for m in mailoutbox) == ["femi@example.org", "lucy@example.org"]
    assert Champion.objects.get(email="femi@example.org").organisation.name == "Northbrook Hospice"
