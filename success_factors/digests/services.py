"""The weekly actions digest: a scheduled job, safe to run more than once a week."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from notifications import kinds
from notifications.services import queue_email

from .models import ActionDigest
from .selectors import DIGEST_DAYS, digest_actions


def send_action_digests(today: datetime.date | None = None) -> str:
    """Email each action owner the actions due in the next 14 days and those overdue; nothing to someone with
    neither. Each digest is recorded (``ActionDigest``, one per person per week) in the same transaction as its
    email, so running the job again that week sends nothing twice. Returns a one-line summary."""
    today = today or timezone.localdate()
    week_of = today - datetime.timedelta(days=today.weekday())
    link = settings.SITE_URL.rstrip("/") + reverse("success_factors:action_list")
    sent = 0
    for user, actions in digest_actions(today=today).items():
        try:
            with transaction.atomic():
                ActionDigest.objects.create(
                    user=user, week_of=week_of, due_soon=len(actions["due_soon"]), overdue=len(actions["overdue"])
                )
                queue_email(
                    to=user.email,
                    subject=_subject(actions),
                    template="success_factors/email/actions_digest.txt",
                    context={
                        "name": user.first_name or user.username,
                        "today": today,
                        "days": DIGEST_DAYS,
                        "link": link,
                        "service_name": settings.SERVICE_NAME,
                        **actions,
                    },
                    kind=kinds.ACTIONS_DIGEST,
                    user=user,
                )
        except IntegrityError:
            continue  # this week's digest has already gone
        sent += 1
    return f"{sent} digest{'s' if sent != 1 else ''} sent"


def _subject(actions):
    parts = []
    if actions["overdue"]:
        parts.append(f"{len(actions['overdue'])} overdue")
    if actions["due_soon"]:
        parts.append(f"{len(actions['due_soon'])} due in the next {DIGEST_DAYS} days")
    return "Your Compact actions: " + " and ".join(parts)
