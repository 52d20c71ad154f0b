"""Reads of networks, boards, seats and report-backs, for pages, the home pages, reminders and the LSP report.

Who holds a seat on a day: the term that started on or before it and whose last day (``left_on`` if they left
early, otherwise ``ends_on``) is on or after it. A seat nobody holds is vacant from the day after the last term
ended, or from the day the seat was opened if nobody ever held it. Pages load a board's seats with every term in
three queries and work the rest out in Python, so the number of queries never grows with the data.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Prefetch, Q, QuerySet

from signatories.models import Compact
from signatories.roles import CHAMPION, LSP_MEMBER, OFFICER, REPRESENTATIVE, roles_of
from signatories.selectors import organisation_for
from success_factors.percentages import percent

from .models import Board, Meeting, Membership, Network, ReportBack, Seat, Term

ENDING_SOON_DAYS = 61  # "terms ending within 2 months"
LONG_VACANCY_DAYS = 31  # "seats vacant for more than a month"
REMINDER_AFTER_DAYS = 14  # a meeting with no report-back 14 days on
REMINDER_WINDOW_DAYS = 90  # older meetings are not chased any more
COUNTS = ("seats", "filled", "vacant", "meetings", "meetings_reported", "report_backs")


@dataclass
class SeatRow:
    """A seat as it stands on a day: who holds it (``term``), or since when it is vacant."""

    seat: Seat
    term: Term | None
    vacant_since: datetime.date | None
    ending_soon: bool
    terms: list[Term] = field(default_factory=list)

    @property
    def is_vacant(self) -> bool:
        return self.term is None

    @property
    def long_vacant(self) -> bool:
        return self.term is None and self.vacant_since is not None and self.vacant_days > LONG_VACANCY_DAYS

    @property
    def last_day(self) -> datetime.date:
        return self.term.last_day if self.term else self.today

    @property
    def vacant_days(self) -> int:
        return (self.today - self.vacant_since).days if self.vacant_since else 0

    today: datetime.date = datetime.date.min


def seat_row(seat: Seat, terms: Iterable[Term], today: datetime.date) -> SeatRow:
    """``seat`` on ``today`` from its ``terms`` (any order)."""
    terms = sorted(terms, key=lambda term: (term.starts_on, term.pk), reverse=True)
    current = next((term for term in terms if term.holds_on(today)), None)
    vacant_since = None
    if current is None:
        ended = [term.last_day for term in terms if term.last_day < today]
        vacant_since = max(ended) + datetime.timedelta(days=1) if ended else seat.opened_on
    ending_soon = current is not None and current.last_day <= today + datetime.timedelta(days=ENDING_SOON_DAYS)
    return SeatRow(
        seat=seat, term=current, vacant_since=vacant_since, ending_soon=ending_soon, terms=terms, today=today
    )


def _terms() -> QuerySet[Term]:
    return Term.objects.select_related("organisation", "nominated_by")


def _seats(on: datetime.date | None = None) -> QuerySet[Seat]:
    seats = Seat.objects.filter(retired_on__isnull=True)
    if on is not None:
        seats = seats.filter(opened_on__lte=on)
    return seats.order_by("number").prefetch_related(Prefetch("terms", queryset=_terms()))


def boards(*, compact: Compact | None) -> QuerySet[Board]:
    """The compact's boards, by name, with who runs them."""
    return Board.objects.filter(compact=compact).select_related("run_by").order_by("name", "id")


@dataclass
class BoardSeats:
    """A board with its open seats as they stand on a day."""

    board: Board
    rows: list[SeatRow]

    @property
    def vacant(self) -> int:
        return sum(1 for row in self.rows if row.is_vacant)

    @property
    def filled(self) -> int:
        return len(self.rows) - self.vacant


def _with_open_seats(boards: QuerySet[Board]) -> list[Board]:
    return list(boards.prefetch_related(Prefetch("seats", queryset=_seats(), to_attr="open_seats")))


def _board_seats(board: Board, today: datetime.date) -> BoardSeats:
    seats: list[Seat] = getattr(board, "open_seats")  # noqa: B009 (set by the prefetch)
    return BoardSeats(board=board, rows=[seat_row(seat, seat.terms.all(), today) for seat in seats])


