"""People choose their emails, stop one from an email's link, and officers resend an email not sent:
through the pages in Chromium, each page checked by axe-core."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from notifications import kinds, services
from notifications.models import MessageStatus, OutgoingMessage
from tests.browser.conftest import log_in, settle, visit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_champion_turns_off_the_digest_in_your_emails(page, demo):
    champion = get_user_model().objects.get(username="champion")
    log_in(page, "champion")

    page.get_by_role("link", name="Your account").click()
    page.get_by_role("link", name="Your emails").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your emails")
    assert page.get_by_text("Essential", exact=True).count() == len([k for k in kinds.ALL if k.essential])
    digest = page.get_by_label("Weekly actions digest")
    assert digest.is_checked()
    digest.uncheck()
    page.get_by_role("button", name="Save your choices").click()

    expect(page.get_by_text("Your email choices have been saved")).to_be_visible()
    assert not page.get_by_label("Weekly actions digest").is_checked()
    assert page.get_by_label("Self-assessment reminders").is_checked()
    assert not services.wants(user=champion, kind=kinds.ACTIONS_DIGEST)


def test_anyone_stops_reminders_from_the_link_in_an_email(page, demo):
    champion = get_user_model().objects.get(username="champion")
    token = services.unsubscribe_token(user=champion, kind=kinds.ROUND_REMINDER)

    visit(page, reverse("emails:unsubscribe", args=[token]))
    page.get_by_role("button", name="Stop these emails").click()

    expect(page.get_by_role("heading", name="Emails stopped")).to_be_visible()
    settle(page)
    assert not services.wants(user=champion, kind=kinds.ROUND_REMINDER)


def test_an_officer_sees_the_failed_email_and_tries_again(page, demo):
    log_in(page, "officer")

    page.get_by_role("link", name="1 email could not be sent").click()
    expect(page.get_by_text("5.1.1 Mailbox unavailable")).to_be_visible()
    page.get_by_role("button", name="Try again").click()

    expect(page.get_by_text("will be sent again now")).to_be_visible()
    settle(page)
    message = OutgoingMessage.objects.get(to="j.okafor@northbrook-foodbank.example.org")
    assert message.status == MessageStatus.SENT
    visit(page, reverse("jobs:job_list"))
    expect(page.get_by_role("heading", name="Scheduled jobs")).to_be_visible()
