"""The weekly actions digest, on a frozen clock: what is in it, who gets it, and never twice a week."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from notifications import kinds
from notifications.services import set_preference
from success_factors.digests.models import ActionDigest
from success_factors.digests.services import send_action_digests
from tests import factories
from tests.success_factors.builders import factor

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 6, 1)


@pytest.fixture
def send(django_capture_on_commit_callbacks, mailoutbox):
    def send_on(day):
        before = len(mailoutbox)
        moment = datetime.datetime.combine(day, datetime.time(7), tzinfo=timezone.get_current_timezone())
        with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
            send_on.summary = send_action_digests()
        return mailoutbox[before:]

    return send_on


def action(compact, description, due_on, **owner):
    return factories.ActionFactory(compact=compact, factor=factor(3), description=description, due_on=due_on, **owner)


def test_an_owner_hears_about_actions_due_in_the_next_14_days_and_overdue_ones(send, compact, champion):
    action(compact, "Brief the new councillors", MONDAY + datetime.timedelta(days=3), owner_user=champion)
    action(compact, "Publish grant decisions", MONDAY - datetime.timedelta(days=10), owner_user=champion)
    action(compact, "Review the Compact", MONDAY + datetime.timedelta(days=40), owner_user=champion)
    action(compact, "Already done", MONDAY, owner_user=champion, status="done")

    [digest] = send(MONDAY)

    assert digest.to == [champion.email]
    assert digest.subject == "Your Compact actions: 1 overdue and 1 due in the next 14 days"
    overdue, due = digest.body.split("Due in the next 14 days")
    assert "Publish grant decisions (factor 3, due 22 May 2026, open)" in overdue
    assert "Brief the new councillors (factor 3, due 4 June 2026, open)" in due
    assert "Review the Compact" not in digest.body and "Already done" not in digest.body
    assert "List-Unsubscribe" in digest.extra_headers


def test_champions_hear_about_their_organisations_actions(send, compact, champion):
    organisation = champion.champion_records.get().organisation
    action(compact, "Run a champions' induction", MONDAY + datetime.timedelta(days=5), owner_organisation=organisation)

    [digest] = send(MONDAY)

    assert digest.to == [champion.email] and "Run a champions' induction" in digest.body


def test_nothing_is_sent_when_there_is_nothing_to_say(send, compact, champion):
    action(compact, "Far off", MONDAY + datetime.timedelta(days=30), owner_user=champion)

    assert send(MONDAY) == []
    assert send.summary == "0 digests sent"


def test_a_second_run_in_the_same_week_sends_nothing(send, compact, champion):
    action(compact, "Soon", MONDAY + datetime.timedelta(days=2), owner_user=champion)

    assert len(send(MONDAY)) == 1
    assert send(MONDAY) == []
    assert send(MONDAY + datetime.timedelta(days=2)) == []
    assert len(send(MONDAY + datetime.timedelta(days=7))) == 1  # next week, it is still overdue or due
    assert ActionDigest.objects.count() == 2


def test_someone_who_turned_the_digest_off_gets_none(send, compact, champion):
    action(compact, "Soon", MONDAY + datetime.timedelta(days=2), owner_user=champion)
    set_preference(user=champion, kind=kinds.ACTIONS_DIGEST, enabled=False)

    assert send(MONDAY) == []
