"""The weekly digest of overdue responses, through the outbox: to the champions of the organisation that must respond,
only while a response is overdue, never twice a week."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from compact_site.reporting.committees import services
from compact_site.reporting.committees.digests import send_response_digests
from notifications import kinds
from notifications.services import set_preference
from tests import factories

from .builders import recommendation, sent_report

MONDAY = datetime.date(2026, 9, 7)


@pytest.fixture
def send(django_capture_on_commit_callbacks, mailoutbox):
    # django.core.mail.outbox itself: in this module the fixture's list was not the one delivery appended to.
    def send_on(day):
        before = len(mail.outbox)
        moment = datetime.datetime.combine(day, datetime.time(7, 5), tzinfo=timezone.get_current_timezone())
        with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
            send_on.summary = send_response_digests()
        return mail.outbox[before:]

    return send_on


@pytest.fixture
def council(champion):
    return champion.champion_records.get().organisation


def test_the_responding_organisations_champion_hears_of_overdue_responses_once_a_week(
    send, compact, officer, champion, council
):
    report, committee = sent_report(compact, officer)
    recommendation(compact, officer, report, committee, organisation=council, due=datetime.date(2026, 9, 1))
    recommendation(compact, officer, report, committee, organisation=council, due=MONDAY, text="Not yet due")
    [digest] = send(MONDAY)
    assert digest.to == [champion.email]
    assert digest.subject == "1 response to committees overdue"
    assert "Write the Compact into the commissioning strategy" in digest.body and "Not yet due" not in digest.body
    assert "Due 1 September 2026" in digest.body
    assert send(MONDAY + datetime.timedelta(days=2)) == []
    assert send.summary == "0 digests sent"


def test_nobody_hears_once_the_response_is_recorded(send, compact, officer, council):
    report, committee = sent_report(compact, officer)
    made = recommendation(compact, officer, report, committee, organisation=council, due=datetime.date(2026, 9, 1))
    services.record_response(
        by=officer, recommendation=made, response="accepted", text="Agreed", responded_on=datetime.date(2026, 8, 1)
    )
    assert send(MONDAY) == []


def test_other_organisations_champions_and_those_who_opted_out_hear_nothing(send, compact, officer, champion, council):
    report, committee = sent_report(compact, officer)
    recommendation(compact, officer, report, committee, organisation=council, due=datetime.date(2026, 9, 1))
    factories.champion_user(username="elsewhere")
    set_preference(user=champion, kind=kinds.RESPONSES_DIGEST, enabled=False)
    assert send(MONDAY) == []
