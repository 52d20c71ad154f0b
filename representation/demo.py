"""Demo representation: three of the sector's networks, six partnership boards with 14 sector seats between them,
who has held each seat, a year of meetings and 20 report-backs.

Two seats are vacant (one since a term ran out five months ago, one since its holder left early last month), two
terms end within two months, and one representative was nominated by a network their organisation is not in (the
seat is flagged). The demo representative, who holds two seats on the health boards, has a meeting waiting for their
report-back; the demo champion holds a seat on the LSP itself. About one report-back in four came late.
"""

import datetime
import random

from django.contrib.auth.models import User
from django.utils import timezone

from signatories.models import Compact, Organisation

from . import services
from .models import Frequency, Meeting, ReportBack, Term

HEALTH = "Northbrook Health and Care Forum"
CHILDREN = "Northbrook Children and Young People’s Network"
SAFER = "Safer Northbrook Forum"

# (name, description, member organisations)
NETWORKS = [
    (
        HEALTH,
        "Charities and community groups working on health, care and wellbeing. It nominates the sector’s "
        "representatives on the health boards and meets every two months to hear from them.",
        [
            "Northbrook CVS",
            "Age Concern Northbrook",
            "Northbrook Carers' Centre",
            "Mind in Northbrook",
            "Disability Northbrook",
            "Northbrook Hospice",
            "Northbrook Deaf Centre",
            "Northbrook Community Transport",
        ],
    ),
    (
        CHILDREN,
        "Groups working with children, young people and families across the borough.",
        [
            "Northbrook CVS",
            "Home-Start Northbrook",
            "Westgate Youth Club",
            "Northbrook Football Club Foundation",
            "The Junction Arts Collective",
            "Northbrook Women's Aid",
        ],
    ),
    (
        SAFER,
        "The sector’s forum on community safety, cohesion and the borough’s partnership as a whole.",
        [
            "Northbrook CVS",
            "Northbrook Citizens Advice",
            "Northbrook Women's Aid",
            "Northbrook Refugee Welcome",
            "Northbrook Interfaith Forum",
            "Al-Noor Community Centre",
            "Eastfield Tenants' Association",
        ],
    ),
]

COUNCIL = "Northbrook Borough Council"
ICB = "Northbrook Integrated Care Board"
POLICE = "Northshire Police"

# (name, run by, how often it meets, what it does, sector seats)
BOARDS = [
    ("Northbrook Partnership Board", COUNCIL, Frequency.QUARTERLY, "The Local Strategic Partnership.", 3),
    ("Health and Wellbeing Board", COUNCIL, Frequency.BIMONTHLY, "The statutory board for the borough’s health.", 3),
    ("Integrated Care Partnership", ICB, Frequency.QUARTERLY, "Plans health and care across Northbrook.", 2),
    ("Community Safety Partnership", POLICE, Frequency.QUARTERLY, "Crime, disorder and community safety.", 2),
    ("Children and Young People’s Partnership", COUNCIL, Frequency.BIMONTHLY, "Services for children.", 2),
    ("Adult Social Care Scrutiny Panel", COUNCIL, Frequency.QUARTERLY, "Councillors’ scrutiny of adult care.", 2),
]

# (board, seat, name, organisation, nominating network, started days ago, ends days from today, left days ago,
#  name public, demo login)
TERMS = [
    ("Northbrook Partnership Board", 1, "Jo Adeyemi", "Northbrook CVS", SAFER, 500, 595, None, True, "champion"),
    ("Northbrook Partnership Board", 2, "Dr Helen Marsh", "Northbrook Citizens Advice", SAFER, 700, 395, None, True, None),
    ("Northbrook Partnership Board", 3, "Peter Osei", "Northbrook Refugee Welcome", SAFER, 1100, -150, None, True, None),
    ("Health and Wellbeing Board", 1, "Priya Shah", "Age Concern Northbrook", HEALTH, 420, 675, None, True, "representative"),
    ("Health and Wellbeing Board", 2, "Mark Ellison", "Mind in Northbrook", HEALTH, 1060, 35, None, False, None),
    ("Health and Wellbeing Board", 3, "Anita Kaur", "Northbrook Carers' Centre", HEALTH, 400, 695, None, True, None),
    ("Integrated Care Partnership", 1, "Priya Shah", "Age Concern Northbrook", HEALTH, 380, 715, None, True, "representative"),
    ("Integrated Care Partnership", 2, "Yusuf Rahman", "Disability Northbrook", HEALTH, 600, 495, None, False, None),
    ("Community Safety Partnership", 1, "Andrea Cole", "Northbrook Women's Aid", SAFER, 1045, 50, None, True, None),
    ("Community Safety Partnership", 2, "Tom Whitfield", "Northbrook Rural Action", SAFER, 450, 645, None, False, None),
    ("Children and Young People’s Partnership", 1, "Rev. Ruth Baker", "Home-Start Northbrook", CHILDREN, 520, 575, None, True, None),
    ("Children and Young People’s Partnership", 2, "Sarah Lin", "Westgate Youth Club", CHILDREN, 800, 295, 25, False, None),
    ("Adult Social Care Scrutiny Panel", 1, "Grace Mensah", "Northbrook Hospice", HEALTH, 350, 745, None, True, None),
    ("Adult Social Care Scrutiny Panel", 2, "Daniel Price", "Northbrook Community Transport", HEALTH, 650, 445, None, False, None),
]  # fmt: skip

REPORT_BACKS = 20
DAYS_BETWEEN = {Frequency.QUARTERLY: 91, Frequency.BIMONTHLY: 61}

