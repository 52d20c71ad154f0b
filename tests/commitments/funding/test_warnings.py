"""The early warning by email: officers hear of funding that ends within four months with no notice recorded,
once for each end date, through the outbox, from the daily scheduled job."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from commitments.models import Commitment, FundingNoticeWarning, Rule
from compact_site.jobs import services as jobs
from compact_site.jobs.models import JobRun
from notifications import kinds
from notifications import services as outbox
from tests import factories

from ..builders import funding

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def run_on(django_capture_on_commit_callbacks, mailoutbox):
    """Run the scheduled job as beat would at 08:15 on ``day``; the emails it sent."""

    def run(day):
        before = len(mailoutbox)
        moment = datetime.datetime.combine(day, datetime.time(8, 15), tzinfo=timezone.get_current_timezone())
        with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
            jobs.run_job("funding_notice_warnings")
        run.summary = JobRun.objects.latest("started_at").summary
        return mailoutbox[before:]

    return run


def test_officers_are_emailed_once_about_funding_ending_without_notice(run_on, compact, officer):
    factories.officer(username="second-officer")
    funding(compact=compact, by=officer, name="Youth work grant", starts_on=D(2025, 4, 1), ends_on=D(2026, 9, 30))
    funding(compact=compact, by=officer, name="Ends after four months", starts_on=D(2025, 4, 1), ends_on=D(2026, 11, 2))
    funding(
        compact=compact,
        by=officer,
        name="Notice given",
        starts_on=D(2025, 4, 1),
        ends_on=D(2026, 9, 1),
        change="ended",
        notice_given_on=D(2026, 5, 1),
        change_takes_effect_on=D(2026, 9, 1),
        change_reason="Cut",
    )

    sent = run_on(D(2026, 7, 1))

    assert sorted(m.to[0] for m in sent) == ["officer@example.org", "second-officer@example.org"]
    assert sent[0].subject == "Youth work grant ends on 30 September 2026 and no notice is recorded"
    body = sent[0].body
    assert "Youth work grant (Anytown Borough Council), ends on 30 September 2026" in body
    assert "should have been told by 30 June 2026 (already passed)" in body
    assert "Ends after four months" not in body and "Notice given" not in body
    assert "/funding/" in body and "stop these emails" in body
    assert run_on.summary == "Officers warned about 1 funding decision ending without notice"

    [next_day] = run_on(D(2026, 7, 2))[:1]  # only what came within four months overnight; never twice
    assert next_day.subject == "Ends after four months ends on 2 November 2026 and no notice is recorded"
    assert "Youth work grant" not in next_day.body
    assert run_on(D(2026, 7, 3)) == []
    assert run_on.summary == "No funding ending without notice"
    assert [w.recipients for w in FundingNoticeWarning.objects.all()] == [2, 2]


def test_several_endings_go_in_one_email_and_a_new_end_date_warns_again(run_on, compact, officer):
    first = funding(
        compact=compact, by=officer, name="Advice contract", starts_on=D(2025, 4, 1), ends_on=D(2026, 10, 31)
    )
    funding(compact=compact, by=officer, name="Lunch club grant", starts_on=D(2025, 4, 1), ends_on=D(2026, 8, 31))

    [email] = run_on(D(2026, 7, 1))

    assert email.subject == "2 funding decisions end within 4 months and no notice is recorded"
    assert email.body.index("Lunch club grant") < email.body.index("Advice contract")  # soonest first
    assert "told by 31 July 2026." in email.body  # not passed yet

    first.ends_on = D(2026, 10, 15)  # the end moved: a new ending to warn about
    first.save()
    [again] = run_on(D(2026, 7, 8))
    assert again.subject == "Advice contract ends on 15 October 2026 and no notice is recorded"


def test_the_warning_follows_the_compacts_own_notice_commitment(run_on, compact, officer):
    Commitment.objects.filter(rule=Rule.NOTICE).update(threshold=2)
    funding(compact=compact, by=officer, name="Play schemes", starts_on=D(2025, 4, 1), ends_on=D(2026, 10, 31))

    [email] = run_on(D(2026, 7, 1))

    assert "For 2 months' notice, the organisations funded should have been told by 31 August 2026." in email.body
    assert "commits to at least 2 months' written notice" in email.body


def test_an_officer_who_turned_the_warnings_off_gets_none(run_on, compact, officer):
    outbox.set_preference(user=officer, kind=kinds.FUNDING_NOTICE_WARNING, enabled=False)
    funding(compact=compact, by=officer, name="Play schemes", starts_on=D(2025, 4, 1), ends_on=D(2026, 10, 31))

    assert run_on(D(2026, 7, 1)) == []
    assert FundingNoticeWarning.objects.count() == 1  # still recorded: it is not sent later
