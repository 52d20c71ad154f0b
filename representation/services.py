"""Changes to networks, boards, seats, terms and report-backs. Each function checks who may act.

Officers manage networks, boards, meetings and who holds each seat; a representative writes report-backs for
their own seats only (an officer may write one for them). Bad input raises ``ValidationError`` with a message for
the field concerned, and nothing is saved.
"""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from signatories.models import Compact, Organisation, Sector
from signatories.roles import is_officer

from .models import Board, Meeting, Membership, Network, ReportBack, Seat, Term
from .selectors import is_member, may_write_report_back


def _check_officer(by: User, what: str) -> None:
    if not is_officer(by):
        raise PermissionDenied(f"Only a Compact officer can {what}.")


@transaction.atomic
def save_network(
    *, by: User, compact: Compact, name: str, description: str = "", network: Network | None = None
) -> Network:
    """An officer adds a network or forum of the sector, or changes one."""
    _check_officer(by, "change the networks")
    network = network or Network(compact=compact)
    network.name, network.description = name.strip(), description.strip()
    network.full_clean(exclude=["compact"])
    network.save()
    return network


@transaction.atomic
def add_member(*, by: User, network: Network, organisation: Organisation, joined_on: datetime.date) -> Membership:
    """An officer records that an organisation on the register belongs to a network (again, if it had left)."""
    _check_officer(by, "change a network's members")
    membership = Membership.objects.filter(network=network, organisation=organisation).first()
    if membership is not None and membership.left_on is None:
        raise ValidationError({"organisation": f"{organisation.name} is already a member of {network.name}"})
    membership = membership or Membership(network=network, organisation=organisation)
    membership.joined_on, membership.left_on = joined_on, None
    membership.save()
    return membership


@transaction.atomic
def remove_member(*, by: User, membership: Membership, left_on: datetime.date) -> Membership:
    """An officer records that an organisation left a network; the membership is kept, with the date."""
    _check_officer(by, "change a network's members")
    if left_on < membership.joined_on:
        raise ValidationError({"left_on": "The date it left must be on or after the date it joined"})
    membership.left_on = left_on
    membership.save()
    return membership


@transaction.atomic
def save_board(
    *,
    by: User,
    compact: Compact,
    name: str,
    run_by: Organisation,
    meets: str,
    sector_seats: int,
    description: str = "",
    board: Board | None = None,
    today: datetime.date | None = None,
) -> Board:
    """An officer adds a board or changes one. ``sector_seats`` is how many seats the sector has: new seats are
    opened (vacant from ``today``); fewer seats retires the highest-numbered vacant ones, never a held seat."""
    _check_officer(by, "change the boards")
    today = today or timezone.localdate()
    if run_by.sector != Sector.STATUTORY:
        raise ValidationError({"run_by": "Choose the statutory body that runs the board"})
    board = board or Board(compact=compact)
    board.name, board.run_by, board.meets, board.description = name.strip(), run_by, meets, description.strip()
    board.full_clean(exclude=["compact"])
    board.save()
    _set_seat_count(board, sector_seats, today)
    return board


def _set_seat_count(board: Board, wanted: int, today: datetime.date) -> None:
    open_seats = list(board.seats.filter(retired_on__isnull=True).order_by("number").prefetch_related("terms"))
    if wanted > len(open_seats):
        highest = board.seats.aggregate(n=Max("number"))["n"] or 0
        Seat.objects.bulk_create(
            [Seat(board=board, number=highest + i, opened_on=today) for i in range(1, wanted - len(open_seats) + 1)]
        )
        for seat in Seat.objects.filter(board=board, number__gt=highest):
            seat.save()  # bulk_create sends no signal and keeps no history: one save each does both
    elif wanted < len(open_seats):
        removable = [
            seat for seat in reversed(open_seats) if not any(term.last_day >= today for term in seat.terms.all())
        ]
        needed = len(open_seats) - wanted
        if len(removable) < needed:
            held = len(open_seats) - len(removable)
            raise ValidationError(
                {
                    "sector_seats": f"{held} seats are held or have a term to come: end a term before taking its seat away"
                }
            )
        for seat in removable[:needed]:
            seat.retired_on = today
            seat.save()


@transaction.atomic
def add_meeting(*, by: User, board: Board, held_on: datetime.date) -> Meeting:
    """An officer adds a meeting date (past or planned) to a board."""
    _check_officer(by, "add meetings")
    if board.meetings.filter(held_on=held_on).exists():
        raise ValidationError({"held_on": f"{board.name} already has a meeting on {held_on:%-d %B %Y}"})
    return Meeting.objects.create(board=board, held_on=held_on)


