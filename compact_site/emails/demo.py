"""The demo's one email not sent, so the officers' "Emails not sent" list has something in it."""

import datetime

from django.utils import timezone

from notifications import kinds
from notifications.models import MessageStatus, OutgoingMessage


def create_failed_email(*, anchor):
    """One invitation the mail server kept refusing, for the officers' "Emails not sent" list."""
    tried = timezone.make_aware(datetime.datetime.combine(anchor, datetime.time(9, 30))) - datetime.timedelta(days=1)
    OutgoingMessage.objects.create(
        to="j.okafor@northbrook-foodbank.example.org",
        subject="You have been invited to Compact",
        body="Dear Joy,\n\nYou have been invited to Compact as a Champion for Northbrook Food Bank.\n",
        kind=kinds.INVITATION,
        status=MessageStatus.FAILED,
        attempts=6,
        last_attempt_at=tried,
        last_error="SMTPRecipientsRefused: {'j.okafor@northbrook-foodbank.example.org': "
        "(550, b'5.1.1 Mailbox unavailable')}",
    )
    return 1
