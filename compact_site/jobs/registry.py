"""Every scheduled job of the service, its schedule, and the plain function that does it.

A job is a function in the app that owns the work, taking no arguments and returning a one-line
summary of what it did ("2 messages queued again"). To add one, add a ``Job`` to ``JOBS``; the next
``migrate`` puts it on the beat schedule (django-celery-beat) and "Scheduled jobs" lists it. Crontab
times are UK time (CELERY_TIMEZONE, Europe/London).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from cron_descriptor import get_description
from django.conf import settings

from commitments.funding.warnings import send_funding_notice_warnings
from compact_site.feedback.services import delete_old_problem_reports
from compact_site.reporting.committees.digests import send_response_digests
from compact_site.reporting.reminders import send_report_reminders
from notifications.tasks import sweep_outbox
from representation.reminders import send_report_back_reminders, send_seats_summaries
from success_factors.digests.services import send_action_digests
from success_factors.rounds.services import send_pending_notices, send_round_reminders, send_round_summaries


@dataclass(frozen=True)
class Job:
    name: str
    title: str
    description: str
    function: Callable[[], str]
    every_minutes: int | None = None
    # A crontab as django-celery-beat's fields: minute, hour, day_of_week, day_of_month, month_of_year.
    crontab: dict = field(default_factory=dict)

    def __post_init__(self):
        if bool(self.every_minutes) == bool(self.crontab):
            raise ValueError(f"Job {self.name}: give either every_minutes or a crontab, not both or neither.")

    @property
    def schedule_text(self):
        if self.every_minutes:
            return "Every minute" if self.every_minutes == 1 else f"Every {self.every_minutes} minutes"
        parts = {"minute": "*", "hour": "*", "day_of_month": "*", "month_of_year": "*", "day_of_week": "*"}
        parts.update(self.crontab)
        expression = " ".join(
            str(parts[key]) for key in ("minute", "hour", "day_of_month", "month_of_year", "day_of_week")
        )
        return f"{get_description(expression)} (UK time)"


JOBS = [
    Job(
        name="sweep_outbox",
        title="Send emails left waiting",
        description="Queues again any email whose sending never started (the task queue was down when it was "
        "written) or whose worker stopped part-way.",
        function=sweep_outbox,
        every_minutes=settings.OUTBOX_SWEEP_MINUTES,
    ),
    Job(
        name="round_notices",
        title="Send round emails left waiting",
        description="Writes the emails of a round's opening or an officer's chase whose task never ran (the task "
        "queue was down), so every champion asked gets theirs, once.",
        function=send_pending_notices,
        every_minutes=settings.OUTBOX_SWEEP_MINUTES,
    ),
    Job(
        name="round_reminders",
        title="Remind organisations about their self-assessment",
        description="Emails the champions of organisations that have not submitted, on each of an open round's "
        "reminder days before their deadline (14 and 3 unless an officer changed them). Never twice.",
        function=send_round_reminders,
        crontab={"minute": 0, "hour": 8},
    ),
    Job(
        name="round_summaries",
        title="Tell officers who responded to a round",
        description="The day after an open round's deadline, emails officers how many signatories responded "
        "and which have not. Once per round.",
        function=send_round_summaries,
        crontab={"minute": 5, "hour": 8},
    ),
    Job(
        name="action_digests",
        title="Weekly actions digest",
        description="Emails each action owner their actions due in the next 14 days and those overdue; nothing "
        "to someone with neither. Once a week.",
        function=send_action_digests,
        crontab={"minute": 0, "hour": 7, "day_of_week": 1},
    ),
    Job(
        name="response_digests",
        title="Weekly overdue responses to committees",
        description="Emails the champions of each organisation that must respond to a committee's recommendation "
        "whose response is overdue, listing them; nothing to anyone else. Once a week.",
        function=send_response_digests,
        crontab={"minute": 5, "hour": 7, "day_of_week": 1},
    ),
    Job(
        name="report_reminders",
        title="Remind officers that an LSP report is due",
        description="Emails officers 21 and 7 days before the next report to the LSP is due, and once when it is "
        "overdue.",
        function=send_report_reminders,
        crontab={"minute": 10, "hour": 8},
    ),
    Job(
        name="funding_notice_warnings",
        title="Warn officers of funding ending without notice",
        description="Emails officers the funding decisions that end within four months with no notice of their "
        "ending recorded, so the Compact's notice can still be given. Once for each end date.",
        function=send_funding_notice_warnings,
        crontab={"minute": 15, "hour": 8},
    ),
    Job(
        name="problem_reports_deleted",
        title="Delete old problem reports",
        description="Deletes the problems people reported with a page once they are older than the months officers "
        "keep a leaver's personal data (12 unless changed), as the privacy notice says.",
        function=delete_old_problem_reports,
        crontab={"minute": 30, "hour": 3},
    ),
    Job(
        name="report_back_reminders",
        title="Remind representatives to report back",
        description="Emails a representative once about a meeting of their board that has had no report-back from "
        "them 14 days on.",
        function=send_report_back_reminders,
        crontab={"minute": 20, "hour": 8},
    ),
    Job(
        name="seats_summaries",
        title="Tell officers about the sector's seats",
        description="On the first of each month, emails officers the terms ending within two months and the seats "
        "vacant for more than a month. Nothing in a month with neither.",
        function=send_seats_summaries,
        crontab={"minute": 25, "hour": 8, "day_of_month": 1},
    ),
]


def get(name: str) -> Job:
    for job in JOBS:
        if job.name == name:
            return job
    raise KeyError(f"No scheduled job called {name!r}")
