import json
import logging
from typing import Any

from django.utils import timezone

from . import registry
from .models import JobRun

logger = logging.getLogger(__name__)

RUN_JOB_TASK = "jobs.run_job"


def run_job(name: str) -> str:
    """Run a registered job now and record the run; returns the job's summary (or the error)."""
    job = registry.get(name)
    run = JobRun.objects.create(name=name, started_at=timezone.now())
    try:
        summary = str(job.function() or "Done")
    except Exception as error:  # noqa: BLE001 - the run is recorded as failed, with the error, for officers
        logger.exception("Scheduled job %s failed", name)
        run.ok, run.summary = False, f"Failed: {type(error).__name__}: {error}"[:2000]
    else:
        run.ok, run.summary = True, summary[:2000]
    run.finished_at = timezone.now()
    run.save(update_fields=["ok", "summary", "finished_at"])
    return run.summary


def sync_schedule(**kwargs: Any) -> None:
    """Make django-celery-beat's schedule match the registry: one periodic task per job, running
    ``jobs.run_job`` with the job's name. Tasks of jobs no longer registered are switched off."""
    from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

    names = []
    for job in registry.JOBS:
        names.append(job.name)
        schedule = {"interval": None, "crontab": None}
        if job.every_minutes:
            schedule["interval"], _ = IntervalSchedule.objects.get_or_create(
                every=job.every_minutes, period=IntervalSchedule.MINUTES
            )
        else:
            schedule["crontab"], _ = CrontabSchedule.objects.get_or_create(
                timezone="Europe/London", **{key: str(value) for key, value in job.crontab.items()}
            )
        PeriodicTask.objects.update_or_create(
            name=job.name,
            defaults={
                "task": RUN_JOB_TASK,
                "args": json.dumps([job.name]),
                "enabled": True,
                "description": job.title,
                **schedule,
            },
        )
    PeriodicTask.objects.filter(task=RUN_JOB_TASK).exclude(name__in=names).update(enabled=False)
