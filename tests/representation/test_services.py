"""The rules of seats, terms and report-backs, as the services keep them: bad input is refused and nothing saved."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from representation import selectors, services
from representation.models import Board, Seat, Term
from tests import factories

from .factories import MeetingFactory, TermFactory

D = datetime.date


def appoint(officer, seat, network, organisation, **kwargs):
    data = {
        "holder_name": "Priya Shah",
        "organisation": organisation,
        "nominated_by": network,
        "starts_on": D(2025, 4, 1),
        "ends_on": D(2027, 3, 31),
    }
    data.update(kwargs)
    return services.appoint(by=officer, seat=seat, **data)


def test_a_new_board_opens_its_seats_vacant(officer, compact, council):
    board = services.save_board(
        by=officer,
        compact=compact,
        name="Community Safety Partnership",
        run_by=council,
        meets="quarterly",
        sector_seats=3,
        today=D(2026, 1, 5),
    )
    assert list(board.seats.values_list("number", "opened_on")) == [(n, D(2026, 1, 5)) for n in (1, 2, 3)]
    rows = selectors.board_with_seats(pk=board.pk, today=D(2026, 2, 1)).rows
    assert [(row.is_vacant, row.vacant_since) for row in rows] == [(True, D(2026, 1, 5))] * 3


def test_fewer_seats_retires_vacant_ones_never_a_held_seat(officer, compact, council, network, member):
    board = services.save_board(
        by=officer, compact=compact, name="Board", run_by=council, meets="monthly", sector_seats=2, today=D(2025, 1, 1)
    )
    first = board.seats.get(number=1)
    appoint(officer, first, network, member, starts_on=D(2025, 1, 1))
    with pytest.raises(ValidationError, match="1 seats are held"):
        services.save_board(
            by=officer,
            compact=compact,
            board=board,
            name="Board",
            run_by=council,
            meets="monthly",
            sector_seats=0,
            today=D(2025, 6, 1),
        )
    services.save_board(
        by=officer,
        compact=compact,
        board=board,
        name="Board",
        run_by=council,
        meets="monthly",
        sector_seats=1,
        today=D(2025, 6, 1),
    )
    assert list(board.seats.filter(retired_on__isnull=True).values_list("number", flat=True)) == [1]


def test_a_board_must_be_run_by_a_statutory_body(officer, compact, member):
    with pytest.raises(ValidationError) as error:
        services.save_board(by=officer, compact=compact, name="Board", run_by=member, meets="monthly", sector_seats=1)
    assert error.value.message_dict == {"run_by": ["Choose the statutory body that runs the board"]}
    assert not Board.objects.exists()


def test_a_term_that_ends_before_it_starts_is_refused(officer, seat, network, member):
    with pytest.raises(ValidationError) as error:
        appoint(officer, seat, network, member, starts_on=D(2026, 4, 1), ends_on=D(2026, 3, 31))
    assert error.value.message_dict == {"ends_on": ["The end of the term must be on or after its start"]}
    assert not Term.objects.exists()


def test_two_people_in_one_seat_at_the_same_time_are_refused(officer, seat, network, member):
    appoint(officer, seat, network, member, holder_name="First Holder", starts_on=D(2025, 4, 1), ends_on=D(2026, 3, 31))
    with pytest.raises(ValidationError) as error:
        appoint(officer, seat, network, member, holder_name="Second", starts_on=D(2026, 3, 1), ends_on=D(2027, 3, 31))
    assert "First Holder holds this seat from 1 April 2025 to 31 March 2026" in error.value.message_dict["starts_on"][0]
    assert seat.terms.count() == 1


def test_the_next_holder_follows_and_the_last_one_is_kept(officer, seat, network, member):
    appoint(officer, seat, network, member, holder_name="First Holder", starts_on=D(2025, 4, 1), ends_on=D(2026, 3, 31))
    appoint(officer, seat, network, member, holder_name="Next Holder", starts_on=D(2026, 4, 1), ends_on=D(2028, 3, 31))
    row = selectors.seat_row(seat, seat.terms.all(), D(2026, 5, 1))
    assert row.term.holder_name == "Next Holder"
    assert [term.holder_name for term in row.terms] == ["Next Holder", "First Holder"]


def test_an_organisation_outside_the_network_needs_confirming_and_is_flagged(officer, seat, network):
    outsider = factories.OrganisationFactory(name="Hillside Youth Club")
    with pytest.raises(ValidationError) as error:
        appoint(officer, seat, network, outsider)
    assert error.value.message_dict["outside_network_confirmed"] == [
        "Hillside Youth Club is not a member of Anytown Voluntary Action Forum. Confirm the nomination to save it: "
        "the seat will be flagged"
    ]
    assert not Term.objects.exists()
    term = appoint(officer, seat, network, outsider, outside_network_confirmed=True)
    assert term.outside_network is True


def test_a_member_needs_no_confirmation_and_is_not_flagged(officer, seat, network, member):
    assert appoint(officer, seat, network, member).outside_network is False


def test_a_seat_is_vacant_from_the_day_after_its_holder_left(officer, seat, network, member):
    term = appoint(officer, seat, network, member, starts_on=D(2025, 4, 1), ends_on=D(2027, 3, 31))
    services.end_term(by=officer, term=term, left_on=D(2026, 1, 31))
    row = selectors.seat_row(seat, seat.terms.all(), D(2026, 3, 15))
    assert (row.is_vacant, row.vacant_since, row.long_vacant) == (True, D(2026, 2, 1), True)
    assert selectors.seat_row(seat, seat.terms.all(), D(2026, 2, 20)).long_vacant is False


def test_a_term_ending_within_two_months_is_ending_soon(seat):
    TermFactory(seat=seat, starts_on=D(2024, 4, 1), ends_on=D(2026, 3, 31))
    assert selectors.seat_row(seat, seat.terms.all(), D(2026, 1, 30)).ending_soon is True
    assert selectors.seat_row(seat, seat.terms.all(), D(2026, 1, 20)).ending_soon is False


def test_only_officers_appoint(champion, seat, network, member):
    with pytest.raises(PermissionDenied):
        appoint(champion, seat, network, member)


def test_a_report_back_for_a_meeting_that_has_not_happened_is_refused(seat):
    user = factories.representative()
    term = TermFactory(seat=seat, holder=user)
    meeting = MeetingFactory(board=seat.board, held_on=D(2026, 6, 1))
    with pytest.raises(ValidationError, match="has not happened yet"):
        services.record_report_back(
            by=user,
            meeting=meeting,
            term=term,
            discussed="a",
            sector_said="b",
            decided="c",
            next_steps="d",
            today=D(2026, 5, 31),
        )
    assert not meeting.report_backs.exists()


def test_a_representative_reports_back_only_for_their_own_seat(seat):
    holder, other = factories.representative(), factories.representative()
    term = TermFactory(seat=seat, holder=holder)
    meeting = MeetingFactory(board=seat.board, held_on=D(2025, 6, 1))
    fields = {"discussed": "a", "sector_said": "b", "decided": "c", "next_steps": "d", "today": D(2025, 6, 2)}
    with pytest.raises(PermissionDenied):
        services.record_report_back(by=other, meeting=meeting, term=term, **fields)
    report_back = services.record_report_back(by=holder, meeting=meeting, term=term, **fields)
    assert report_back.written_by == holder
    with pytest.raises(ValidationError, match="already a report-back"):
        services.record_report_back(by=holder, meeting=meeting, term=term, **fields)


def test_meetings_waiting_are_those_held_during_the_term_without_a_report_back(seat):
    holder = factories.representative()
    term = TermFactory(seat=seat, holder=holder, starts_on=D(2025, 1, 1), ends_on=D(2025, 12, 31))
    before = MeetingFactory(board=seat.board, held_on=D(2024, 12, 1))
    reported = MeetingFactory(board=seat.board, held_on=D(2025, 3, 1))
    waiting = MeetingFactory(board=seat.board, held_on=D(2025, 6, 1))
    MeetingFactory(board=seat.board, held_on=D(2025, 9, 1))  # planned
    services.record_report_back(
        by=holder,
        meeting=reported,
        term=term,
        discussed="a",
        sector_said="b",
        decided="c",
        next_steps="d",
        today=D(2025, 3, 2),
    )
    due = selectors.waiting_for(holder, today=D(2025, 7, 1))
    assert [(item.meeting, item.term) for item in due] == [(waiting, term)]
    assert before not in [item.meeting for item in due]


def test_seats_are_numbered_on_from_the_highest_ever_used(officer, compact, council):
    board = services.save_board(by=officer, compact=compact, name="B", run_by=council, meets="monthly", sector_seats=2)
    services.save_board(
        by=officer, compact=compact, board=board, name="B", run_by=council, meets="monthly", sector_seats=1
    )
    services.save_board(
        by=officer, compact=compact, board=board, name="B", run_by=council, meets="monthly", sector_seats=2
    )
    assert list(Seat.objects.filter(board=board, retired_on__isnull=True).values_list("number", flat=True)) == [1, 3]
