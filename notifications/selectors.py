from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db.models import QuerySet

from . import kinds
from .kinds import Kind
from .models import EmailPreference, MessageStatus, OutgoingMessage


def messages_not_sent() -> QuerySet[OutgoingMessage]:
    """Messages given up on after every retry, newest attempt first, for the officers' list."""
    return OutgoingMessage.objects.filter(status=MessageStatus.FAILED).order_by("-last_attempt_at", "-pk")


def not_sent_count() -> int:
    """How many emails were given up on, for the officers' home page: counted in the outbox's status index."""
    return OutgoingMessage.objects.filter(status=MessageStatus.FAILED).count()


def waiting_count() -> int:
    return OutgoingMessage.objects.filter(status__in=[MessageStatus.QUEUED, MessageStatus.SENDING]).count()


def preferences_for(user: User) -> list[tuple[Kind, bool]]:
    """Every kind of email with whether ``user`` gets it: a list of (Kind, on)."""
    off = set(EmailPreference.objects.filter(user=user, enabled=False).values_list("kind", flat=True))
    return [(kind, kind.essential or kind.key not in off) for kind in kinds.ALL]


def user_by_id(user_id: int) -> User | None:
    return get_user_model().objects.filter(pk=user_id, is_active=True).first()
