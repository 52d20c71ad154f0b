"""The emails a round sends, written to the outbox (``notifications.services.queue_email``) in the caller's
transaction, so they go only if the change that causes them is saved, and are delivered after commit."""

from django.conf import settings
from django.urls import reverse

from notifications import kinds
from notifications.services import queue_email


def site_link(path):
    return settings.SITE_URL.rstrip("/") + path


def assessment_link(round_):
    """Where a champion starts or continues their organisation's self-assessment for the round."""
    return site_link(reverse("success_factors:assessment_start") + f"?round={round_.year}")


def govuk_date(day):
    return f"{day.day} {day:%B %Y}"


def _name(user):
    return user.first_name or user.get_full_name() or user.username


def _to_champions(*, round_, champions, subject, template, kind, deadlines=None, **extra):
    link = assessment_link(round_)
    sent = []
    for champion in champions:
        deadline = (deadlines or {}).get(champion.organisation_id, round_.deadline)
        message = queue_email(
            to=champion.user.email or champion.email,
            subject=subject.format(year=round_.year, deadline=govuk_date(deadline)),
            template=template,
            context={
                "round": round_,
                "name": _name(champion.user),
                "organisation": champion.organisation,
                "deadline": govuk_date(deadline),
                "link": link,
                "service_name": settings.SERVICE_NAME,
                **extra,
            },
            kind=kind,
            user=champion.user,
        )
        if message is not None:
            sent.append(message)
    return sent


def round_opened(*, round_, champions):
    """Each champion asked: the officer's message and the link to their organisation's self-assessment."""
    return _to_champions(
        round_=round_,
        champions=champions,
        kind=kinds.ROUND_OPENED,
        subject="Your {year} Compact self-assessment: please submit it by {deadline}",
        template="success_factors/email/round_opened.txt",
    )


def chase(*, round_, champions, note, by, deadlines):
    """An officer's note to the champions of organisations that have not submitted."""
    return _to_champions(
        round_=round_,
        champions=champions,
        kind=kinds.ROUND_CHASE,
        deadlines=deadlines,
        subject="A note from your Compact officer about your {year} self-assessment",
        template="success_factors/email/round_chase.txt",
        note=note,
        officer=by.get_full_name() or by.username,
    )


def reminder(*, round_, champions, deadline, days_left):
    """A reminder before the organisation's deadline, while its self-assessment is not submitted."""
    return _to_champions(
        round_=round_,
        champions=champions,
        kind=kinds.ROUND_REMINDER,
        deadlines={champion.organisation_id: deadline for champion in champions},
        subject="Reminder: your {year} Compact self-assessment is due by {deadline}",
        template="success_factors/email/round_reminder.txt",
        days_left=days_left,
    )


def summary(*, round_, officers, counts, waiting):
    """For officers, the day after the deadline: how many responded, and who has not."""
    sent = []
    for officer in officers:
        message = queue_email(
            to=officer.email,
            subject=f"{round_.year} self-assessments: {counts['responded']} of {counts['total']} signatories responded",
            template="success_factors/email/round_summary.txt",
            context={
                "round": round_,
                "name": _name(officer),
                "counts": counts,
                "waiting": waiting,
                "deadline": govuk_date(round_.deadline),
                "service_name": settings.SERVICE_NAME,
                "link": site_link(round_.get_absolute_url()),
            },
            kind=kinds.ROUND_SUMMARY,
            user=officer,
        )
        if message is not None:
            sent.append(message)
    return sent
