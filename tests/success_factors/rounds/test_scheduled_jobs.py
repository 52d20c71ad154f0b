"""The rounds' daily jobs, on a frozen clock: reminders before the deadline and the officers' summary after it.

Each runs twice on the same day (and on the days after) to show nothing is ever sent twice.
"""

import datetime

import pytest
import time_machine
from django.utils import timezone

from compact_site.jobs.services import run_job
from notifications import kinds
from notifications.services import set_preference
from success_factors.rounds.models import DeadlineExtension, NoticeKind, RoundNotice
from success_factors.rounds.services import reminder_stage, send_round_reminders, send_round_summaries
from tests import factories
from tests.success_factors.builders import rate_everything

from .builders import open_round, signatory_with_champion

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks, mailoutbox):
    """Run a job on a day (8 am in London) and return the emails it delivered."""

    def run_on(job, day):
        before = len(mailoutbox)
        moment = datetime.datetime.combine(day, datetime.time(8), tzinfo=timezone.get_current_timezone())
        with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
            summary = job()
        run_on.summary = summary
        return mailoutbox[before:]

    return run_on


@pytest.fixture
def round_(compact):
    """Opened 1 May, deadline 30 June, reminders 14 and 3 days before. Alder has not started, Beech is part-way,
    Cedar has submitted, Elm has until 14 July."""
    round_ = open_round(compact, opens_on=datetime.date(2026, 5, 1), deadline=datetime.date(2026, 6, 30))
    alder, _ = signatory_with_champion(compact, name="Alder Trust")
    beech, _ = signatory_with_champion(compact, name="Beech Trust")
    cedar, _ = signatory_with_champion(compact, name="Cedar Trust")
    elm, _ = signatory_with_champion(compact, name="Elm Trust")
    rate_everything(factories.AssessmentFactory(compact=compact, organisation=beech, round="2026/27"), 2)
    factories.AssessmentFactory(
        compact=compact,
        organisation=cedar,
        round="2026/27",
        status="submitted",
        submitted_at=timezone.make_aware(datetime.datetime(2026, 6, 2, 10)),
    )
    DeadlineExtension.objects.create(round=round_, organisation=elm, deadline=datetime.date(2026, 7, 14))
    return round_


def recipients(messages):
    return sorted(message.to[0].split("@")[0] for message in messages)


def test_reminders_go_14_and_3_days_before_to_those_who_have_not_submitted(run, round_):
    assert run(send_round_reminders, datetime.date(2026, 6, 15)) == []

    fourteen = run(send_round_reminders, datetime.date(2026, 6, 16))

    assert recipients(fourteen) == ["alder-trust", "beech-trust"]
    assert run.summary == "2 organisations reminded (2 emails)"
    assert fourteen[0].subject == "Reminder: your 2026/27 Compact self-assessment is due by 30 June 2026"
    assert "in 14 days" in fourteen[0].body
    assert "List-Unsubscribe" in fourteen[0].extra_headers  # an optional email people can turn off
    assert run(send_round_reminders, datetime.date(2026, 6, 17)) == []
    three = run(send_round_reminders, datetime.date(2026, 6, 27))
    assert recipients(three) == ["alder-trust", "beech-trust"]
    assert "in 3 days" in three[0].body


def test_running_the_reminders_twice_the_same_day_sends_nothing_twice(run, round_):
    first = run(send_round_reminders, datetime.date(2026, 6, 16))
    again = run(send_round_reminders, datetime.date(2026, 6, 16))

    assert len(first) == 2 and again == []
    assert run.summary == "0 organisations reminded (0 emails)"
    assert RoundNotice.objects.filter(kind=NoticeKind.REMINDER).count() == 2


def test_a_missed_day_is_caught_up_the_next(run, round_):
    assert recipients(run(send_round_reminders, datetime.date(2026, 6, 18))) == ["alder-trust", "beech-trust"]


def test_an_extended_deadline_gets_its_own_reminders(run, round_):
    assert "elm-trust" not in recipients(run(send_round_reminders, datetime.date(2026, 6, 16)))
    assert "elm-trust" not in recipients(run(send_round_reminders, datetime.date(2026, 6, 27)))

    assert recipients(run(send_round_reminders, datetime.date(2026, 6, 30))) == ["elm-trust"]
    assert recipients(run(send_round_reminders, datetime.date(2026, 7, 11))) == ["elm-trust"]


def test_nothing_is_sent_after_the_deadline_or_once_the_round_is_closed(run, round_):
    assert "alder-trust" not in recipients(run(send_round_reminders, datetime.date(2026, 7, 1)))
    round_.status = "closed"
    round_.save()
    assert run(send_round_reminders, datetime.date(2026, 7, 11)) == []


def test_a_champion_who_turned_reminders_off_gets_none(run, round_):
    alder_user = round_.compact.signatures.get(organisation__name="Alder Trust").organisation.champions.get().user
    set_preference(user=alder_user, kind=kinds.ROUND_REMINDER, enabled=False)

    assert recipients(run(send_round_reminders, datetime.date(2026, 6, 16))) == ["beech-trust"]


def test_the_day_after_the_deadline_officers_get_a_summary_once(run, round_, officer):
    factories.officer(username="second-officer")
    assert run(send_round_summaries, datetime.date(2026, 6, 30)) == []

    summary = run(send_round_summaries, datetime.date(2026, 7, 1))

    assert recipients(summary) == ["officer", "second-officer"]
    assert summary[0].subject == "2026/27 self-assessments: 1 of 4 signatories responded"
    body = summary[0].body
    assert "1 of 4 signatories responded (25%)" in body
    assert "- Alder Trust: not started" in body
    assert "- Beech Trust: in progress, 7 of 7 factors done" in body
    assert "- Elm Trust: not started (extended to 14 July 2026)" in body
    assert "Cedar Trust" not in body
    assert run(send_round_summaries, datetime.date(2026, 7, 1)) == []
    assert run(send_round_summaries, datetime.date(2026, 7, 2)) == []
    round_.refresh_from_db()
    assert round_.summary_sent_on == datetime.date(2026, 7, 1)


def test_the_jobs_run_through_the_scheduled_jobs_registry(run, round_):
    sent = run(lambda: run_job("round_reminders"), datetime.date(2026, 6, 16))

    assert len(sent) == 2
    assert run.summary == "2 organisations reminded (2 emails)"


@pytest.mark.parametrize(
    "days_left, stage",
    [(15, None), (14, 14), (4, 14), (3, 3), (0, 3), (-1, None)],
)
def test_the_reminder_due_on_each_day(days_left, stage):
    deadline = datetime.date(2026, 6, 30)
    today = deadline - datetime.timedelta(days=days_left)

    assert (
        reminder_stage(reminder_days=[14, 3], deadline=deadline, today=today, opened_on=datetime.date(2026, 5, 1))
        == stage
    )


def test_no_reminder_for_a_day_before_the_round_opened():
    deadline = datetime.date(2026, 6, 30)

    assert (
        reminder_stage(
            reminder_days=[14, 3],
            deadline=deadline,
            today=datetime.date(2026, 6, 25),
            opened_on=datetime.date(2026, 6, 20),
        )
        is None
    )
