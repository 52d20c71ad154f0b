from django.db.models import Max, QuerySet

from . import registry
from .models import JobRun


def jobs_with_last_run() -> list[tuple[registry.Job, JobRun | None]]:
    """Every registered job with its latest run (or None), in two queries whatever the number of runs."""
    latest_ids = JobRun.objects.values("name").annotate(latest=Max("pk")).values_list("latest", flat=True)
    last_runs = {run.name: run for run in JobRun.objects.filter(pk__in=list(latest_ids))}
    return [(job, last_runs.get(job.name)) for job in registry.JOBS]


def recent_runs(limit: int = 20) -> QuerySet[JobRun]:
    return JobRun.objects.all()[:limit]
