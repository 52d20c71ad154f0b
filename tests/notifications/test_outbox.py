"""The outbox: a message is written in the caller's transaction, sent after commit, retried, never twice."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from notifications import kinds, services, tasks
from notifications.models import EmailPreference, MessageStatus, OutgoingMessage
from tests import factories

TEMPLATE = "notifications/email/message.txt"


def queue(kind=kinds.INVITATION, user=None, to="someone@example.org", text="Hello"):
    return services.queue_email(
        to=to, subject="A subject", template=TEMPLATE, context={"text": text}, kind=kind, user=user
    )


@pytest.fixture
def smtp_refusing(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, False, 2


def test_a_queued_message_is_rendered_now_and_sent_after_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = queue(text="Your link is ready")
    assert mail.outbox == []
    assert (message.status, message.body) == (MessageStatus.QUEUED, "Your link is ready\n")

    for callback in callbacks:
        callback()

    [email] = mail.outbox
    assert (email.to, email.subject, email.body) == (["someone@example.org"], "A subject", "Your link is ready\n")
    assert email.extra_headers["Message-ID"].startswith(f"<compact-outbox-{message.pk}.")
    message.refresh_from_db()
    assert (message.status, message.attempts, message.claimed_until) == (MessageStatus.SENT, 1, None)
    assert message.sent_at is not None and message.provider_reference == email.extra_headers["Message-ID"]


def test_a_rolled_back_change_sends_nothing(transactional_db):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue()
        raise RuntimeError("the officer's change failed")

    assert OutgoingMessage.objects.count() == 0
    assert mail.outbox == []


def test_a_committed_change_sends_its_message_once(transactional_db):
    with transaction.atomic():
        message = queue()

    assert len(mail.outbox) == 1
    assert services.deliver(message.pk) == "not due, or taken by another worker"
    assert len(mail.outbox) == 1


def test_an_unknown_kind_is_refused(db):
    with pytest.raises(ValueError, match="Unknown kind"):
        queue(kind="newsletter")


def test_an_optional_kind_needs_its_user(db):
    with pytest.raises(ValueError, match="needs the user"):
        queue(kind=kinds.ROUND_REMINDER)


def test_an_optional_message_carries_a_one_click_unsubscribe(db, django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "https://compact.example.org"
    person = factories.UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        message = queue(kind=kinds.ROUND_REMINDER, user=person, to=person.email)

    link = message.headers["List-Unsubscribe"].strip("<>")
    assert link.startswith("https://compact.example.org/emails/stop/")
    assert message.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body
    [email] = mail.outbox
    assert email.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert services.read_unsubscribe_token(link.rstrip("/").rsplit("/", 1)[-1]) == (person.pk, kinds.ROUND_REMINDER)


def test_an_essential_message_has_no_unsubscribe_link(db):
    message = queue(kind=kinds.WIN_OUTCOME, user=factories.UserFactory())

    assert message.headers == {}
    assert "stop these emails" not in message.body


def test_nothing_is_written_for_a_kind_the_person_turned_off(db):
    person = factories.UserFactory()
    services.set_preference(user=person, kind=kinds.ACTIONS_DIGEST, enabled=False)

    assert queue(kind=kinds.ACTIONS_DIGEST, user=person) is None
    assert OutgoingMessage.objects.count() == 0
    assert queue(kind=kinds.ROUND_REMINDER, user=person) is not None


def test_essential_kinds_cannot_be_turned_off(db):
    person = factories.UserFactory()
    with pytest.raises(ValueError, match="essential"):
        services.set_preference(user=person, kind=kinds.PASSWORD_RESET, enabled=False)

    assert EmailPreference.objects.count() == 0
    assert services.wants(user=person, kind=kinds.PASSWORD_RESET)


def test_a_tampered_unsubscribe_token_is_refused(db):
    person = factories.UserFactory()
    token = services.unsubscribe_token(user=person, kind=kinds.ROUND_REMINDER)

    assert services.read_unsubscribe_token(token[:-2] + "xx") is None
    assert services.read_unsubscribe_token(services.unsubscribe_token(user=person, kind=kinds.INVITATION)) is None


def test_smtp_refusing_leaves_the_message_waiting_with_the_error(db, smtp_refusing):
    message = queue()

    assert services.deliver(message.pk) == "will try again in 60 seconds"

    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.QUEUED, 1)
    assert "ConnectionRefusedError" in message.last_error
    assert message.next_attempt_at > timezone.now() + timedelta(seconds=55)


def test_backoff_follows_the_schedule_then_gives_up(db, smtp_refusing):
    message = queue()
    waits = []
    for _ in range(6):
        OutgoingMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
        before = timezone.now()
        services.deliver(message.pk)
        message.refresh_from_db()
        waits.append(round((message.next_attempt_at - before).total_seconds() / 60))

    assert waits[:5] == [1, 5, 30, 120, 720]
    assert (message.status, message.attempts) == (MessageStatus.FAILED, 6)
    assert "ConnectionRefusedError" in message.last_error


def test_a_message_not_yet_due_is_not_sent(db):
    message = queue()
    OutgoingMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() + timedelta(minutes=5))

    assert services.deliver(message.pk) == "not due, or taken by another worker"
    assert mail.outbox == []


def test_a_claimed_message_is_not_claimed_again_until_its_lease_runs_out(db):
    message = queue()

    assert services.claim(message.pk) is not None
    assert services.claim(message.pk) is None

    OutgoingMessage.objects.filter(pk=message.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    token = services.claim(message.pk)
    assert token is not None
    message.refresh_from_db()
    assert (message.status, message.attempts, message.claim_token) == (MessageStatus.SENDING, 2, token)


def test_a_worker_whose_lease_ran_out_cannot_mark_the_message(db):
    message = queue()
    first = services.claim(message.pk)
    OutgoingMessage.objects.filter(pk=message.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    second = services.claim(message.pk)

    services._failed(OutgoingMessage.objects.get(pk=message.pk), first, OSError("late"))

    message.refresh_from_db()
    assert (message.status, message.claim_token, message.last_error) == (MessageStatus.SENDING, second, "")


def test_the_sweep_queues_again_what_was_never_handed_over(db, settings):
    settings.OUTBOX_SWEEP_GRACE_SECONDS = 60
    old = queue(to="old@example.org")
    OutgoingMessage.objects.filter(pk=old.pk).update(next_attempt_at=timezone.now() - timedelta(minutes=5))
    queue(to="new@example.org")  # within the grace period: its own task is still on its way
    stuck = queue(to="stuck@example.org")
    services.claim(stuck.pk)
    OutgoingMessage.objects.filter(pk=stuck.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))

    assert tasks.sweep_outbox() == "2 messages queued again"

    assert sorted(email.to[0] for email in mail.outbox) == ["old@example.org", "stuck@example.org"]
    assert tasks.sweep_outbox() == "No messages needed queuing again"


def test_try_again_puts_a_failed_message_back_with_a_fresh_schedule(db, django_capture_on_commit_callbacks):
    officer = factories.officer()
    message = queue()
    OutgoingMessage.objects.filter(pk=message.pk).update(status=MessageStatus.FAILED, attempts=6, last_error="x")

    with django_capture_on_commit_callbacks(execute=True):
        services.retry_message(message=message, by=officer)

    message.refresh_from_db()
    assert (message.status, message.attempts, message.retried_by) == (MessageStatus.SENT, 1, officer)
    assert len(mail.outbox) == 1


def test_the_broker_being_down_at_commit_loses_nothing(db, django_capture_on_commit_callbacks):
    from tests.notifications.worker.conftest import use_broker

    use_broker("redis://127.0.0.1:1/0", "nowhere")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            message = queue()
    finally:
        use_broker(None, None)

    message.refresh_from_db()
    assert message.status == MessageStatus.QUEUED
    assert mail.outbox == []


def test_the_count_of_emails_not_sent_follows_one_given_up_on_and_tried_again(
    db, smtp_refusing, django_capture_on_commit_callbacks
):
    from notifications.selectors import not_sent_count

    message = queue()
    assert not_sent_count() == 0
    for _ in range(6):  # the whole schedule: given up on with an update, which sends no signal
        OutgoingMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
        services.deliver(message.pk)
    assert not_sent_count() == 1

    with django_capture_on_commit_callbacks(execute=False):
        services.retry_message(message=message, by=factories.officer())
    assert not_sent_count() == 0
