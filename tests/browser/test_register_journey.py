"""The officer keeps the register in a real browser: add an organisation, sign it up, appoint a champion,
record an endorsement and invite the champion to log in."""

import re

import pytest
from playwright.sync_api import expect

from signatories.models import Champion, Endorsement, Organisation
from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def fill_date(page, prefix, day, month, year):
    page.locator(f"#id_{prefix}_0").fill(str(day))
    page.locator(f"#id_{prefix}_1").fill(str(month))
    page.locator(f"#id_{prefix}_2").fill(str(year))


def test_officer_adds_signs_up_and_champions_an_organisation(page, demo, mailoutbox):
    log_in(page, "officer")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sam")

    page.get_by_role("link", name="Organisations").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisations")
    page.get_by_role("button", name="Add an organisation").click()

    # A mistake first: the error summary says what is wrong and nothing typed is lost.
    page.get_by_label("Name").fill("Northbrook Bike Project")
    page.get_by_role("button", name="Add organisation").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Select the organisation's sector")
    expect(page.get_by_label("Name")).to_have_value("Northbrook Bike Project")

    page.get_by_label("Voluntary and community").check()
    page.get_by_label("Kind of organisation").select_option(label="Charity")
    page.get_by_label("Registered charity number").fill("1199887")
    page.get_by_role("button", name="Add organisation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Northbrook Bike Project")
    organisation = Organisation.objects.get(name="Northbrook Bike Project")

    page.get_by_role("link", name="Record a signature").click()
    fill_date(page, "signed_on", 2, 11, 2026)
    page.get_by_label("Who signed").fill("Ruth Lane")
    page.get_by_label("Their role").fill("Chair of Trustees")
    page.get_by_role("button", name="Record signature").click()
    expect(page.locator("main")).to_contain_text("Ruth Lane")
    assert organisation.signatures.filter(withdrawn_on__isnull=True).exists()

    page.get_by_role("link", name=re.compile("Record an endorsement")).click()
    page.get_by_label("Name").fill("Cllr Asha Begum")
    page.get_by_label("Elected member").check()
    page.get_by_label("Position").fill("Ward councillor for Westgate")
    fill_date(page, "endorsed_on", 10, 11, 2026)
    page.get_by_role("button", name="Record endorsement").click()
    expect(page.locator("main")).to_contain_text("Cllr Asha Begum")
    assert Endorsement.objects.filter(organisation=organisation, name="Cllr Asha Begum").exists()

    page.get_by_role("link", name=re.compile("Appoint a champion")).click()
    expect(page.get_by_role("combobox", name="Organisation")).to_have_value("Northbrook Bike Project")
    page.get_by_label("Name").fill("Kit Morgan")
    page.get_by_label("Email").fill("kit.morgan@bikeproject.example.org")
    fill_date(page, "appointed_on", 12, 11, 2026)
    page.get_by_role("button", name="Appoint champion").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kit Morgan")
    assert Champion.objects.filter(organisation=organisation, name="Kit Morgan", stood_down_on__isnull=True).exists()

    page.get_by_role("link", name="People", exact=True).click()
    page.get_by_role("button", name="Invite someone").click()
    page.get_by_label("First name").fill("Kit")
    page.get_by_label("Last name").fill("Morgan")
    page.get_by_label("Email").fill("kit.morgan@bikeproject.example.org")
    page.get_by_label("Champion").check()
    organisation_box = page.get_by_role("combobox", name="Organisation")
    organisation_box.fill("bike project")
    page.locator("#id_organisation__listbox").get_by_role("option", name="Northbrook Bike Project").click()
    expect(organisation_box).to_have_value("Northbrook Bike Project")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator("main")).to_contain_text("kit.morgan@bikeproject.example.org")
    assert [message.to for message in mailoutbox] == [["kit.morgan@bikeproject.example.org"]]
