"""The emails pages: officers' "Emails not sent", everyone's "Your emails", one-click unsubscribe."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from notifications import kinds, services
from notifications.models import EmailPreference, MessageStatus, OutgoingMessage
from tests import factories
from tests.success_factors.builders import page_text

pytestmark = pytest.mark.django_db
NOT_SENT = reverse("emails:not_sent")
PREFERENCES = reverse("emails:preferences")


def failed_message(to="pat@example.org", subject="You have been invited to Compact"):
    message = services.queue_email(
        to=to,
        subject=subject,
        template="notifications/email/message.txt",
        context={"text": "Hello"},
        kind=kinds.INVITATION,
    )
    OutgoingMessage.objects.filter(pk=message.pk).update(
        status=MessageStatus.FAILED,
        attempts=6,
        last_error="SMTPRecipientsRefused: 550 No such mailbox",
    )
    return message


def test_officers_see_each_email_not_sent_with_its_error(officer_client):
    failed_message()
    waiting = services.queue_email(
        to="waiting@example.org",
        subject="Still waiting",
        template="notifications/email/message.txt",
        context={"text": "x"},
        kind=kinds.INVITATION,
    )
    # Waiting for its next try (SMTP refused it a minute ago): not sent, not failed.
    OutgoingMessage.objects.filter(pk=waiting.pk).update(next_attempt_at=timezone.now() + datetime.timedelta(hours=1))

    text = page_text(officer_client.get(NOT_SENT))

    assert "1 email not sent" in text
    assert "pat@example.org" in text and "You have been invited to Compact" in text
    assert "550 No such mailbox" in text
    assert "Still waiting" not in text
    assert "1 other email is waiting to be sent" in text


def test_try_again_sends_it_and_says_so(officer, officer_client):
    message = failed_message()

    response = officer_client.post(reverse("emails:retry", args=[message.pk]), follow=True)

    assert "will be sent again now" in page_text(response)
    assert "Every email has been sent or is waiting its turn" in page_text(response)
    message.refresh_from_db()
    assert (message.status, message.retried_by) == (MessageStatus.SENT, officer)
    assert [email.to for email in mail.outbox] == [["pat@example.org"]]


def test_try_again_on_a_message_that_was_sent_is_not_found(officer_client):
    message = failed_message()
    OutgoingMessage.objects.filter(pk=message.pk).update(status=MessageStatus.SENT)

    assert officer_client.post(reverse("emails:retry", args=[message.pk])).status_code == 404
    assert mail.outbox == []


def test_the_officer_home_page_counts_emails_not_sent(officer_client):
    assert "could not be sent" not in page_text(officer_client.get(reverse("dashboard")))
    failed_message()
    failed_message(to="sam@example.org")

    response = officer_client.get(reverse("dashboard"))

    assert "2 emails could not be sent" in page_text(response)
    assert f'href="{NOT_SENT}"' in response.content.decode()


def test_champions_do_not_see_the_count(champion_client):
    failed_message()

    assert "could not be sent" not in page_text(champion_client.get(reverse("dashboard")))


def test_your_emails_lists_essential_kinds_as_fixed_and_optional_ones_as_choices(champion_client):
    response = champion_client.get(PREFERENCES)
    text = page_text(response)
    html = response.content.decode()

    for kind in kinds.ALL:
        assert kind.label in text and kind.description in text
    assert text.count("Essential") == len([kind for kind in kinds.ALL if kind.essential])
    for kind in kinds.optional():
        assert f'value="{kind.key}" aria-describedby="id_wanted_' in html
        assert f'value="{kind.key}"' in html
    assert html.count("checked") == len(kinds.optional())
    assert 'value="invitation"' not in html


def test_turning_an_optional_kind_off_and_on_again(champion, champion_client):
    wanted = [kind.key for kind in kinds.optional() if kind.key != kinds.ACTIONS_DIGEST]

    response = champion_client.post(PREFERENCES, {"wanted": wanted}, follow=True)

    assert "Your email choices have been saved" in page_text(response)
    assert not services.wants(user=champion, kind=kinds.ACTIONS_DIGEST)
    assert services.wants(user=champion, kind=kinds.ROUND_REMINDER)
    assert response.content.decode().count("checked") == len(wanted)

    champion_client.post(PREFERENCES, {"wanted": wanted + [kinds.ACTIONS_DIGEST]})
    assert services.wants(user=champion, kind=kinds.ACTIONS_DIGEST)


def test_an_essential_kind_cannot_be_turned_off_by_posting_it(champion, champion_client):
    response = champion_client.post(PREFERENCES, {"wanted": [kinds.INVITATION]})

    text = page_text(response)
    assert "There is a problem" in text
    assert "Select only the emails listed" in text
    assert EmailPreference.objects.count() == 0
    assert 'href="#id_wanted_1"' in response.content.decode()


def unsubscribe_url(user, kind=kinds.ROUND_REMINDER):
    return reverse("emails:unsubscribe", args=[services.unsubscribe_token(user=user, kind=kind)])


def test_the_unsubscribe_link_asks_before_it_stops_anything(client):
    person = factories.champion_user(email="chris@example.org")

    text = page_text(client.get(unsubscribe_url(person)))

    assert "Stop emails: self-assessment reminders" in text
    assert "chris@example.org" in text
    assert services.wants(user=person, kind=kinds.ROUND_REMINDER)


def test_the_unsubscribe_button_stops_that_kind_without_signing_in(client):
    person = factories.champion_user()

    response = client.post(unsubscribe_url(person))

    assert "You will not get self-assessment reminders any more" in page_text(response)
    assert not services.wants(user=person, kind=kinds.ROUND_REMINDER)
    assert services.wants(user=person, kind=kinds.ACTIONS_DIGEST)


def test_a_mail_program_one_click_post_works_without_a_csrf_token():
    from django.test import Client

    person = factories.champion_user()
    client = Client(enforce_csrf_checks=True)

    response = client.post(unsubscribe_url(person, kinds.ACTIONS_DIGEST), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not services.wants(user=person, kind=kinds.ACTIONS_DIGEST)


def test_a_tampered_unsubscribe_link_changes_nothing(client):
    person = factories.champion_user()
    url = unsubscribe_url(person)

    response = client.post(url[:-4] + "abc/")

    assert response.status_code == 404
    assert "This link does not work" in page_text(response)
    assert EmailPreference.objects.count() == 0
