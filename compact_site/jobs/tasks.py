from celery import shared_task

from . import services


@shared_task(name="jobs.run_job", ignore_result=True)
def run_job(name):
    """Beat runs every scheduled job through this task, so each run is recorded as a JobRun."""
    return services.run_job(name)