def _overlapping(seat: Seat, starts_on: datetime.date, ends_on: datetime.date) -> Term | None:
    """Another term of ``seat`` that holds it on any day from ``starts_on`` to ``ends_on``."""
    return (
        seat.terms.filter(starts_on__lte=ends_on)
        .filter(Q(left_on__isnull=True, ends_on__gte=starts_on) | Q(left_on__gte=starts_on))
        .first()
    )


@transaction.atomic
def appoint(
    *,
    by: User,
    seat: Seat,
    holder_name: str,
    organisation: Organisation,
    nominated_by: Network,
    starts_on: datetime.date,
    ends_on: datetime.date,
    holder: User | None = None,
    name_is_public: bool = False,
    outside_network_confirmed: bool = False,
) -> Term:
    """An officer records who holds a seat, for which organisation, nominated by which network, for what term.

    Refused: a term that ends before it starts; a term that overlaps another of the same seat (two people in one
    seat at once). An organisation that is not a member of the nominating network is allowed only once the
    officer confirms it (``outside_network_confirmed``), and the term is flagged."""
    _check_officer(by, "appoint representatives")
    seat = Seat.objects.select_for_update().get(pk=seat.pk)
    if ends_on < starts_on:
        raise ValidationError({"ends_on": "The end of the term must be on or after its start"})
    other = _overlapping(seat, starts_on, ends_on)
    if other is not None:
        raise ValidationError(
            {
                "starts_on": f"{other.holder_name} holds this seat from {other.starts_on:%-d %B %Y} to "
                f"{other.last_day:%-d %B %Y}: one person holds a seat at a time. End their term first, or "
                "choose dates after it"
            }
        )
    outside = not is_member(network=nominated_by, organisation_id=organisation.pk, on=starts_on)
    if outside and not outside_network_confirmed:
        raise ValidationError(
            {
                "outside_network_confirmed": f"{organisation.name} is not a member of {nominated_by.name}. "
                "Confirm the nomination to save it: the seat will be flagged"
            }
        )
    term = Term(
        seat=seat,
        holder_name=holder_name.strip(),
        holder=holder,
        organisation=organisation,
        nominated_by=nominated_by,
        starts_on=starts_on,
        ends_on=ends_on,
        name_is_public=name_is_public,
        outside_network=outside,
        appointed_by=by,
    )
    term.full_clean()
    term.save()
    return term


@transaction.atomic
def end_term(*, by: User, term: Term, left_on: datetime.date) -> Term:
    """An officer records that a representative left their seat before the end of their term: the seat is vacant
    from the next day. The term is kept."""
    _check_officer(by, "end a term")
    if left_on < term.starts_on:
        raise ValidationError({"left_on": "The date they left must be on or after the start of their term"})
    if left_on > term.ends_on:
        raise ValidationError(
            {"left_on": f"The date they left must be on or before the end of their term, {term.ends_on:%-d %B %Y}"}
        )
    term.left_on = left_on
    term.save()
    return term


@transaction.atomic
def record_report_back(
    *,
    by: User,
    meeting: Meeting,
    term: Term,
    discussed: str,
    sector_said: str,
    decided: str,
    next_steps: str,
    today: datetime.date | None = None,
) -> ReportBack:
    """The representative (or an officer for them) records what happened at a meeting, for their network.

    Refused: a meeting that has not happened yet, a meeting the term did not cover, a second report-back."""
    if not may_write_report_back(by, term):
        raise PermissionDenied("Only the representative who holds the seat writes its report-backs.")
    today = today or timezone.localdate()
    if meeting.held_on > today:
        raise ValidationError(f"The meeting on {meeting.held_on:%-d %B %Y} has not happened yet: report back after it")
    if meeting.board_id != term.seat.board_id or not term.holds_on(meeting.held_on):
        raise ValidationError("This seat’s term did not cover that meeting")
    if ReportBack.objects.filter(meeting=meeting, term=term).exists():
        raise ValidationError("There is already a report-back for this meeting")
    report_back = ReportBack(
        meeting=meeting,
        term=term,
        discussed=discussed.strip(),
        sector_said=sector_said.strip(),
        decided=decided.strip(),
        next_steps=next_steps.strip(),
        written_by=by,
    )
    report_back.full_clean(exclude=["meeting", "term"])
    report_back.save()
    return report_back
