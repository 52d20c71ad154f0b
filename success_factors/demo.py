"""Demo self-assessments and actions: two rounds with real movement and a perception gap."""

import datetime

from django.utils import timezone

from signatories.models import Sector
from signatories.selectors import active_signatories
from success_factors.models import (
    Action,
    ActionStatus,
    Assessment,
    AssessmentStatus,
    Factor,
    Indicator,
    Level,
    Rating,
)
from success_factors.selectors import current_round
from success_factors.services import record_factor_scores


def demo_rounds(anchor):
    """Last year's round and this year's, as financial years: ("2025/26", "2026/27") in November 2026."""
    this_round = current_round(anchor)
    start = int(this_round[:4]) - 1
    return (f"{start}/{(start + 1) % 100:02d}", this_round)


# How each sector tends to see each factor (in levels): statutory partners rate the structures
# they run more kindly than the voluntary sector does, which is the perception gap on the report.
SECTOR_BIAS = {
    Sector.STATUTORY: {1: 0.3, 2: 0.9, 3: 0.2, 4: 0.7, 5: -0.2, 6: 0.3, 7: 0.4},
    Sector.VOLUNTARY: {1: 0.0, 2: -0.5, 3: 0.1, 4: -0.3, 5: 0.3, 6: -0.6, 7: -0.2},
    Sector.OTHER: {n: 0.0 for n in range(1, 8)},
}
# What changed between the rounds (earlier, later): champions were trained and wins collected
# (3 and 7 up), while a grant cut took time away from promoting the Compact (6 down).
ROUND_CHANGE: tuple[dict[int, float], dict[int, float]] = ({}, {1: 0.2, 3: 0.6, 7: 0.5, 6: -0.4})

EVIDENCE = {
    1: ["Agreed outcomes in the health and wellbeing plan.", "Quick win: joint hospital discharge scheme."],
    2: ["Quarterly Compact report to the LSP board.", "Funding code applied in the last grants round."],
    3: ["Leader's foreword in the refreshed Compact.", "Champions' network meets every two months."],
    4: ["Ward councillors briefed at members' seminar.", "Police and fire both attend the Compact group."],
    5: ["CVS forum carries a Compact item every meeting.", "Newsletter reaches 240 small groups."],
    6: ["Half a day a month agreed for each champion.", "Compact duties added to three job descriptions."],
    7: ["Compact session in corporate induction.", "Wins shared at the annual Compact event."],
}


def _level(rng, base, bias):
    if rng.random() < 0.08:
        return Level.DONT_KNOW
    value = round(base + bias + rng.gauss(0, 0.6))
    return max(Level.NOT_IN_PLACE, min(Level.EMBEDDED, value))


def create_assessments(*, compact, rng, anchor, officer, skip_organisation=None):
    """Most signatories assess themselves in both rounds; the demo champion's organisation has done
    only the earlier round, so the champion has this year's self-assessment still to do."""
    rounds = demo_rounds(anchor)
    indicators = list(Indicator.objects.select_related("factor").filter(retired_on__isnull=True))
    organisations = list(active_signatories(compact=compact).order_by("name"))
    submitted = []
    for organisation in organisations:
        base = 2.0 + rng.random() * 0.8
        for index, round_name in enumerate(rounds):
            if rng.random() < 0.15 or (organisation == skip_organisation and index == len(rounds) - 1):
                continue
            # Each round's returns come in over the early summer of its financial year.
            year = int(round_name[:4])
            submitted_at = timezone.make_aware(datetime.datetime(year, 6, 1 + rng.randrange(28), 10))
            submitted_at = min(submitted_at, timezone.now() - datetime.timedelta(days=1 + rng.randrange(20)))
            assessment = Assessment.objects.create(
                compact=compact,
                organisation=organisation,
                round=round_name,
                status=AssessmentStatus.SUBMITTED,
                started_by=officer,
                submitted_by=officer,
                submitted_at=submitted_at,
                created_at=submitted_at - datetime.timedelta(days=14),
            )
            Rating.objects.bulk_create(
                Rating(
                    assessment=assessment,
                    indicator=indicator,
                    level=_level(
                        rng,
                        base,
                        SECTOR_BIAS[organisation.sector][indicator.factor.number]
                        + ROUND_CHANGE[index].get(indicator.factor.number, 0),
                    ),
                    evidence=rng.choice(EVIDENCE[indicator.factor.number]) if rng.random() < 0.6 else "",
                )
                for indicator in indicators
            )
            Assessment.objects.filter(pk=assessment.pk).update(updated_at=submitted_at)  # not "today"
            submitted.append(assessment.pk)
    record_factor_scores(submitted)
    return len(submitted)


ACTIONS = [
    (
        6,
        "Agree half a day a month for every champion to promote the Compact",
        "Northbrook Borough Council",
        -40,
        ActionStatus.IN_PROGRESS,
    ),
    (
        6,
        "Share the cost of the Compact support post between the council, NHS and police",
        "Northbrook Borough Council",
        60,
        ActionStatus.OPEN,
    ),
    (2, "Add a Compact check to the commissioning gateway", "Northbrook Borough Council", -10, ActionStatus.OPEN),
    (
        2,
        "Publish grant decisions and reasons on the council website",
        "Northbrook Borough Council",
        -120,
        ActionStatus.DONE,
    ),
    (3, "Run a champions' induction session twice a year", "Northbrook CVS", 30, ActionStatus.IN_PROGRESS),
    (3, "Ask every signatory without a champion to name one", "Northbrook CVS", -25, ActionStatus.OPEN),
    (
        4,
        "Brief new councillors on the Compact after the May elections",
        "Northbrook Borough Council",
        150,
        ActionStatus.OPEN,
    ),
    (5, "Report back from the LSP to the CVS forum after every board", "Northbrook CVS", 20, ActionStatus.OPEN),
    (5, "Reach three more faith and minority community groups", "Northbrook CVS", -5, ActionStatus.IN_PROGRESS),
    (
        7,
        "Put the Compact into the NHS trust's staff induction",
        "Northbrook and District NHS Trust",
        90,
        ActionStatus.OPEN,
    ),
    (7, "Show a Compact wins slideshow at the annual partnership event", "Northbrook CVS", -200, ActionStatus.DONE),
    (
        1,
        "Agree three shared outcomes with the Health and Wellbeing Board",
        "Northbrook Borough Council",
        45,
        ActionStatus.OPEN,
    ),
    (1, "Review whether quick wins are still being logged", "Northbrook CVS", -300, ActionStatus.DROPPED),
    # Due this week, for the Monday digest
    (
        3,
        "Send the champions' network the dates for next year's meetings",
        "Northbrook CVS",
        3,
        ActionStatus.IN_PROGRESS,
    ),
    (
        2,
        "Circulate the draft commissioning checklist to the Compact group",
        "Northbrook Borough Council",
        5,
        ActionStatus.OPEN,
    ),
]


def create_actions(*, compact, anchor, officer, owners):
    """A dozen actions across the factors, some overdue, owned by the lead organisations."""
    factors = {f.number: f for f in Factor.objects.all()}
    for number, description, owner, days, status in ACTIONS:
        Action.objects.create(
            compact=compact,
            factor=factors[number],
            description=description,
            owner_organisation=owners.get(owner),
            owner_name="" if owners.get(owner) else owner,
            due_on=anchor + datetime.timedelta(days=days),
            status=status,
            progress_notes="Discussed at the Compact group; on track." if status == ActionStatus.IN_PROGRESS else "",
            created_by=officer,
        )
    return len(ACTIONS)
