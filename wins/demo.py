"""Demo wins for the Northbrook Compact: about 120 over three years, across the seven factors.

Each win is composed from a scenario (what kind of thing happened) and the random generator's
choice of partners, places and numbers, so the library reads like a real partnership's record.
Everything follows from the ``rng`` passed in, so two runs give the same wins.
"""

import datetime

from django.utils import timezone

from signatories.models import OrganisationKind, Sector
from signatories.selectors import organisation_for
from success_factors.models import Factor

from .models import Win, WinEvent, WinStatus

OTHER_WINS = 106  # recorded and published by the officer from champions' reports
CHAMPION_PUBLISHED = 8  # the demo champion's own, published after moderation
# The demo champion's wins still in progress: (status, how many)
CHAMPION_PENDING = [(WinStatus.SUBMITTED, 3), (WinStatus.RETURNED, 2), (WinStatus.DRAFT, 1)]
OFFICER_DRAFTS = 2

PLACES = ["Eastfield", "Westgate", "Riverside", "Brook Valley", "the town centre", "the rural villages", "Northgate"]
VENUES = [
    "the Civic Centre",
    "Northbrook Library",
    "St Mark's church hall",
    "the Junction Arts space",
    "Al-Noor Community Centre",
    "Northbrook College",
    "Eastfield Community Hub",
]
TOPICS = [
    "the library service review",
    "the housing allocations policy",
    "the parks strategy",
    "changes to adult day services",
    "the community safety plan",
    "the youth service redesign",
]
COMMUNITIES = ["Polish", "Romanian", "Bengali", "Somali", "Ukrainian", "Kurdish"]
SERVICES = ["carers' support", "advice services", "community transport", "befriending", "young people's wellbeing"]
EVENTS = [
    "the annual Compact event",
    "the Partnership Board's away day",
    "Volunteers' Week",
    "the State of the Sector conference",
]
RETURN_NOTES = [
    "Please say roughly how many people this reached, and which ward it was in.",
    "Could you say what difference it made for residents, not only what the partners did?",
    "This reads well. Please add which organisations were involved so we can credit them.",
]

# Kinds of statutory partner a scenario needs (ANY: whichever).
ANY = ()
COUNCILS = (OrganisationKind.COUNCIL,)
HEALTH_PARTNERS = (OrganisationKind.HEALTH,)
POLICE_PARTNERS = (OrganisationKind.POLICE,)
FIRE_PARTNERS = (OrganisationKind.FIRE,)
FUNDERS = (OrganisationKind.COUNCIL, OrganisationKind.HEALTH)
COUNCILS_AND_SCHOOLS = (OrganisationKind.COUNCIL, OrganisationKind.EDUCATION)

