"""The weekly digest of overdue responses: a scheduled job, safe to run more than once a week."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from notifications import kinds
from notifications.services import queue_email

from .models import ResponseDigest
from .selectors import response_digests


def send_response_digests(today: datetime.date | None = None) -> str:
    """On Monday mornings, email each champion of an organisation that must respond to a committee's recommendation
    whose response is overdue, listing them. Each digest is recorded (``ResponseDigest``, one per person per week)
    in the same transaction as its email, so a second run that week sends nothing. Returns a one-line summary."""
    today = today or timezone.localdate()
    week_of = today - datetime.timedelta(days=today.weekday())
    base = settings.SITE_URL.rstrip("/")
    sent = 0
    for user, overdue in response_digests(today=today).items():
        try:
            with transaction.atomic():
                ResponseDigest.objects.create(user=user, week_of=week_of, overdue=len(overdue))
                queue_email(
                    to=user.email,
                    subject=f"{len(overdue)} response{'s' if len(overdue) != 1 else ''} to committees overdue",
                    template="compact_site/committees/email/responses_digest.txt",
                    context={
                        "name": user.first_name or user.username,
                        "today": today,
                        "overdue": [(item, base + item.get_absolute_url()) for item in overdue],
                        "link": base + reverse("committees:recommendation_list") + "?state=overdue",
                        "service_name": settings.SERVICE_NAME,
                    },
                    kind=kinds.RESPONSES_DIGEST,
                    user=user,
                )
        except IntegrityError:
            continue  # this week's digest has already gone
        sent += 1
    return f"{sent} digest{'s' if sent != 1 else ''} sent"