DISCUSSED = [
    "The draft strategy for the coming year and how its priorities were chosen.",
    "Performance against last year’s plan, and the areas behind target.",
    "The budget position and the savings proposed for next year.",
    "A joint bid for government funding, and who would lead it.",
    "Findings from the latest needs assessment.",
]
SECTOR_SAID = [
    "We asked that groups already doing this work are involved before services are designed, not after.",
    "We pointed out that three-month grants make it impossible to keep staff, and asked for longer funding.",
    "We shared what our members are seeing in demand at food banks and advice sessions.",
    "We asked for the consultation to run the full 12 weeks the Compact expects.",
]
DECIDED = [
    "The board agreed the priorities, with a change to include early help.",
    "A working group will look at the proposals and report back at the next meeting.",
    "The board noted the report; no decision was needed.",
    "The bid goes ahead, with a sector organisation as a named partner.",
]
NEXT_STEPS = [
    "I will circulate the papers to the network and collect comments by the end of the month.",
    "The network is invited to the working group; please tell me if you would like to join.",
    "Next meeting: I will raise the funding question again under any other business.",
]


def create_representation(
    *,
    compact: Compact,
    rng: random.Random,
    anchor: datetime.date,
    users: dict[str, User],
    organisations: dict[str, Organisation],
) -> dict[str, int]:
    """Networks, boards, seats, terms, meetings and report-backs as an officer and the representatives would have
    recorded them (``users``: the demo logins by username); returns counts of what was made."""
    officer = users["officer"]
    networks = {}
    for name, description, members in NETWORKS:
        network = services.save_network(by=officer, compact=compact, name=name, description=description)
        for member in members:
            joined = anchor - datetime.timedelta(days=rng.randint(1200, 2400))
            services.add_member(by=officer, network=network, organisation=organisations[member], joined_on=joined)
        networks[name] = network
    boards = {}
    opened = anchor - datetime.timedelta(days=1200)
    for name, run_by, meets, description, seats in BOARDS:
        boards[name] = services.save_board(
            by=officer,
            compact=compact,
            name=name,
            run_by=organisations[run_by],
            meets=meets,
            sector_seats=seats,
            description=description,
            today=opened,
        )
    for board_name, number, name, organisation, nominator, started, ends, left, public, login in TERMS:
        term = services.appoint(
            by=officer,
            seat=boards[board_name].seats.get(number=number),
            holder_name=name,
            holder=users[login] if login else None,
            organisation=organisations[organisation],
            nominated_by=networks[nominator],
            starts_on=anchor - datetime.timedelta(days=started),
            ends_on=anchor + datetime.timedelta(days=ends),
            name_is_public=public,
            outside_network_confirmed=True,
        )
        if left is not None:
            services.end_term(by=officer, term=term, left_on=anchor - datetime.timedelta(days=left))
    meetings = create_meetings(boards=list(boards.values()), anchor=anchor, officer=officer)
    report_backs = create_report_backs(meetings=meetings, rng=rng, anchor=anchor, officer=officer)
    seats = sum(seats for *_, seats in BOARDS)
    return {"networks": len(networks), "boards": len(boards), "seats": seats, "report-backs": report_backs}


def create_meetings(*, boards, anchor: datetime.date, officer: User) -> list[Meeting]:
    """A year of past meetings for each board, staggered so they fall on different days, and one planned."""
    past = []
    for index, board in enumerate(boards):
        every = DAYS_BETWEEN[board.meets]
        first = 16 + index * 9  # days ago of the latest meeting
        for days_ago in range(first, 365, every):
            past.append(
                services.add_meeting(by=officer, board=board, held_on=anchor - datetime.timedelta(days=days_ago))
            )
        services.add_meeting(by=officer, board=board, held_on=anchor + datetime.timedelta(days=every - first))
    return past


def create_report_backs(*, meetings: list[Meeting], rng: random.Random, anchor: datetime.date, officer: User) -> int:
    """20 report-backs on the past meetings, a few days after each, one in four late (more than 14 days on). The
    demo representative reports back on all their meetings but the latest, which waits for theirs."""
    terms = list(Term.objects.select_related("seat", "holder"))
    pairs = [
        (meeting, term)
        for meeting in sorted(meetings, key=lambda m: (m.held_on, m.pk))
        for term in terms
        if term.seat.board_id == meeting.board_id and term.holds_on(meeting.held_on)
    ]
    representative = [pair for pair in pairs if pair[1].holder and pair[1].holder.username == "representative"]
    waiting = max(representative, key=lambda pair: pair[0].held_on)
    theirs = [pair for pair in representative if pair is not waiting]
    others = [pair for pair in pairs if pair not in representative]
    chosen = theirs + rng.sample(others, REPORT_BACKS - len(theirs))
    for count, (meeting, term) in enumerate(chosen):
        report_back = services.record_report_back(
            by=term.holder or officer,
            meeting=meeting,
            term=term,
            discussed=rng.choice(DISCUSSED),
            sector_said=rng.choice(SECTOR_SAID),
            decided=rng.choice(DECIDED),
            next_steps=rng.choice(NEXT_STEPS),
            today=anchor,
        )
        delay = rng.randint(18, 40) if count % 4 == 3 else rng.randint(1, 10)
        written_on = min(meeting.held_on + datetime.timedelta(days=delay), anchor)
        written_at = timezone.make_aware(datetime.datetime.combine(written_on, datetime.time(10 + count % 7)))
        written_at = min(written_at, timezone.now())
        ReportBack.objects.filter(pk=report_back.pk).update(written_at=written_at)
    return len(chosen)
