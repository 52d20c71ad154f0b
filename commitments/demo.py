"""Demo consultations and funding decisions: four statutory signatories over two years.

Most consultations run 12 weeks; a few are shorter, some with a reason and some without. Funding is a mix
of three-year and one-year grants, contracts and commissioned services; one contract was ended with three
weeks' notice (the demo raises a concern from it, in ``wins.concerns.demo``), and one grant ends within
four months with no notice recorded (the officers' early warning).
"""

import datetime

from . import services
from .checks import corresponding_day
from .models import FundingDecision

COUNCIL = "Northbrook Borough Council"
NHS = "Northbrook and District NHS Trust"
ICB = "Northbrook Integrated Care Board"
POLICE = "Northshire Police"

# (body, title, opened days ago, weeks, extra days, reason for a shorter one, weeks of early notice,
#  sector involved, weeks after closing the feedback came)
CONSULTATIONS = [
    (COUNCIL, "Council budget 2025/26", 700, 12, 0, "", 4, "yes", 8),
    (COUNCIL, "Library service review", 620, 6, 0, "", None, "no", None),
    (NHS, "Community mental health services redesign", 560, 12, 0, "", 6, "yes", 10),
    (ICB, "Primary care access strategy", 500, 12, 2, "", 3, "yes", 12),
    (POLICE, "Neighbourhood policing priorities", 450, 12, 0, "", None, "", 6),
    (
        COUNCIL,
        "Adult social care charging policy",
        400,
        8,
        0,
        "The new charges had to be in place by 1 April, a date set by the Care Act guidance.",
        2,
        "no",
        4,
    ),
    (COUNCIL, "Council budget 2026/27", 340, 12, 0, "", 4, "yes", 8),
    (NHS, "Hospital discharge support", 300, 12, 0, "", 4, "yes", 6),
    (
        ICB,
        "Integrated care strategy refresh",
        260,
        10,
        0,
        "NHS England set the deadline for the refreshed strategy.",
        None,
        "yes",
        None,
    ),
    (COUNCIL, "Local plan: community facilities", 200, 14, 0, "", 8, "yes", 10),
    (POLICE, "Victims' services commissioning", 150, 12, 0, "", 4, "yes", None),
    (COUNCIL, "Youth services review", 110, 4, 0, "", None, "no", None),
    (NHS, "Maternity services engagement", 95, 12, 0, "", 2, "", None),
    (ICB, "Urgent care centre locations", 25, 12, 0, "", 4, "yes", None),
    (COUNCIL, "Council budget 2027/28", 72, 12, 0, "", 6, "yes", None),
]

# (body, name, kind, amount, decided days ago, months of funding, full cost recovery, paid in advance,
#  rationale published, organisations funded)
FUNDING = [
    (COUNCIL, "Voluntary sector infrastructure grant", "grant", 150000, 710, 36, True, True, True, ["Northbrook CVS"]),
    (COUNCIL, "Advice services grant", "grant", 96000, 690, 36, True, True, True, ["Northbrook Citizens Advice"]),
    (COUNCIL, "Community food grant", "grant", 12000, 650, 12, False, True, True, ["Riverside Community Food Bank"]),
    (NHS, "Carers' support service", "commissioned", 210000, 640, 36, True, False, True, ["Northbrook Carers' Centre"]),
    (
        ICB,
        "Social prescribing link workers",
        "contract",
        340000,
        600,
        24,
        None,
        False,
        True,
        ["Northbrook Volunteer Centre", "Age Concern Northbrook"],
    ),
    (COUNCIL, "Youth club small grants", "grant", 8000, 560, 12, False, True, False, ["Westgate Youth Club"]),
    (POLICE, "Domestic abuse outreach", "commissioned", 120000, 540, 36, True, True, True, ["Northbrook Women's Aid"]),
    (
        COUNCIL,
        "Floating housing support contract",
        "contract",
        180000,
        520,
        36,
        True,
        False,
        True,
        ["Home-Start Northbrook"],
    ),
    (
        COUNCIL,
        "Arts in the community fund",
        "grant",
        15000,
        480,
        12,
        False,
        True,
        False,
        ["The Junction Arts Collective"],
    ),
    (NHS, "Mental health peer support", "grant", 60000, 450, 36, True, True, True, ["Mind in Northbrook"]),
    (ICB, "Hospital discharge befriending", "grant", 45000, 430, 18, True, True, True, ["Age Concern Northbrook"]),
    (
        COUNCIL,
        "Community transport grant",
        "grant",
        40000,
        400,
        12,
        True,
        True,
        True,
        ["Northbrook Community Transport"],
    ),
    (POLICE, "Youth diversion programme", "contract", 75000, 380, 24, None, False, True, ["Westgate Youth Club"]),
    (COUNCIL, "Refugee welcome grant", "grant", 20000, 350, 12, False, True, False, ["Northbrook Refugee Welcome"]),
    (
        COUNCIL,
        "Advice services grant (second year uplift)",
        "grant",
        10000,
        320,
        12,
        True,
        True,
        True,
        ["Northbrook Citizens Advice"],
    ),
    (NHS, "Hospice at home", "commissioned", 260000, 300, 36, True, False, True, ["Northbrook Hospice"]),
    (COUNCIL, "Green spaces volunteering", "grant", 18000, 270, 36, None, True, True, ["GreenSpace Northbrook"]),
    (ICB, "Deaf access service", "contract", 52000, 240, 36, True, False, True, ["Northbrook Deaf Centre"]),
    (COUNCIL, "Credit union development", "grant", 25000, 210, 12, False, False, True, ["Brook Valley Credit Union"]),
    (POLICE, "Street pastors", "grant", 9000, 180, 12, None, True, False, ["Northbrook Interfaith Forum"]),
    (COUNCIL, "Men's sheds start-up", "grant", 5000, 150, 12, True, True, True, ["Northbrook Men's Shed"]),
    (
        NHS,
        "Community kitchen health checks",
        "grant",
        14000,
        120,
        24,
        True,
        True,
        None,
        ["St Mark's Community Kitchen"],
    ),
    (COUNCIL, "Disability access audit", "contract", 30000, 90, 12, True, False, True, ["Disability Northbrook"]),
    (
        ICB,
        "Winter pressures volunteer grant",
        "grant",
        22000,
        40,
        6,
        False,
        True,
        True,
        ["Northbrook Volunteer Centre"],
    ),
    (
        COUNCIL,
        "Tenants' participation grant",
        "grant",
        11000,
        20,
        36,
        True,
        True,
        None,
        ["Eastfield Tenants' Association"],
    ),
]

