"""Scheduled jobs: the registry is on beat's schedule, each run is recorded, officers see them."""

import json

import pytest
from django.urls import reverse
from django_celery_beat.models import PeriodicTask

from compact_site.jobs import registry, services
from compact_site.jobs.models import JobRun
from compact_site.jobs.tasks import run_job
from notifications import kinds
from notifications import services as outbox
from tests.success_factors.builders import page_text

pytestmark = pytest.mark.django_db


def test_a_fresh_database_has_every_job_on_the_beat_schedule():
    for job in registry.JOBS:
        task = PeriodicTask.objects.get(name=job.name)
        assert (task.task, json.loads(task.args), task.enabled) == ("jobs.run_job", [job.name], True)
    sweep = PeriodicTask.objects.get(name="sweep_outbox")
    assert (sweep.interval.every, sweep.interval.period) == (5, "minutes")


def test_a_job_dropped_from_the_registry_is_switched_off(monkeypatch):
    monkeypatch.setattr(registry, "JOBS", [])

    services.sync_schedule()

    assert not PeriodicTask.objects.get(name="sweep_outbox").enabled


def test_running_a_job_records_what_it_did():
    message = outbox.queue_email(
        to="a@example.org",
        subject="s",
        template="notifications/email/message.txt",
        context={"text": "t"},
        kind=kinds.INVITATION,
    )
    message.__class__.objects.filter(pk=message.pk).update(next_attempt_at=message.created_at.replace(year=2020))

    assert run_job.delay("sweep_outbox") is not None

    run = JobRun.objects.get()
    assert (run.name, run.ok, run.summary) == ("sweep_outbox", True, "1 message queued again")
    assert run.finished_at >= run.started_at


def test_a_job_that_fails_is_recorded_as_failed(monkeypatch):
    def broken():
        raise RuntimeError("the database went away")

    monkeypatch.setattr(registry, "JOBS", [registry.Job("broken", "Broken", "", broken, every_minutes=1)])

    services.run_job("broken")

    run = JobRun.objects.get()
    assert run.ok is False
    assert "RuntimeError: the database went away" in run.summary


def test_a_job_needs_exactly_one_schedule():
    with pytest.raises(ValueError):
        registry.Job("x", "X", "", lambda: "", every_minutes=5, crontab={"hour": "7"})


def test_crontab_schedules_read_in_plain_english():
    job = registry.Job("digest", "Digest", "", lambda: "", crontab={"minute": "0", "hour": "7", "day_of_week": "1"})

    assert job.schedule_text == "At 07:00 AM, only on Monday (UK time)"


def test_officers_see_each_job_its_schedule_and_last_run(officer_client):
    services.run_job("sweep_outbox")

    text = page_text(officer_client.get(reverse("jobs:job_list")))

    assert "Send emails left waiting" in text
    assert "Every 5 minutes" in text
    assert "No messages needed queuing again" in text
