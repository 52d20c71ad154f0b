"""The outbox: write an email in the caller's transaction, deliver it after commit, exactly once.

``queue_email`` is what every other app calls. ``deliver`` is the worker's side (``tasks.deliver_message``);
``sweep`` re-queues what a lost task or a dead worker left behind; ``retry_message`` is an officer's "Try
again"; the preferences functions back "Your emails" and one-click unsubscribe.
"""

import logging
import uuid
from collections.abc import Mapping
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import delivery, kinds
from .models import EmailPreference, MessageStatus, OutgoingMessage

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def queue_email(
    *, to: str, subject: str, template: str, context: Mapping[str, object], kind: str, user: User | None = None
) -> OutgoingMessage | None:
    """Render ``template`` (a text template name) with ``context`` now and write one outgoing message in the
    caller's transaction; it is delivered after commit. Returns None, and writes nothing, when ``user`` has
    turned this optional kind off. Optional kinds need ``user`` (so they can be turned off) and get a
    one-click unsubscribe link at the end of the body and List-Unsubscribe / List-Unsubscribe-Post headers.
    """
    spec = kinds.get(kind)
    if not spec.essential:
        if user is None:
            raise ValueError(f"An optional email ({kind}) needs the user it goes to, so they can turn it off.")
        if not wants(user=user, kind=kind):
            return None
    body: str = render_to_string(template, context)
    headers: dict[str, str] = {}
    if not spec.essential:
        assert user is not None  # an optional kind without a user was refused above
        link = unsubscribe_url(user=user, kind=kind)
        body = body.rstrip("\n") + (
            f"\n\n---\nYou can stop these emails ({spec.label.lower()}) with one click: {link}\n"
            f'Choose which emails you get under "Your emails": {site_url(reverse("emails:preferences"))}\n'
        )
        headers = {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    message = OutgoingMessage.objects.create(
        to=to,
        subject=subject,
        body=body,
        kind=kind,
        user=user,
        headers=headers,
    )
    transaction.on_commit(partial(enqueue, message.pk), robust=True)
    return message


def enqueue(message_id: int, countdown: int | None = None) -> bool:
    """Hand a message to the task queue. If the broker is down nothing is lost: the sweep sends it later."""
    from .tasks import deliver_message

    try:
        deliver_message.apply_async(
            (message_id,),
            countdown=countdown,
            retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5},
        )
    except Exception:
        logger.exception("Could not queue outgoing message %s; the outbox sweep will pick it up.", message_id)
        return False
    return True


def retry_delays() -> list[int]:
    """Seconds to wait after the 1st, 2nd… failed attempt; after the last, the message is marked not sent."""
    return settings.OUTBOX_RETRY_DELAYS


def _claimable(now):
    return Q(status=MessageStatus.QUEUED, next_attempt_at__lte=now) | Q(
        status=MessageStatus.SENDING, claimed_until__lt=now
    )


def claim(message_id: int) -> str | None:
    """Claim a message that is due (or whose last worker's lease ran out); returns the claim token, or None
    when it is not due, already sent, or another worker holds it. Never hands one message to two workers."""
    now = timezone.now()
    token = uuid.uuid4().hex
    with transaction.atomic():
        # PostgreSQL: lock the row and skip it if another worker has it. SQLite ignores select_for_update;
        # there the conditional UPDATE below is the claim (one writer at a time).
        locked = (
            OutgoingMessage.objects.select_for_update(skip_locked=True)
            .filter(_claimable(now), pk=message_id)
            .values_list("pk", flat=True)
            .first()
        )
        if locked is None:
            return None
        claimed = OutgoingMessage.objects.filter(_claimable(now), pk=message_id).update(
            status=MessageStatus.SENDING,
            claim_token=token,
            claimed_until=now + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS),
            attempts=F("attempts") + 1,
            last_attempt_at=now,
        )
    return token if claimed else None