# (title, what happened, difference made, factor numbers, chance it is a quick win, people reached range or None,
#  the kinds of statutory partner it needs). {vcs} is a voluntary or community organisation, {statutory} the
# statutory partner.
SCENARIOS = [
    (
        "Joint hospital discharge scheme with {vcs}",
        "{statutory} and {vcs} agreed a joint discharge scheme: volunteers phone patients the day before they go home "
        "and make sure there is food in, the heating on and someone to call in on them.",
        "{n} older people went home on the day they were ready, instead of waiting on the ward for support to be arranged.",
        (1, 4),
        0.2,
        (20, 180),
        HEALTH_PARTNERS,
    ),
    (
        "Volunteers' fair at {venue}",
        "{vcs} and {statutory} ran a volunteers' fair at {venue}, with {k} local groups taking stalls and council "
        "staff on hand to explain the volunteering policy agreed under the Compact.",
        "{n} people signed up to volunteer, many with small groups that had never recruited beyond their own members.",
        (3, 5),
        0.6,
        (40, 300),
        ANY,
    ),
    (
        "Shared premises for {vcs} in {place}",
        "{statutory} let {vcs} share office space in {place} at a low rent, following the Compact's principles on "
        "community use of public buildings.",
        "The group saves about £{amount} a year, which now pays for {k} more sessions a week for local people.",
        (6, 2),
        0.1,
        None,
        COUNCILS,
    ),
    (
        "Funding code applied in the small grants round",
        "{statutory} followed the Compact funding code in its small grants round: three months' notice of changes, "
        "clear criteria published in advance and decisions before the end of the financial year.",
        "{k} groups heard in time to plan their year, and none had to put staff on notice while waiting for a decision.",
        (2,),
        0.1,
        None,
        COUNCILS,
    ),
    (
        "Councillors' briefing on the Compact",
        "The Compact officer and {vcs} briefed {k} councillors at the members' seminar on what the Compact asks of "
        "them and how the sector can help with casework.",
        "Councillors now raise the Compact in scrutiny, and two asked for a Compact check on consultations in their wards.",
        (4, 3),
        0.7,
        None,
        ANY,
    ),
    (
        "Twelve-week consultation on {topic}",
        "{statutory} consulted on {topic} for the full twelve weeks the Compact's consultation code sets, with an "
        "evening session for small groups at {venue}.",
        "{n} residents and {k} groups responded, three times as many as last time, and the final plan changed on two points.",
        (2, 5),
        0.0,
        (60, 400),
        COUNCILS,
    ),
    (
        "Compact session in {statutory} staff induction",
        "{statutory} added a half-hour session on the Compact to its induction for new staff, run jointly with {vcs}.",
        "New starters learn what the Compact means for their job; {n} have taken the session so far.",
        (7,),
        0.3,
        (20, 150),
        ANY,
    ),
    (
        "Champions' network hosted by {vcs}",
        "{vcs} hosted the Compact Champions' network at {venue}: champions swapped what had worked and agreed who "
        "would follow up the concerns raised.",
        "{k} champions attended, including three new ones who now have a buddy from another organisation.",
        (3, 6),
        0.5,
        None,
        ANY,
    ),
    (
        "Warm spaces network across {place}",
        "{vcs}, {statutory} and faith groups opened a shared network of warm spaces in {place}, with one leaflet and "
        "one phone line instead of each group advertising alone.",
        "{n} visits over the winter; people who came were offered benefits checks and help with energy bills.",
        (1, 5),
        0.4,
        (150, 900),
        ANY,
    ),
    (
        "Community safety walkabout in {place}",
        "Neighbourhood officers from {statutory} walked {place} with {vcs} and residents to agree what needed fixing.",
        "Street lighting was repaired on four roads and two alleyways were gated within a month.",
        (4, 1),
        0.8,
        None,
        POLICE_PARTNERS,
    ),
    (
        "Home fire safety checks through {vcs}",
        "{statutory} trained {vcs} volunteers to spot fire risks on home visits and refer people for a free safety check.",
        "{n} homes had a safety check, and smoke alarms were fitted in homes that had none.",
        (1, 4),
        0.3,
        (30, 200),
        FIRE_PARTNERS,
    ),
    (
        "Full cost recovery in {vcs}'s {service} contract",
        "{statutory} agreed to fund the full cost of {vcs}'s {service} contract, including a fair share of overheads, "
        "as the Compact's funding code recommends.",
        "The service no longer runs at a loss, and the charity kept its coordinator post.",
        (2, 6),
        0.0,
        None,
        FUNDERS,
    ),
    (
        "Compact duties in {k} job descriptions at {statutory}",
        "{statutory} wrote Compact duties into {k} job descriptions across its directorates, so working with the "
        "sector no longer rests on one post.",
        "Commissioners and service managers now build in time for the Compact, and cover continued when the policy lead left.",
        (6, 7),
        0.2,
        None,
        ANY,
    ),
    (
        "Food bank referral route agreed with {statutory}",
        "{statutory} and {vcs} agreed one simple referral route to the food bank, so frontline staff can refer "
        "people without a paper voucher.",
        "Referrals reach the food bank the same day; {n} households were helped in the first three months.",
        (1,),
        0.7,
        (50, 400),
        ANY,
    ),
    (
        "Youth mental health drop-in in {place}",
        "{vcs} and {statutory} opened a weekly drop-in for young people's mental health in {place}, staffed jointly.",
        "{n} young people were seen in the first term, most of them without a wait for a referral.",
        (1, 4),
        0.2,
        (30, 160),
        HEALTH_PARTNERS,
    ),
    (
        "Compact report to the Partnership Board",
        "The Compact officer reported to the Partnership Board on the self-assessment results, the wins and the "
        "concerns raised this quarter, with {vcs} presenting the sector's view.",
        "The Board agreed two actions on commissioning and asked for the funding code to be applied to health grants too.",
        (2, 3),
        0.0,
        None,
        ANY,
    ),
    (
        "Interpreters for {community} families at {venue}",
        "{vcs} and {statutory} arranged interpreters at {venue} so {community} families could use advice and school "
        "admissions sessions in their own language.",
        "{n} families got help they had been missing, and the council now books interpreters through the same route.",
        (5, 1),
        0.5,
        (15, 120),
        COUNCILS_AND_SCHOOLS,
    ),
    (
        "Small groups' forum reaches new groups in {place}",
        "{vcs} took the Compact forum out to {place}, meeting groups where they already gather rather than asking them "
        "to come to the town hall.",
        "{k} groups that had never taken part now receive the forum's news and have a named contact.",
        (5,),
        0.6,
        None,
        ANY,
    ),
    (
        "Joint bid brings £{amount} to {place}",
        "{vcs} and {statutory} made a joint bid to a national funder, with the council providing data and the sector "
        "leading delivery.",
        "£{amount} came to {place} for three years of community-led work on loneliness.",
        (1, 6),
        0.0,
        None,
        COUNCILS,
    ),
    (
        "Senior leaders renew their Compact pledge",
        "Senior leaders from {statutory} and {vcs} renewed their pledge to the Compact at {event}, and each named a "
        "director to be its sponsor.",
        "Every signatory now has a senior sponsor, and two directorates have set Compact objectives for their teams.",
        (3, 4),
        0.4,
        None,
        ANY,
    ),
    (
        "Compact clause in the {service} tender",
        "{statutory} put a Compact clause in the {service} tender: realistic timescales, full cost recovery and "
        "a chance for small groups to bid as a consortium.",
        "A consortium led by {vcs} won the contract, keeping the money and the jobs in the borough.",
        (2, 1),
        0.0,
        None,
        FUNDERS,
    ),
    (
        "Community transport to clinics in {place}",
        "{vcs} and {statutory} agreed to run community transport to outpatient clinics from {place}.",
        "Missed appointments from {place} fell, and {n} journeys were made in the first six months.",
        (1,),
        0.3,
        (80, 600),
        HEALTH_PARTNERS,
    ),
    (
        "Shared training calendar with {statutory}",
        "{statutory} opened its training courses to voluntary sector staff and volunteers, and {vcs} opened its "
        "safeguarding course to council staff.",
        "{n} places were shared in the year at no extra cost to either side.",
        (6, 5),
        0.5,
        (20, 250),
        ANY,
    ),
    (
        "Wins shared at {event}",
        "{vcs} and the Compact officer presented a year of Compact wins at {event}, with short films made by local groups.",
        "{n} people came; several new organisations asked to sign the Compact afterwards.",
        (7, 3),
        0.3,
        (40, 200),
        ANY,
    ),
    (
        "Grant paid in advance to avoid a cash-flow gap for {vcs}",
        "{statutory} paid {vcs}'s grant quarterly in advance, as the Compact funding code asks, instead of in arrears.",
        "The charity no longer needs an overdraft to pay staff at the start of the year.",
        (2, 1),
        0.8,
        None,
        FUNDERS,
    ),
    (
        "Information sharing agreement on {topic}",
        "{statutory} and {vcs} signed an information sharing agreement covering {topic}, so both can see the same "
        "figures.",
        "Planning meetings now start from shared facts, and the sector's evidence was quoted in the final report.",
        (2, 5),
        0.1,
        None,
        ANY,
    ),
]