ENDED_CONTRACT = "Floating housing support contract"
ENDING_SOON = "Hospital discharge befriending"
REDUCED = "Advice services grant"


def _months_later(day, months):
    return corresponding_day(day, months) - datetime.timedelta(days=1)


def create_consultations(*, compact, anchor, officer, organisations):
    for body, title, ago, weeks, extra, reason, notice_weeks, involved, feedback_weeks in CONSULTATIONS:
        opened = anchor - datetime.timedelta(days=ago)
        closes = opened + datetime.timedelta(weeks=weeks, days=extra)
        feedback = closes + datetime.timedelta(weeks=feedback_weeks) if feedback_weeks is not None else None
        services.record(
            kind="consultation",
            compact=compact,
            by=officer,
            body=organisations[body],
            title=title,
            link=f"https://consult.northbrook.example/{title.lower().replace(' ', '-').replace(':', '')}",
            opened_on=opened,
            closes_on=closes,
            early_notice_on=opened - datetime.timedelta(weeks=notice_weeks) if notice_weeks else None,
            sector_involved=involved,
            sector_involvement="Drafted with the CVS forum and tested with three groups." if involved == "yes" else "",
            feedback_published_on=feedback if feedback and feedback <= anchor else None,
            feedback_link="",
            shorter_reason=reason,
        )
    return len(CONSULTATIONS)


def create_funding(*, compact, anchor, officer, organisations):
    for body, name, kind, amount, ago, months, fcr, advance, rationale, funded in FUNDING:
        decided = anchor - datetime.timedelta(days=ago)
        starts = decided + datetime.timedelta(days=30)
        ends = _months_later(starts, months)
        if name == ENDING_SOON:
            ends = anchor + datetime.timedelta(days=75)
        change = {}
        if name == ENDED_CONTRACT:
            change = {
                "change": "ended",
                "notice_given_on": anchor - datetime.timedelta(days=45),
                "change_takes_effect_on": anchor - datetime.timedelta(days=24),
                "change_reason": "Savings in the housing budget.",
            }
        elif name == REDUCED:
            change = {
                "change": "reduced",
                "notice_given_on": anchor - datetime.timedelta(days=150),
                "change_takes_effect_on": anchor - datetime.timedelta(days=30),
                "change_reason": "The council's grant budget fell by 10%.",
            }
        services.record(
            kind="funding",
            compact=compact,
            by=officer,
            body=organisations[body],
            name=name,
            funding_kind=kind,
            amount=amount,
            decided_on=decided,
            starts_on=starts,
            ends_on=ends,
            full_cost_recovery=fcr,
            paid_in_advance=advance,
            rationale_published=rationale,
            rationale_link="https://www.northbrook.example/funding-decisions" if rationale else "",
            organisations_funded=[organisations[n] for n in funded],
            **({"change": "", "notice_given_on": None, "change_takes_effect_on": None, "change_reason": ""} | change),
        )
    return len(FUNDING)


def ended_contract():
    """The contract ended at three weeks' notice, for the demo concern raised from it."""
    return FundingDecision.objects.get(name=ENDED_CONTRACT)
