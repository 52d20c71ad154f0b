"""Delivery through GOV.UK Notify: the real notifications-python-client, with only Notify's HTTP API faked."""

import json
import uuid

import pytest
import responses
from django.core import mail

from notifications import kinds, services
from notifications.models import MessageStatus
from tests import factories

SERVICE_ID, SECRET = str(uuid.uuid4()), str(uuid.uuid4())
TEMPLATE_ID = str(uuid.uuid4())
API = "https://notify.test"


@pytest.fixture
def notify(settings):
    settings.NOTIFY_API_KEY = f"compact_test-{SERVICE_ID}-{SECRET}"
    settings.NOTIFY_TEMPLATE_ID = TEMPLATE_ID
    settings.NOTIFY_BASE_URL = API
    with responses.RequestsMock() as api:
        yield api


def queue(**kwargs):
    kwargs.setdefault("kind", kinds.INVITATION)
    return services.queue_email(
        to="pat@example.org",
        subject="Welcome",
        template="notifications/email/message.txt",
        context={"text": "Your link"},
        **kwargs,
    )


def test_a_message_goes_to_notify_with_subject_and_body_as_personalisation(db, notify):
    notify.post(f"{API}/v2/notifications/email", json={"id": "notify-123"}, status=201)
    message = queue()

    assert services.deliver(message.pk) == "sent"

    [call] = notify.calls
    sent = json.loads(call.request.body)
    assert sent["email_address"] == "pat@example.org"
    assert sent["template_id"] == TEMPLATE_ID
    assert sent["personalisation"] == {"subject": "Welcome", "body": "Your link\n"}
    assert sent["reference"] == f"outbox-{message.pk}"
    assert call.request.headers["Authorization"].startswith("Bearer ")
    message.refresh_from_db()
    assert (message.status, message.provider_reference) == (MessageStatus.SENT, "notify-123")
    assert mail.outbox == []


def test_an_optional_message_gives_notify_its_unsubscribe_link(db, notify):
    notify.post(f"{API}/v2/notifications/email", json={"id": "notify-456"}, status=201)
    message = queue(kind=kinds.ACTIONS_DIGEST, user=factories.UserFactory())

    services.deliver(message.pk)

    sent = json.loads(notify.calls[0].request.body)
    assert sent["one_click_unsubscribe_url"] == message.headers["List-Unsubscribe"].strip("<>")


def test_notify_being_unavailable_is_tried_again_later(db, notify):
    notify.post(f"{API}/v2/notifications/email", json={"errors": [{"error": "Exception"}]}, status=500)
    message = queue()

    assert services.deliver(message.pk) == "will try again in 60 seconds"

    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.QUEUED, 1)
    assert "500" in message.last_error


def test_notify_refusing_the_address_gives_up_at_once(db, notify):
    errors = {"errors": [{"error": "ValidationError", "message": "email_address Not a valid email address"}]}
    notify.post(f"{API}/v2/notifications/email", json=errors, status=400)
    message = queue()

    assert services.deliver(message.pk) == "not sent"

    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert "Not a valid email address" in message.last_error
