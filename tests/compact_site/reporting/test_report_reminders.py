"""Officers are reminded 21 and 7 days before the next LSP report is due, and once when it is overdue."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from compact_site.reporting import services as reporting
from compact_site.reporting.models import ReportReminder
from compact_site.reporting.reminders import reminder_stage, send_report_reminders
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks, mailoutbox):
    def send_on(day):
        before = len(mailoutbox)
        moment = datetime.datetime.combine(day, datetime.time(8), tzinfo=timezone.get_current_timezone())
        with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
            send_on.summary = send_report_reminders()
        return mailoutbox[before:]

    return send_on


@pytest.fixture
def published(compact, officer):
    """The last report covered January to March 2026; reports are due every 3 months, so next on 30 June 2026."""
    compact.report_every_months = 3
    compact.save()
    report = reporting.create_report(
        compact=compact, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31), by=officer
    )
    report.summary = "A quiet quarter."
    report.save()
    return reporting.publish_report(report=report, by=officer)


def test_officers_are_reminded_21_and_7_days_before_and_when_it_is_overdue(send, published, officer):
    factories.officer(username="second-officer")
    assert send(datetime.date(2026, 6, 8)) == []

    first = send(datetime.date(2026, 6, 9))
    assert sorted(m.to[0] for m in first) == ["officer@example.org", "second-officer@example.org"]
    assert first[0].subject == "The next report to the LSP on Anytown Compact is due on 30 June 2026"
    assert "in 21 days" in first[0].body
    assert send(datetime.date(2026, 6, 10)) == []
    assert "in 7 days" in send(datetime.date(2026, 6, 23))[0].body
    assert send(datetime.date(2026, 6, 30)) == []
    overdue = send(datetime.date(2026, 7, 1))
    assert overdue[0].subject == "The report to the LSP on Anytown Compact is overdue: it was due on 30 June 2026"
    assert send(datetime.date(2026, 7, 15)) == []  # once, not every day


def test_running_twice_the_same_day_sends_nothing_twice(send, published):
    assert len(send(datetime.date(2026, 6, 9))) == 1
    assert send(datetime.date(2026, 6, 9)) == []
    assert send.summary == "No report reminders due"
    assert ReportReminder.objects.count() == 1


def test_nothing_before_the_first_report_is_published(send, compact, officer):
    assert send(datetime.date(2026, 6, 9)) == []


@pytest.mark.parametrize("days_left, stage", [(22, None), (21, 21), (8, 21), (7, 7), (0, 7), (-1, 0)])
def test_the_reminder_due_on_each_day(days_left, stage):
    due_on = datetime.date(2026, 6, 30)

    assert reminder_stage(due_on=due_on, today=due_on - datetime.timedelta(days=days_left)) == stage