def _fill(text, parts):
    return text.format(**parts)


def _parts(rng, *, vcs, statutory):
    return {
        "vcs": vcs.name,
        "statutory": statutory.name,
        "place": rng.choice(PLACES),
        "venue": rng.choice(VENUES),
        "topic": rng.choice(TOPICS),
        "community": rng.choice(COMMUNITIES),
        "service": rng.choice(SERVICES),
        "event": rng.choice(EVENTS),
        "k": rng.randrange(4, 19),
        "amount": f"{rng.randrange(6, 90) * 1000:,}",
    }


def _compose(rng, *, vcs, statutory, others):
    """One win's words and organisations: a scenario, with ``vcs`` and a fitting partner from ``statutory``."""
    title, what, difference, numbers, quick_chance, reach, kinds = rng.choice(SCENARIOS)
    statutory = rng.choice([o for o in statutory if o.kind in kinds] or statutory)
    parts = _parts(rng, vcs=vcs, statutory=statutory)
    parts["n"] = rng.randrange(*reach) if reach else 0
    involved = {vcs, statutory}
    if rng.random() < 0.3:
        involved.add(rng.choice(others))
    return {
        "title": _fill(title, parts)[:200],
        "what_happened": _fill(what, parts),
        "difference_made": _fill(difference, parts),
        "factor_numbers": numbers,
        "is_quick_win": rng.random() < quick_chance,
        "people_reached": parts["n"] or None,
        "organisations": sorted(involved, key=lambda organisation: organisation.name),
    }


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def create_wins(*, compact, rng, anchor, officer, champion_user, organisations):
    """Create the demo wins; returns how many. ``organisations`` maps names to Organisation rows."""
    voluntary = [o for o in organisations.values() if o.sector == Sector.VOLUNTARY]
    statutory = [o for o in organisations.values() if o.sector == Sector.STATUTORY]
    everyone = list(organisations.values())
    cvs = organisation_for(champion_user)
    factors = {factor.number: factor for factor in Factor.objects.all()}

    # (days before the anchor, status, recorded by, recording organisation, the composed win)
    plans = []
    for index in range(OTHER_WINS):
        vcs = rng.choice(voluntary)
        days = rng.randrange(15, 3 * 365)
        status = WinStatus.DRAFT if index < OFFICER_DRAFTS else WinStatus.PUBLISHED
        days = rng.randrange(2, 30) if status == WinStatus.DRAFT else days
        spec = _compose(rng, vcs=vcs, statutory=statutory, others=everyone)
        plans.append((days, status, officer, None, spec))
    for _ in range(CHAMPION_PUBLISHED):
        plans.append(
            (
                rng.randrange(40, 480),
                WinStatus.PUBLISHED,
                champion_user,
                cvs,
                _compose(rng, vcs=cvs, statutory=statutory, others=everyone),
            )
        )
    for status, count in CHAMPION_PENDING:
        for _ in range(count):
            plans.append(
                (
                    rng.randrange(12, 60),
                    status,
                    champion_user,
                    cvs,
                    _compose(rng, vcs=cvs, statutory=statutory, others=everyone),
                )
            )

    plans.sort(key=lambda plan: -plan[0])  # oldest first, so ids rise with time
    for days, status, recorder, organisation, spec in plans:
        _create(
            compact=compact,
            rng=rng,
            anchor=anchor,
            days=days,
            status=status,
            recorder=recorder,
            organisation=organisation,
            spec=spec,
            officer=officer,
            factors=factors,
        )
    return len(plans)