def boards_with_seats(*, compact: Compact | None, today: datetime.date) -> list[BoardSeats]:
    """Every board of ``compact`` with its open seats on ``today``. Three queries."""
    return [_board_seats(board, today) for board in _with_open_seats(boards(compact=compact))]


def board_with_seats(*, pk: int, today: datetime.date) -> BoardSeats:
    """One board with its open seats on ``today`` (Board.DoesNotExist if there is none)."""
    found = _with_open_seats(Board.objects.select_related("run_by").filter(pk=pk))
    if not found:
        raise Board.DoesNotExist(f"No board {pk}")
    return _board_seats(found[0], today)


def seat_rows(*, compact: Compact | None, today: datetime.date) -> list[SeatRow]:
    """Every open seat of every board of ``compact`` on ``today``."""
    return [row for item in boards_with_seats(compact=compact, today=today) for row in item.rows]


def seats_needing_attention(*, compact: Compact | None, today: datetime.date) -> dict[str, list[SeatRow]]:
    """The officers' list: terms ending within two months, and seats vacant for more than a month."""
    rows = seat_rows(compact=compact, today=today)
    return {
        "ending_soon": sorted((row for row in rows if row.ending_soon), key=lambda row: row.last_day),
        "long_vacant": sorted((row for row in rows if row.long_vacant), key=lambda row: row.vacant_since or row.today),
    }


def meetings_of(board: Board) -> QuerySet[Meeting]:
    """A board's meetings, newest first, each with how many report-backs it has (``report_back_count``)."""
    return board.meetings.annotate(report_back_count=Count("report_backs")).order_by("-held_on", "-id")


def networks(*, compact: Compact | None) -> QuerySet[Network]:
    """The compact's networks, each with how many current members it has (``member_count``)."""
    return (
        Network.objects.filter(compact=compact)
        .annotate(member_count=Count("memberships", filter=Q(memberships__left_on__isnull=True)))
        .order_by("name", "id")
    )


def members_of(network: Network) -> QuerySet[Membership]:
    return network.memberships.select_related("organisation").order_by("left_on", "organisation__name", "id")


def is_member(*, network: Network, organisation_id: int, on: datetime.date) -> bool:
    """Whether the organisation belonged to the network on ``on``."""
    return (
        network.memberships.filter(organisation_id=organisation_id, joined_on__lte=on)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=on))
        .exists()
    )


