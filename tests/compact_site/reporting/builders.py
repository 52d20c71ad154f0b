"""A small fixed data set for the report tests, with figures worked out by hand, and report builders.

The report period is April to June 2026 (1 April to 30 June); the previous period is January to March
2026. Rows sit on the first and last day of each period and just outside them.
"""

import datetime

from django.utils import timezone

from compact_site.reporting import services
from signatories.models import Sector
from success_factors.models import ActionStatus, Level
from tests import factories
from tests.success_factors.builders import submitted_assessment
from tests.wins.factories import WinFactory, factor

START, END = datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)
PREVIOUS_START, PREVIOUS_END = datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)
LONG_AGO = datetime.date(2021, 5, 1)


def local(year, month, day, hour=12, minute=0):
    """An aware datetime at a local (Europe/London) wall-clock time."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def sign(compact, name, sector, signed_on, withdrawn_on=None):
    organisation = factories.OrganisationFactory(name=name, sector=sector)
    factories.SignatureFactory(
        compact=compact,
        organisation=organisation,
        signed_on=signed_on,
        withdrawn_on=withdrawn_on,
        withdrawal_reason="Closed" if withdrawn_on else "",
    )
    return organisation


def build_register(compact):
    """Seven organisations signing and withdrawing around the period edges, and four champions.

    Active at 30 June: Alpha (statutory), Bravo, Charlie, Delta (voluntary) = 4.
    Active at 31 March: Alpha, Delta, Echo (other) = 3.
    Signed in the period: Bravo (1 April), Charlie (30 June); before it: Delta (31 March). Golf (1 July) in neither.
    Withdrew in the period: Echo (30 June); before it: Foxtrot (1 January).
    """
    organisations = {
        "alpha": sign(compact, "Alpha Council", Sector.STATUTORY, LONG_AGO),
        "bravo": sign(compact, "Bravo Trust", Sector.VOLUNTARY, START),
        "charlie": sign(compact, "Charlie Group", Sector.VOLUNTARY, END),
        "delta": sign(compact, "Delta Charity", Sector.VOLUNTARY, PREVIOUS_END),
        "echo": sign(compact, "Echo Chamber", Sector.OTHER, LONG_AGO, withdrawn_on=END),
        "foxtrot": sign(compact, "Foxtrot Foundation", Sector.VOLUNTARY, LONG_AGO, withdrawn_on=PREVIOUS_START),
        "golf": sign(compact, "Golf Police", Sector.STATUTORY, END + datetime.timedelta(days=1)),
    }
    # Alpha's and Bravo's champions are active at 30 June; Delta's stood down on 30 June; Echo's on 31 March.
    factories.ChampionFactory(organisation=organisations["alpha"], appointed_on=datetime.date(2022, 1, 10))
    factories.ChampionFactory(organisation=organisations["bravo"], appointed_on=START)
    factories.ChampionFactory(
        organisation=organisations["delta"], appointed_on=datetime.date(2026, 1, 15), stood_down_on=END
    )
    factories.ChampionFactory(
        organisation=organisations["echo"], appointed_on=datetime.date(2022, 1, 10), stood_down_on=PREVIOUS_END
    )
    return organisations


def build_endorsements(compact, organisation):
    """In the period: an elected member (1 April) and a senior leader (30 June); before it a senior leader
    (31 March); and an elected member on 31 December 2025, in neither period."""
    for kind, day in [
        ("elected_member", START),
        ("senior_leader", END),
        ("senior_leader", PREVIOUS_END),
        ("elected_member", datetime.date(2025, 12, 31)),
    ]:
        factories.EndorsementFactory(compact=compact, organisation=organisation, kind=kind, endorsed_on=day)


def build_wins(compact):
    """Wins published (by London date) in the period: 00:30 on 1 April (factors 1 and 3, quick) and 23:30 on
    30 June (factor 3); before it: 31 March (factor 1, quick); after it: 00:10 on 1 July; and a draft."""
    return {
        "first_day": WinFactory(
            compact=compact,
            title="Food bank referral route",
            published_at=local(2026, 4, 1, 0, 30),
            happened_on=datetime.date(2026, 3, 20),
            factors=[factor(1), factor(3)],
            is_quick_win=True,
        ),
        "last_day": WinFactory(
            compact=compact,
            title="Warm spaces network",
            published_at=local(2026, 6, 30, 23, 30),
            happened_on=datetime.date(2026, 6, 2),
            factors=[factor(3)],
        ),
        "day_before": WinFactory(
            compact=compact,
            title="Volunteers' fair",
            published_at=local(2026, 3, 31, 12),
            happened_on=datetime.date(2026, 3, 1),
            factors=[factor(1)],
            is_quick_win=True,
        ),
        "day_after": WinFactory(
            compact=compact,
            title="Councillors' briefing",
            published_at=local(2026, 7, 1, 0, 10),
            happened_on=datetime.date(2026, 6, 28),
            factors=[factor(3)],
        ),
        "draft": WinFactory(compact=compact, title="Not published yet", status="draft", factors=[factor(3)]),
    }


def build_assessments(compact, organisations):
    """Round 2025/26: Alpha (statutory) rates factor 1 Embedded and factor 2 Developing; Bravo (voluntary)
    factor 1 Established. Round 2026/27: Alpha factor 1 Established (submitted 30 June), Bravo factor 1
    Not in place (submitted 1 May).

    Factor 1 in 2026/27: (66.7 + 0) / 2 = 33.3, statutory 66.7, voluntary 0; in 2025/26: (100 + 66.7) / 2 = 83.3.
    Factor 2: none in 2026/27; 33.3 in 2025/26.
    """
    rounds = [
        ("2025/26", "alpha", {1: Level.EMBEDDED, 2: Level.DEVELOPING}, local(2025, 6, 10)),
        ("2025/26", "bravo", {1: Level.ESTABLISHED}, local(2025, 6, 10)),
        ("2026/27", "alpha", {1: Level.ESTABLISHED}, local(2026, 6, 30, 18)),
        ("2026/27", "bravo", {1: Level.NOT_IN_PLACE}, local(2026, 5, 1)),
    ]
    for round_name, key, levels, submitted_at in rounds:
        assessment = submitted_assessment(
            compact=compact, organisation=organisations[key], round_name=round_name, levels=levels
        )
        type(assessment).objects.filter(pk=assessment.pk).update(submitted_at=submitted_at)


def build_actions(compact):
    """Factor 1: one open. Factor 3: one overdue, one in progress, one done. Factor 6: one dropped (not counted)."""
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    for number, status, due_on in [
        (1, ActionStatus.OPEN, today + 100 * day),
        (3, ActionStatus.OPEN, today - day),
        (3, ActionStatus.IN_PROGRESS, today + day),
        (3, ActionStatus.DONE, today - 10 * day),
        (6, ActionStatus.DROPPED, today - 10 * day),
    ]:
        factories.ActionFactory(compact=compact, factor=factor(number), status=status, due_on=due_on)


def build_other_compact():
    """Another compact's signatory, endorsement and win inside the period: never counted."""
    other = factories.CompactFactory(name="Elsewhere Compact", adopted_on=datetime.date(2019, 4, 1))
    organisation = sign(other, "Elsewhere Trust", Sector.VOLUNTARY, START)
    factories.EndorsementFactory(compact=other, organisation=organisation, endorsed_on=START)
    WinFactory(compact=other, published_at=local(2026, 5, 1))
    return other


def build_everything(compact):
    organisations = build_register(compact)
    build_endorsements(compact, organisations["alpha"])
    wins = build_wins(compact)
    build_assessments(compact, organisations)
    build_actions(compact)
    build_other_compact()
    return organisations, wins


def draft_report(compact, officer, *, start=START, end=END, **commentary):
    report = services.create_report(compact=compact, start=start, end=end, by=officer)
    if commentary:
        fields = {"title": report.title, "highlighted_wins": report.highlighted_wins.all(), **commentary}
        report = services.update_report(report=report, by=officer, **fields)
    return report


def published_report(compact, officer, **kwargs):
    kwargs.setdefault("summary", "A good quarter for the Compact.")
    return services.publish_report(report=draft_report(compact, officer, **kwargs), by=officer)
