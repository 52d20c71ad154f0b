"""The representation cycle's scheduled jobs: reminding a representative once about a meeting with no report-back
14 days on, and telling officers each month which terms end soon and which seats have been vacant too long."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from notifications import kinds
from notifications.services import queue_email
from signatories.models import Compact
from signatories.selectors import officers

from .models import ReportBackReminder, SeatsSummary, Term
from .selectors import REMINDER_AFTER_DAYS, REMINDER_WINDOW_DAYS, report_backs_due, seats_needing_attention


def _link(name: str, *args: object) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def send_report_back_reminders(today: datetime.date | None = None) -> str:
    """Remind each representative with a login, once, about each meeting held 14 or more days ago (and not more than
    90) during their term with no report-back from them. Each reminder is recorded (``ReportBackReminder``, one per
    meeting and term) in the same transaction as its email, so running the job again sends nothing twice."""
    today = today or timezone.localdate()
    latest = today - datetime.timedelta(days=REMINDER_AFTER_DAYS)
    terms = Term.objects.filter(holder__isnull=False, holder__is_active=True)
    due = report_backs_due(terms=terms, today=latest, since=today - datetime.timedelta(days=REMINDER_WINDOW_DAYS))
    sent = 0
    for item in due:
        user = item.term.holder
        assert user is not None  # only terms with a login were asked for
        try:
            with transaction.atomic():
                ReportBackReminder.objects.create(meeting=item.meeting, term=item.term)
                queue_email(
                    to=user.email,
                    subject=f"Your report-back on {item.meeting.board.name}, {item.meeting.held_on:%-d %B %Y}",
                    template="representation/email/report_back_reminder.txt",
                    context={
                        "name": user.first_name or user.username,
                        "meeting": item.meeting,
                        "term": item.term,
                        "days": (today - item.meeting.held_on).days,
                        "link": _link("representation:report_back_create", item.term.pk, item.meeting.pk),
                    },
                    kind=kinds.REPORT_BACK_REMINDER,
                    user=user,
                )
        except IntegrityError:
            continue  # already reminded
        sent += 1
    return f"{sent} report-back reminder{'s' if sent != 1 else ''} sent"


def send_seats_summaries(today: datetime.date | None = None) -> str:
    """Email every officer, once a month, the terms ending within two months and the seats vacant for more than a
    month; nothing in a month with neither. ``SeatsSummary`` (one per officer and month) keeps it to once."""
    today = today or timezone.localdate()
    month = today.replace(day=1)
    sent = 0
    for compact in Compact.objects.order_by("pk"):
        attention = seats_needing_attention(compact=compact, today=today)
        if not attention["ending_soon"] and not attention["long_vacant"]:
            continue
        for officer in officers():
            try:
                with transaction.atomic():
                    SeatsSummary.objects.create(user=officer, month=month)
                    queue_email(
                        to=officer.email,
                        subject=f"The sector's seats: {len(attention['ending_soon'])} terms ending soon, "
                        f"{len(attention['long_vacant'])} long vacancies",
                        template="representation/email/seats_summary.txt",
                        context={
                            "name": officer.first_name or officer.username,
                            "compact": compact,
                            **attention,
                            "link": _link("representation:board_list"),
                        },
                        kind=kinds.SEATS_SUMMARY,
                        user=officer,
                    )
            except IntegrityError:
                continue  # this month's has gone
            sent += 1
    return f"{sent} seats summar{'ies' if sent != 1 else 'y'} sent"
