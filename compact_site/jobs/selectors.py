from django.db.models import Max

from . import registry
from .models import JobRun


def jobs_with_last_run():
    """Every registered job with its latest run (or None), in two queries whatever the number of runs."""
    latest_ids = JobRun.objects.values("name").annotate(latest=Max("pk")).values_list("latest", flat=True)
    last_runs = {run.name: run for run in JobRun.objects.filter(pk__in=list(latest_ids))}
    return [(job, last_runs.get(job.name)) for job in registry.JOBS]


def recent_runs(limit=20):
    return JobRun.objects.all()[:limit]