def deliver(message_id: int) -> str:
    """Claim, send and record one message. Returns what happened, in a few words."""
    token = claim(message_id)
    if token is None:
        return "not due, or taken by another worker"
    message = OutgoingMessage.objects.get(pk=message_id)
    try:
        reference = delivery.send(message)
    except delivery.PermanentFailure as error:
        _failed(message, token, error, give_up=True)
        return "not sent"
    except Exception as error:  # noqa: BLE001 - any provider or network error is retried later
        return _failed(message, token, error)
    OutgoingMessage.objects.filter(pk=message.pk, claim_token=token).update(
        status=MessageStatus.SENT,
        sent_at=timezone.now(),
        provider_reference=reference[:255],
        claimed_until=None,
        last_error="",
    )
    return "sent"


def _failed(message, token, error, give_up=False):
    delays = retry_delays()
    error_text = f"{type(error).__name__}: {error}"[:2000]
    if give_up or message.attempts > len(delays):
        OutgoingMessage.objects.filter(pk=message.pk, claim_token=token).update(
            status=MessageStatus.FAILED,
            claimed_until=None,
            last_error=error_text,
        )
        return "not sent"
    delay = delays[message.attempts - 1]
    OutgoingMessage.objects.filter(pk=message.pk, claim_token=token).update(
        status=MessageStatus.QUEUED,
        claimed_until=None,
        last_error=error_text,
        next_attempt_at=timezone.now() + timedelta(seconds=delay),
    )
    # Short waits go back on the queue with a countdown; longer ones are left to the sweep, so a broker
    # never holds a task for hours.
    if delay <= settings.OUTBOX_COUNTDOWN_MAX_SECONDS:
        enqueue(message.pk, countdown=delay)
    return f"will try again in {delay} seconds"


def sweep() -> int:
    """Queue again every message that is due but whose task never ran (the broker was down at commit, or a
    worker took it and died), and every message whose worker's lease ran out. Returns how many."""
    now = timezone.now()
    grace = timedelta(seconds=settings.OUTBOX_SWEEP_GRACE_SECONDS)
    stale = (
        OutgoingMessage.objects.filter(
            Q(status=MessageStatus.QUEUED, next_attempt_at__lte=now - grace)
            | Q(status=MessageStatus.SENDING, claimed_until__lt=now)
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)
    )
    count = 0
    for message_id in stale.iterator():
        count += enqueue(message_id)
    return count


@transaction.atomic
def retry_message(*, message: OutgoingMessage, by: User) -> None:
    """An officer's "Try again" on a message that was not sent: it goes back in the queue now, with the whole
    retry schedule ahead of it again."""
    updated = OutgoingMessage.objects.filter(pk=message.pk, status=MessageStatus.FAILED).update(
        status=MessageStatus.QUEUED,
        attempts=0,
        next_attempt_at=timezone.now(),
        claimed_until=None,
        retried_by=by,
    )
    if updated:
        transaction.on_commit(partial(enqueue, message.pk), robust=True)


# People's choices


def wants(*, user: User, kind: str) -> bool:
    """Whether ``user`` gets emails of ``kind``: essential kinds always; optional ones unless turned off."""
    if kinds.get(kind).essential:
        return True
    return not EmailPreference.objects.filter(user=user, kind=kind, enabled=False).exists()


def set_preference(*, user: User, kind: str, enabled: bool) -> None:
    """Turn an optional kind on or off for ``user``. Essential kinds cannot be turned off."""
    if kinds.get(kind).essential:
        if not enabled:
            raise ValueError(f"{kinds.get(kind).label} are essential and cannot be turned off.")
        return
    EmailPreference.objects.update_or_create(user=user, kind=kind, defaults={"enabled": enabled})


def unsubscribe_token(*, user: User, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """(user id, kind) from an unsubscribe token, or None if it was not made by us or names no optional kind."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user_id, kind = int(data["u"]), str(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if kind not in kinds.BY_KEY or kinds.BY_KEY[kind].essential:
        return None
    return user_id, kind


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_url(*, user: User, kind: str) -> str:
    return site_url(reverse("emails:unsubscribe", args=[unsubscribe_token(user=user, kind=kind)]))
