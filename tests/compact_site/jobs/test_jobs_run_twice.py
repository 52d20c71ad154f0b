"""Every scheduled job is safe to run twice on the same day: the second run sends nothing.

Each job in ``compact_site/jobs/registry.py`` gets data that gives it something to send, and then runs twice at
the same frozen moment (time-machine, ``tick=False``) the way beat runs it: beat's own schedule row for the job
(django-celery-beat's ``PeriodicTask``, written from the registry by ``migrate``) names the task and its
arguments, and that task is applied (in this process, as the unit tests run Celery). After each run the
on-commit hand-overs run, so what a run queued is delivered to Django's test mailbox (``mailoutbox``).

The first run must deliver something (otherwise the test proves nothing); the second must write no new
outgoing message and deliver nothing. A job added to the registry without a scenario here fails
``test_every_registered_job_has_a_scenario`` (and its own parametrised case).
"""

import collections
import datetime
import json

import pytest
import time_machine
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from compact_site.celery import app as celery_app
from compact_site.jobs import registry
from compact_site.jobs.models import JobRun
from notifications import kinds
from notifications.models import MessageStatus, OutgoingMessage
from notifications.services import queue_email
from tests import factories

pytestmark = pytest.mark.django_db


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone())


# One scenario per job, registered with the day to run the job on. It is called with the clock frozen at 06:00 that
# day (the setup happens "earlier that day") and writes what gives the job something to send.

SCENARIOS = {}


def scenario(name, day):
    def register(function):
        function.day = day
        SCENARIOS[name] = function
        return function

    return register


@scenario("sweep_outbox", datetime.date(2026, 6, 3))
def _sweep_outbox(compact, officer):
    """A message written at 06:00 whose hand-over to the queue was lost (its on-commit callback never ran,
    as when the broker is down at commit): the sweep finds it at 08:00, well past the grace period."""
    queue_email(
        to="pat@example.org",
        subject="Left waiting",
        template="notifications/email/message.txt",
        context={"text": "t"},
        kind=kinds.INVITATION,
    )
    assert OutgoingMessage.objects.get().status == MessageStatus.QUEUED


@scenario("round_notices", datetime.date(2026, 5, 1))
def _round_notices(compact, officer):
    """A round opened at 06:00 whose task (writing the opening emails) never reached the queue."""
    from success_factors.rounds import services
    from tests.success_factors.rounds.builders import a_round, signatory_with_champion

    signatory_with_champion(compact, name="Alder Trust")
    signatory_with_champion(compact, name="Beech Trust")
    round_ = a_round(compact, opens_on=datetime.date(2026, 5, 1), deadline=datetime.date(2026, 6, 30))
    services.open_round(round_=round_, by=officer)  # its on-commit hand-over is never run: the task is lost


@scenario("round_reminders", datetime.date(2026, 6, 16))
def _round_reminders(compact, officer):
    """An open round due on 30 June: 16 June is its 14-days-before reminder; Alder has not submitted."""
    from tests.success_factors.rounds.builders import open_round, signatory_with_champion

    open_round(compact, opens_on=datetime.date(2026, 5, 1), deadline=datetime.date(2026, 6, 30))
    signatory_with_champion(compact, name="Alder Trust")


@scenario("round_summaries", datetime.date(2026, 7, 1))
def _round_summaries(compact, officer):
    """An open round whose deadline was yesterday: officers get the summary today."""
    from tests.success_factors.rounds.builders import open_round, signatory_with_champion

    open_round(compact, opens_on=datetime.date(2026, 5, 1), deadline=datetime.date(2026, 6, 30))
    signatory_with_champion(compact, name="Alder Trust")


@scenario("action_digests", datetime.date(2026, 6, 1))  # a Monday, as the job's crontab
def _action_digests(compact, officer):
    """An action of the officer's due in two days."""
    from tests.success_factors.builders import factor

    factories.ActionFactory(
        compact=compact,
        factor=factor(3),
        description="Brief the councillors",
        due_on=datetime.date(2026, 6, 3),
        owner_user=officer,
    )


@scenario("response_digests", datetime.date(2026, 6, 1))  # a Monday, as the job's crontab
def _response_digests(compact, officer):
    """Scrutiny's recommendation about a report, its response due from the champion's organisation on 20 May."""
    from tests.compact_site.reporting.committees.builders import recommendation, sent_report

    champion = factories.champion_user(username="responder")
    report, committee = sent_report(compact, officer, held_on=datetime.date(2026, 5, 1))
    recommendation(
        compact,
        officer,
        report,
        committee,
        organisation=champion.champion_records.get().organisation,
        made_on=datetime.date(2026, 5, 1),
        due=datetime.date(2026, 5, 20),
    )


@scenario("report_reminders", datetime.date(2026, 6, 9))
def _report_reminders(compact, officer):
    """The last report covered January to March 2026, every 3 months: due 30 June, so 9 June is 21 days before."""
    from compact_site.reporting import services as reporting

    compact.report_every_months = 3
    compact.save()
    report = reporting.create_report(
        compact=compact, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31), by=officer
    )
    report.summary = "A quiet quarter."
    report.save()
    reporting.publish_report(report=report, by=officer)


