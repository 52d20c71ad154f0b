"""Reminding officers that the next report to the LSP is due: a daily scheduled job."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from notifications import kinds
from notifications.services import queue_email
from signatories.models import Compact
from signatories.selectors import officers

from .models import ReportReminder
from .selectors import next_report_due

REMINDER_DAYS = (21, 7)
OVERDUE = 0


def reminder_stage(*, due_on, today):
    """21 from 21 days before the due date, 7 from 7 days before, 0 (overdue) from the day after; else None.

    A job that missed a day catches up on the next."""
    days_left = (due_on - today).days
    if days_left < 0:
        return OVERDUE
    due = [day for day in REMINDER_DAYS if days_left <= day]
    return min(due) if due else None


def send_report_reminders(today=None):
    """Email officers 21 and 7 days before each compact's next LSP report is due, and once when it is overdue.

    Each reminder is recorded (``ReportReminder``, one per compact, due date and stage) in the same transaction
    as its emails, so running the job again sends nothing twice; publishing a report moves the due date and
    starts the reminders afresh. Returns a one-line summary."""
    today = today or timezone.localdate()
    sent = []
    for compact in Compact.objects.all():
        due = next_report_due(compact=compact)
        if not due or due["due_on"] is None:
            continue
        stage = reminder_stage(due_on=due["due_on"], today=today)
        if stage is None:
            continue
        people = list(officers())
        try:
            with transaction.atomic():
                ReportReminder.objects.create(
                    compact=compact, due_on=due["due_on"], days_before=stage, sent_on=today, recipients=len(people)
                )
                for officer in people:
                    queue_email(
                        to=officer.email,
                        subject=_subject(compact, due["due_on"], today),
                        template="compact_site/email/report_due.txt",
                        context={
                            "name": officer.first_name or officer.username,
                            "compact": compact,
                            "due_on": due["due_on"],
                            "days_left": (due["due_on"] - today).days,
                            "last_period_end": due["last_period_end"],
                            "every": due["every"],
                            "link": settings.SITE_URL.rstrip("/") + reverse("reports:report_create"),
                            "service_name": settings.SERVICE_NAME,
                        },
                        kind=kinds.REPORT_DUE,
                        user=officer,
                    )
        except IntegrityError:
            continue  # this reminder has already gone
        sent.append(compact.name)
    return f"Report reminders sent for {', '.join(sent)}" if sent else "No report reminders due"


def _subject(compact, due_on, today):
    when = f"{due_on.day} {due_on:%B %Y}"
    if due_on < today:
        return f"The report to the LSP on {compact.name} is overdue: it was due on {when}"
    return f"The next report to the LSP on {compact.name} is due on {when}"
