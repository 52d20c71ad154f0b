"""A dozen demo concerns in every state, the kind a Compact officer hears about."""

import datetime

from success_factors.models import Factor

from . import services
from .models import Concern, ConcernStatus

# (factor, title, details, raised by the demo champion?, days ago, status, resolution, summary)
CONCERNS = [
    (
        2,
        "Grant decisions announced with two weeks' notice",
        "Three groups had to pause services while they waited to hear about their grants.",
        True,
        150,
        ConcernStatus.RESOLVED,
        "Finance agreed to give three months' notice of grant decisions from next year.",
        "Grant decisions now come with three months' notice, after champions raised the effect of short notice.",
    ),
    (
        5,
        "Consultation on the library review closed in August",
        "Most small groups were on summer break and missed it.",
        True,
        60,
        ConcernStatus.IN_DISCUSSION,
        "",
        "",
    ),
    (6, "Champions are not given time to attend the network", "", False, 45, ConcernStatus.OPEN, "", ""),
    (
        4,
        "Ward councillors unaware of the Compact",
        "Raised at the CVS forum by two tenants' groups.",
        False,
        200,
        ConcernStatus.ESCALATED,
        "Taken to the LSP board, which asked Democratic Services to brief all members.",
        "The LSP board has asked for every councillor to be briefed on the Compact.",
    ),
    (
        2,
        "Commissioning tender did not mention the Compact",
        "",
        False,
        90,
        ConcernStatus.RESOLVED,
        "Procurement added a Compact check to the tender template.",
        "",
    ),
    (
        1,
        "Hospital discharge scheme funding ends in March",
        "The scheme is one of our best quick wins.",
        True,
        20,
        ConcernStatus.OPEN,
        "",
        "",
    ),
    (
        3,
        "No champion in the fire service since the restructure",
        "",
        False,
        120,
        ConcernStatus.RESOLVED,
        "A station manager was appointed champion in the spring.",
        "A fire service champion is in post again after a gap.",
    ),
    (
        7,
        "New council staff do not hear about the Compact at induction",
        "",
        False,
        75,
        ConcernStatus.IN_DISCUSSION,
        "",
        "",
    ),
    (5, "Minority community groups not reached by the newsletter", "", True, 30, ConcernStatus.OPEN, "", ""),
    (
        6,
        "Compact support post funded for one more year only",
        "",
        False,
        250,
        ConcernStatus.ESCALATED,
        "Escalated to the LSP as a risk to the whole Compact.",
        "",
    ),
    (4, "Police attend the Compact group only occasionally", "", False, 10, ConcernStatus.OPEN, "", ""),
    (
        2,
        "Funding code not applied to the youth services grant round",
        "",
        False,
        300,
        ConcernStatus.RESOLVED,
        "The grant round was re-run with the funding code.",
        "",
    ),
]


def create_concerns(*, compact, anchor, officer, champion_user, organisation):
    factors = {factor.number: factor for factor in Factor.objects.all()}
    for number, title, details, by_champion, days, status, resolution, summary in CONCERNS:
        raised_on = anchor - datetime.timedelta(days=days)
        closed_on = (
            raised_on + datetime.timedelta(days=min(days // 2, 45))
            if status in (ConcernStatus.RESOLVED, ConcernStatus.ESCALATED)
            else None
        )
        concern = Concern.objects.create(
            compact=compact,
            title=title,
            details=details,
            factor=factors[number],
            raised_by=champion_user if by_champion else officer,
            raised_by_organisation=organisation if by_champion else None,
            raised_on=raised_on,
            status=status,
            resolution=resolution,
            resolved_on=closed_on if status == ConcernStatus.RESOLVED else None,
            escalated_on=closed_on if status == ConcernStatus.ESCALATED else None,
            summary=summary,
            summary_published=bool(summary),
        )
        if by_champion:
            concern.organisations.set([organisation])
    return len(CONCERNS)


def raise_concern_about(*, decision, anchor, champion_user, organisation):
    """The concern a champion raised from a contract ended at three weeks' notice, linked to it."""
    check = decision.checks.get(commitment__rule="notice")
    return services.raise_concern(
        compact=decision.compact,
        by=champion_user,
        organisation=organisation,
        title=f"{check.commitment.title} not met: {decision}",
        details=f"{decision.body.name}, {decision}: {check.why} Home-Start had to give staff notice at once.",
        factor=check.commitment.factor,
        organisations=[decision.body, *decision.organisations_funded.all()],
        raised_on=anchor - datetime.timedelta(days=40),
        funding_decision=decision,
    )