def holder_choices() -> QuerySet[User]:
    """The logins a seat's holder may have: representatives and champions, by name."""
    return (
        User.objects.filter(is_active=True, groups__name__in=[REPRESENTATIVE, CHAMPION])
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@dataclass(frozen=True)
class Due:
    """A meeting a representative has not reported back on yet."""

    meeting: Meeting
    term: Term

    @property
    def board(self) -> Board:
        return self.meeting.board


def report_backs_due(*, terms: QuerySet[Term], today: datetime.date, since: datetime.date | None = None) -> list[Due]:
    """Each past meeting (on or before ``today``, and on or after ``since``) held while one of ``terms`` held a
    seat on its board, with no report-back from that term yet, oldest first. Three queries."""
    terms_list = list(terms.select_related("seat__board", "organisation", "nominated_by", "holder"))
    if not terms_list:
        return []
    earliest = min(term.starts_on for term in terms_list)
    if since is not None:
        earliest = max(earliest, since)
    meetings = Meeting.objects.filter(
        board__in={term.seat.board_id for term in terms_list}, held_on__gte=earliest, held_on__lte=today
    ).select_related("board")
    by_board = defaultdict(list)
    for meeting in meetings:
        by_board[meeting.board_id].append(meeting)
    done = set(
        ReportBack.objects.filter(term__in=[term.pk for term in terms_list]).values_list("meeting_id", "term_id")
    )
    due = [
        Due(meeting=meeting, term=term)
        for term in terms_list
        for meeting in by_board[term.seat.board_id]
        if term.holds_on(meeting.held_on) and (meeting.pk, term.pk) not in done
    ]
    return sorted(due, key=lambda item: (item.meeting.held_on, item.meeting.pk, item.term.pk))


def waiting_for(user: User | AnonymousUser, *, today: datetime.date) -> list[Due]:
    """The meetings waiting for ``user``'s report-back: those of the seats they hold or held."""
    if not user.is_authenticated:
        return []
    return report_backs_due(terms=Term.objects.filter(holder=user), today=today)


def visible_report_backs(user: User | AnonymousUser) -> QuerySet[ReportBack]:
    """The report-backs ``user`` may read: officers and LSP members all; a representative their own and those of
    the networks that nominated them; a champion those of the networks their organisation belongs to."""
    report_backs = ReportBack.objects.select_related(
        "meeting__board", "term__seat", "term__organisation", "term__nominated_by"
    )
    roles = roles_of(user)
    if roles & {OFFICER, LSP_MEMBER}:
        return report_backs
    if not user.is_authenticated:
        return report_backs.none()
    allowed = Q(term__holder=user) | Q(term__nominated_by__in=Network.objects.filter(terms__holder=user))
    organisation = organisation_for(user) if CHAMPION in roles else None
    if organisation is not None:
        allowed |= Q(
            term__nominated_by__in=Network.objects.filter(
                memberships__organisation=organisation, memberships__left_on__isnull=True
            )
        )
    return report_backs.filter(allowed)


def may_write_report_back(user: User | AnonymousUser, term: Term) -> bool:
    """Officers, and the holder of the term."""
    return OFFICER in roles_of(user) or (user.is_authenticated and term.holder_id == user.pk)


def representation_figures(
    *, compact: Compact | None, periods: Mapping[str, tuple[datetime.date, datetime.date]]
) -> dict[str, Any]:
    """The LSP report's "Representation" section, for each period: seats filled and vacant on each board at its end,
    meetings held at which the sector had a representative, how many of them had a report-back (and the
    report-backs made for them), and the terms ending within two months of its end. Five queries, JSON-ready.

    Names of representatives are never included: a report may be shown on the public site."""
    found = _with_open_seats(boards(compact=compact))
    first = min(start for start, _ in periods.values())
    last = max(end for _, end in periods.values())
    meetings = list(Meeting.objects.filter(board__in=found, held_on__gte=first, held_on__lte=last))
    reported: dict[int, int] = defaultdict(int)
    for meeting_id in ReportBack.objects.filter(meeting__in=meetings).values_list("meeting_id", flat=True):
        reported[meeting_id] += 1
    by_board = []
    totals = {period: dict.fromkeys(COUNTS, 0) for period in periods}
    ending: dict[str, list[dict[str, Any]]] = {period: [] for period in periods}
    for board in found:
        seats: list[Seat] = getattr(board, "open_seats")  # noqa: B009 (set by the prefetch)
        terms = [term for seat in seats for term in seat.terms.all()]
        row: dict[str, Any] = {"name": board.name, "run_by": board.run_by.name}
        for period, (start, end) in periods.items():
            rows = [seat_row(seat, seat.terms.all(), end) for seat in seats if seat.opened_on <= end]
            held = [m for m in meetings if m.board_id == board.pk and start <= m.held_on <= end]
            represented = [m for m in held if any(term.holds_on(m.held_on) for term in terms)]
            counts = {
                "seats": len(rows),
                "filled": sum(1 for r in rows if not r.is_vacant),
                "vacant": sum(1 for r in rows if r.is_vacant),
                "meetings": len(represented),
                "meetings_reported": sum(1 for m in represented if reported[m.pk]),
                "report_backs": sum(reported[m.pk] for m in represented),
            }
            row[period] = counts
            for key, value in counts.items():
                totals[period][key] += value
            ending[period] += [
                {
                    "board": board.name,
                    "seat": r.seat.number,
                    "organisation": r.term.organisation.name,
                    "network": r.term.nominated_by.name,
                    "ends_on": r.term.last_day.isoformat(),
                }
                for r in rows
                if r.ending_soon and r.term is not None
            ]
        by_board.append(row)
    total: dict[str, dict[str, Any]] = {key: {p: totals[p][key] for p in periods} for key in COUNTS}
    total["ending_soon"] = {period: len(ending[period]) for period in periods}
    total["share_reported"] = {p: percent(totals[p]["meetings_reported"], totals[p]["meetings"]) for p in periods}
    return {
        "by_board": by_board,
        "total": total,
        "ending_soon": sorted(ending.get("current", []), key=lambda item: item["ends_on"]),
    }
