"""The representation cycle: one reminder per meeting left without a report-back 14 days on, and the officers'
monthly summary of terms ending soon and long vacancies, both optional in "Your emails"."""

import datetime

from notifications import kinds
from notifications.models import OutgoingMessage
from notifications.services import set_preference
from representation.reminders import send_report_back_reminders, send_seats_summaries
from tests import factories

from .factories import MeetingFactory, ReportBackFactory, SeatFactory, TermFactory

D = datetime.date


def test_a_meeting_without_a_report_back_reminds_its_representative_once_14_days_on(seat):
    holder = factories.representative(username="rep", email="rep@example.org")
    term = TermFactory(seat=seat, holder=holder, starts_on=D(2026, 1, 1))
    meeting = MeetingFactory(board=seat.board, held_on=D(2026, 6, 1))
    assert send_report_back_reminders(today=D(2026, 6, 14)) == "0 report-back reminders sent"
    assert send_report_back_reminders(today=D(2026, 6, 15)) == "1 report-back reminder sent"
    assert send_report_back_reminders(today=D(2026, 6, 16)) == "0 report-back reminders sent"
    message = OutgoingMessage.objects.get()
    assert (message.to, message.kind) == ("rep@example.org", kinds.REPORT_BACK_REMINDER)
    assert f"/representation/terms/{term.pk}/meetings/{meeting.pk}/report-back/" in message.body
    assert "List-Unsubscribe" in message.headers


def test_a_meeting_reported_on_sends_no_reminder(seat):
    term = TermFactory(seat=seat, holder=factories.representative(), starts_on=D(2026, 1, 1))
    ReportBackFactory(term=term, meeting=MeetingFactory(board=seat.board, held_on=D(2026, 6, 1)))
    assert send_report_back_reminders(today=D(2026, 6, 20)) == "0 report-back reminders sent"


def test_a_representative_who_turned_reminders_off_gets_none(seat):
    holder = factories.representative()
    set_preference(user=holder, kind=kinds.REPORT_BACK_REMINDER, enabled=False)
    TermFactory(seat=seat, holder=holder, starts_on=D(2026, 1, 1))
    MeetingFactory(board=seat.board, held_on=D(2026, 6, 1))
    send_report_back_reminders(today=D(2026, 6, 20))
    assert not OutgoingMessage.objects.exists()


def test_officers_get_the_monthly_seats_summary_once(officer, board, seat):
    TermFactory(seat=seat, holder_name="Sam Ending", starts_on=D(2024, 1, 1), ends_on=D(2026, 7, 31))
    SeatFactory(board=board, number=2, opened_on=D(2026, 4, 1))
    assert send_seats_summaries(today=D(2026, 7, 1)) == "1 seats summary sent"
    assert send_seats_summaries(today=D(2026, 7, 2)) == "0 seats summaries sent"
    body = OutgoingMessage.objects.get(kind=kinds.SEATS_SUMMARY).body
    assert "Health and Wellbeing Board, seat 1: Sam Ending" in body and "ends 31 July 2026" in body
    assert "seat 2: vacant since 1 April 2026" in body


def test_no_summary_in_a_month_with_nothing_to_say(officer, seat):
    TermFactory(seat=seat, starts_on=D(2024, 1, 1), ends_on=D(2028, 3, 31))
    assert send_seats_summaries(today=D(2026, 7, 1)) == "0 seats summaries sent"
