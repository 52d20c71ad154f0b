"""Hand one message to the mail provider: SMTP through Django's email backend, or GOV.UK Notify.

GOV.UK Notify is used when ``NOTIFY_API_KEY`` and ``NOTIFY_TEMPLATE_ID`` are set: one generic template
whose subject is ``((subject))`` and body ``((body))``.
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient


class PermanentFailure(Exception):
    """The provider refused the message for good (a bad address, a bad key): trying again will not help."""


def uses_notify():
    return bool(settings.NOTIFY_API_KEY and settings.NOTIFY_TEMPLATE_ID)


def message_id(message):
    """A Message-ID fixed for the row, so a receiving server can tell a repeat from a new message."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(">").strip() or "localhost"
    return f"<compact-outbox-{message.pk}.{int(message.created_at.timestamp())}@{domain}>"


def send(message):
    """Send ``message`` (an ``OutgoingMessage``) once; returns the provider's reference for it."""
    if uses_notify():
        return _send_with_notify(message)
    return _send_with_smtp(message)


def _send_with_smtp(message):
    reference = message_id(message)
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        to=[message.to],
        headers={**message.headers, "Message-ID": reference},
    )
    get_connection(fail_silently=False).send_messages([email])
    return reference


def _send_with_notify(message):
    client = NotificationsAPIClient(settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL, timeout=20)
    unsubscribe = message.headers.get("List-Unsubscribe", "").strip("<>") or None
    try:
        response = client.send_email_notification(
            email_address=message.to,
            template_id=settings.NOTIFY_TEMPLATE_ID,
            personalisation={"subject": message.subject, "body": message.body},
            reference=f"outbox-{message.pk}",
            one_click_unsubscribe_url=unsubscribe,
        )
    except HTTPError as error:
        # Notify answers 400 for a bad address or template and 403 for a bad key: no retry fixes those.
        if error.status_code in (400, 403):
            raise PermanentFailure(f"GOV.UK Notify refused the message: {error}") from error
        raise
    return response["id"]
