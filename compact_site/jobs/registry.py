"""Every scheduled job of the service, its schedule, and the plain function that does it.

A job is a function in the app that owns the work, taking no arguments and returning a one-line
summary of what it did ("2 messages queued again"). To add one, add a ``Job`` to ``JOBS``; the next
``migrate`` puts it on the beat schedule (django-celery-beat) and "Scheduled jobs" lists it. Crontab
times are UK time (CELERY_TIMEZONE, Europe/London).
"""

from dataclasses import dataclass, field
from typing import Callable

from cron_descriptor import get_description
from django.conf import settings

from notifications.tasks import sweep_outbox


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
        expression = " ".join(str(parts[key]) for key in ("minute", "hour", "day_of_month", "month_of_year",
                                                          "day_of_week"))
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
]


def get(name):
    for job in JOBS:
        if job.name == name:
            return job
    raise KeyError(f"No scheduled job called {name!r}")