@scenario("funding_notice_warnings", datetime.date(2026, 7, 1))
def _funding_notice_warnings(compact, officer):
    """A grant ending on 30 September 2026 (within four months) with no notice of its ending recorded."""
    from commitments import services
    from signatories.models import Organisation, OrganisationKind, Sector

    body, _ = Organisation.objects.get_or_create(
        name="Anytown Borough Council", defaults={"sector": Sector.STATUTORY, "kind": OrganisationKind.COUNCIL}
    )
    services.record(
        kind="funding",
        compact=compact,
        by=officer,
        organisations_funded=(),
        body=body,
        name="Youth work grant",
        funding_kind="grant",
        amount=25000,
        decided_on=datetime.date(2025, 2, 1),
        starts_on=datetime.date(2025, 4, 1),
        ends_on=datetime.date(2026, 9, 30),
        full_cost_recovery=True,
        paid_in_advance=True,
        rationale_published=True,
        rationale_link="",
        change="",
        notice_given_on=None,
        change_takes_effect_on=None,
        change_reason="",
    )


# Jobs that keep the data tidy rather than send anything: run twice, they do their work once.
SENDS_NOTHING = {"problem_reports_deleted"}


@scenario("problem_reports_deleted", datetime.date(2026, 6, 3))
def _problem_reports_deleted(compact, officer):
    """A problem reported 13 months ago, past the 12 months a leaver's data is kept, and one this morning."""
    from compact_site.feedback.models import ProblemReport

    old = ProblemReport.objects.create(doing="Reading", went_wrong="Last year's", address_hash="a")
    ProblemReport.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    ProblemReport.objects.create(doing="Reading", went_wrong="This morning's", address_hash="b")


@scenario("report_back_reminders", datetime.date(2026, 6, 20))
def _report_back_reminders(compact, officer):
    """A representative's board met on 1 June 2026 and, 19 days on, they have not reported back."""
    from tests.representation.factories import MeetingFactory, TermFactory

    term = TermFactory(seat__board__compact=compact, holder=factories.representative(username="rep"))
    MeetingFactory(board=term.seat.board, held_on=datetime.date(2026, 6, 1))


@scenario("seats_summaries", datetime.date(2026, 7, 1))
def _seats_summaries(compact, officer):
    """A term ending on 31 July 2026, within two months of the first of July."""
    from tests.representation.factories import TermFactory

    TermFactory(seat__board__compact=compact, ends_on=datetime.date(2026, 7, 31))


def job_moment(job, day):
    """When beat runs the job on ``day``: its crontab's time, or 08:00 for the jobs that run every few minutes."""
    if job.crontab:
        return at(day, int(job.crontab.get("hour", 8)), int(job.crontab.get("minute", 0)))
    return at(day, 8)


def run_as_beat_does(name):
    """What beat does when the job's schedule comes round: apply the task its PeriodicTask names, with its args."""
    periodic = PeriodicTask.objects.get(name=name, enabled=True)
    celery_app.loader.import_default_modules()  # as a worker does on starting: the apps' tasks modules
    celery_app.tasks[periodic.task].apply_async(args=json.loads(periodic.args), kwargs=json.loads(periodic.kwargs))


def test_every_registered_job_has_a_scenario():
    """A job added to the registry must be added here too, with data that gives it something to send."""
    assert sorted(SCENARIOS) == sorted(job.name for job in registry.JOBS)


@pytest.mark.parametrize("name", [job.name for job in registry.JOBS if job.name not in SENDS_NOTHING])
def test_a_job_run_twice_on_the_same_day_sends_nothing_the_second_time(
    name, compact, officer, mailoutbox, django_capture_on_commit_callbacks
):
    assert name in SCENARIOS, f"No scenario for the job {name!r}: add one to SCENARIOS"
    setup, job = SCENARIOS[name], registry.get(name)
    with time_machine.travel(at(setup.day, 6), tick=False):
        setup(compact, officer)  # on-commit callbacks of the setup are left unrun, as a lost task's would be
    moment = job_moment(job, setup.day)

    def run():
        before = len(mailoutbox)
        with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
            run_as_beat_does(name)
        return mailoutbox[before:]

    written_before = OutgoingMessage.objects.count()
    first = run()
    written_after_first = OutgoingMessage.objects.count()
    second = run()

    runs = list(JobRun.objects.filter(name=name).order_by("pk"))
    assert [(run_.ok, run_.started_at) for run_ in runs] == [(True, moment), (True, moment)], [r.summary for r in runs]
    assert first, f"{name}'s first run delivered nothing ({runs[0].summary!r}): the scenario proves nothing"
    if name != "sweep_outbox":  # the sweep writes no message: it hands over ones already written
        assert written_after_first > written_before
    assert second == [], f"{name} delivered again on its second run: {[m.subject for m in second]}"
    assert OutgoingMessage.objects.count() == written_after_first, f"{name}'s second run wrote new messages"
    # Each message went once: every one is sent after a single attempt, and no Message-ID reached the mailbox twice.
    assert set(OutgoingMessage.objects.values_list("status", "attempts")) == {(MessageStatus.SENT, 1)}
    ids = collections.Counter(email.extra_headers["Message-ID"] for email in mailoutbox)
    assert set(ids.values()) == {1}
    assert len(ids) == OutgoingMessage.objects.count()


def test_old_problem_reports_are_deleted_once_and_newer_ones_kept(compact, officer):
    from compact_site.feedback.models import ProblemReport

    name = "problem_reports_deleted"
    setup = SCENARIOS[name]
    with time_machine.travel(at(setup.day, 6), tick=False):
        setup(compact, officer)
    for _ in range(2):
        with time_machine.travel(job_moment(registry.get(name), setup.day), tick=False):
            run_as_beat_does(name)

    summaries = list(JobRun.objects.filter(name=name).order_by("pk").values_list("summary", flat=True))
    assert summaries == ["1 problem report deleted", "0 problem reports deleted"]
    assert list(ProblemReport.objects.values_list("went_wrong", flat=True)) == ["This morning's"]
