from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction

from . import kinds
from .models import EmailPreference, MessageStatus, OutgoingMessage


def messages_not_sent():
    """Messages given up on after every retry, newest attempt first, for the officers' list."""
    return OutgoingMessage.objects.filter(status=MessageStatus.FAILED).order_by("-last_attempt_at", "-pk")


# The officers' home page shows how many emails were not sent on every visit: the count is kept until a message
# is written, given up on, tried again or deleted (``forget_not_sent_count``), at most NOT_SENT_SECONDS.
NOT_SENT_KEY = "notifications:not-sent-count"
NOT_SENT_SECONDS = 60


def not_sent_count():
    return cache.get_or_set(
        NOT_SENT_KEY, lambda: OutgoingMessage.objects.filter(status=MessageStatus.FAILED).count(), NOT_SENT_SECONDS
    )


def forget_not_sent_count(**kwargs):
    """Now, and again after the commit (in between, another request could count the old rows and keep them)."""
    cache.delete(NOT_SENT_KEY)
    transaction.on_commit(lambda: cache.delete(NOT_SENT_KEY))


def waiting_count():
    return OutgoingMessage.objects.filter(status__in=[MessageStatus.QUEUED, MessageStatus.SENDING]).count()


def preferences_for(user):
    """Every kind of email with whether ``user`` gets it: a list of (Kind, on)."""
    off = set(EmailPreference.objects.filter(user=user, enabled=False).values_list("kind", flat=True))
    return [(kind, kind.essential or kind.key not in off) for kind in kinds.ALL]


def user_by_id(user_id):
    return get_user_model().objects.filter(pk=user_id, is_active=True).first()