def _create(*, compact, rng, anchor, days, status, recorder, organisation, spec, officer, factors):
    happened_on = anchor - datetime.timedelta(days=days)
    recorded_on = min(anchor, happened_on + datetime.timedelta(days=rng.randrange(1, 6)))
    created_at = _at(recorded_on, 10)
    moderated = min(anchor, recorded_on + datetime.timedelta(days=rng.randrange(1, 9)))
    by_champion = recorder != officer
    win = Win.objects.create(
        compact=compact,
        title=spec["title"],
        what_happened=spec["what_happened"],
        difference_made=spec["difference_made"],
        happened_on=happened_on,
        is_quick_win=spec["is_quick_win"],
        people_reached=spec["people_reached"],
        evidence_link=(
            f"https://www.northbrookcvs.example.org/news/{happened_on:%Y-%m}-compact-win" if rng.random() < 0.25 else ""
        ),
        recorded_by=recorder,
        organisation=organisation,
        status=status,
        return_note=rng.choice(RETURN_NOTES) if status == WinStatus.RETURNED else "",
        submitted_at=_at(recorded_on, 11) if by_champion and status != WinStatus.DRAFT else None,
        published_at=_at(moderated, 15) if status == WinStatus.PUBLISHED else None,
        published_by=officer if status == WinStatus.PUBLISHED else None,
        created_at=created_at,
    )
    win.factors.set([factors[number] for number in spec["factor_numbers"]])
    win.organisations.set(spec["organisations"])
    WinEvent.objects.bulk_create(_events(win, status=status, by_champion=by_champion, officer=officer))


def _events(win, *, status, by_champion, officer):
    """The moves that brought the win to its status, as the services would have logged them."""
    if not by_champion:
        if status == WinStatus.PUBLISHED:
            return [
                WinEvent(
                    win=win,
                    from_status="",
                    to_status=status,
                    by=officer,
                    at=win.published_at,
                    note="Recorded and published by an officer.",
                )
            ]
        return [WinEvent(win=win, from_status="", to_status=status, by=officer, at=win.created_at)]
    events = [WinEvent(win=win, from_status="", to_status=WinStatus.DRAFT, by=win.recorded_by, at=win.created_at)]
    if status == WinStatus.DRAFT:
        return events
    events.append(
        WinEvent(
            win=win, from_status=WinStatus.DRAFT, to_status=WinStatus.SUBMITTED, by=win.recorded_by, at=win.submitted_at
        )
    )
    later = win.submitted_at + datetime.timedelta(days=1)
    if status == WinStatus.PUBLISHED:
        events.append(
            WinEvent(win=win, from_status=WinStatus.SUBMITTED, to_status=status, by=officer, at=win.published_at)
        )
    elif status == WinStatus.RETURNED:
        events.append(
            WinEvent(
                win=win, from_status=WinStatus.SUBMITTED, to_status=status, by=officer, at=later, note=win.return_note
            )
        )
    return events
