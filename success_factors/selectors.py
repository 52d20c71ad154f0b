"""Reads for the self-assessment: scores, partnership results, progress and the action plan.

Scoring rules (DESIGN.md): a rating of level 1–4 maps to (level − 1) / 3 × 100; "Don't know" is not
scored. A factor's score for one assessment is the mean over its scored ratings, or None ("not enough
evidence") when it has none. A partnership factor score for a round is the mean of the organisations'
factor scores in their submitted assessments of that round.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict, TypeVar

from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from signatories import caching
from signatories.models import Compact, Sector
from signatories.selectors import active_signatories

from .models import OPEN_STATUSES, Action, Assessment, AssessmentStatus, Factor, FactorScore, Indicator, Level, Rating
from .percentages import percent
from .wording import whole

if TYPE_CHECKING:
    from .rounds.selectors import Response

T = TypeVar("T")


def level_score(level: int | None) -> float | None:
    """A level of 1–4 as a score of 0–100; None for "Don't know" or no answer."""
    if level is None or level == Level.DONT_KNOW:
        return None
    return (level - 1) / 3 * 100


def score_from_mean_level(mean_level: float | None) -> float | None:
    # The mapping is linear, so the mean of the scores is the score of the mean level.
    return None if mean_level is None else (mean_level - 1) / 3 * 100


def factors() -> list[Factor]:
    return list(Factor.objects.all())


def indicators_for(assessment: Assessment) -> QuerySet[Indicator]:
    """The indicators an assessment answers: every current one, plus retired ones it has already rated."""
    return (
        Indicator.objects.filter(Q(retired_on__isnull=True) | Q(ratings__assessment=assessment))
        .select_related("factor")
        .distinct()
    )


def factor_scores(assessment: Assessment) -> dict[int, float | None]:
    """{factor number: score or None} for one assessment, in one query."""
    rows = (
        Rating.objects.filter(assessment=assessment, level__gte=Level.NOT_IN_PLACE)
        .values("indicator__factor__number")
        .annotate(mean_level=Avg("level"))
    )
    scores: dict[int, float | None] = {number: None for number in range(1, 8)}
    for row in rows:
        scores[row["indicator__factor__number"]] = score_from_mean_level(row["mean_level"])
    return scores


def mean_levels(assessment_ids: Iterable[int]) -> dict[tuple[int, int], float]:
    """{(assessment id, factor id): mean scored level} for these assessments, in one query.

    A factor with no scored level (only "Don't know" or nothing) is missing from the result.
    """
    rows = (
        Rating.objects.filter(assessment_id__in=assessment_ids, level__gte=Level.NOT_IN_PLACE)
        .values_list("assessment_id", "indicator__factor_id")
        .annotate(mean_level=Avg("level"))
        .order_by()
    )
    return {(assessment_id, factor_id): mean_level for assessment_id, factor_id, mean_level in rows}


class FactorProgress(TypedDict):
    factor: Factor
    answered: int
    total: int
    state: str


def progress(assessment: Assessment) -> list[FactorProgress]:
    """Per factor: how many of its indicators have an answer, for the assessment's progress list."""
    indicator_counts: defaultdict[int, int] = defaultdict(int)
    for indicator in indicators_for(assessment):
        indicator_counts[indicator.factor_id] += 1
    answered = dict(
        Rating.objects.filter(assessment=assessment, level__isnull=False)
        .values_list("indicator__factor_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows: list[FactorProgress] = []
    for factor in factors():
        total = indicator_counts.get(factor.pk, 0)
        done = answered.get(factor.pk, 0)
        state = "Completed" if total and done >= total else ("In progress" if done else "Not started")
        rows.append({"factor": factor, "answered": done, "total": total, "state": state})
    return rows


def unanswered_indicators(assessment: Assessment) -> QuerySet[Indicator]:
    answered = Rating.objects.filter(assessment=assessment, level__isnull=False).values("indicator_id")
    return indicators_for(assessment).exclude(pk__in=answered)


def rounds(*, compact: Compact | None) -> list[str]:
    """Rounds with at least one submitted assessment, newest first."""
    return list(
        Assessment.objects.filter(compact=compact, status=AssessmentStatus.SUBMITTED)
        .order_by("-round")
        .values_list("round", flat=True)
        .distinct()
    )


def previous_round(round_name: str, all_rounds: Iterable[str]) -> str | None:
    earlier = [r for r in all_rounds if r < round_name]
    return max(earlier) if earlier else None


@dataclass
class FactorResult:
    factor: Factor
    score: float | None = None
    previous_score: float | None = None
    statutory: float | None = None
    voluntary: float | None = None
    respondents: int = 0

    @property
    def change(self) -> float | None:
        if self.score is None or self.previous_score is None:
            return None
        return self.score - self.previous_score

    @property
    def gap(self) -> float | None:
        """Statutory minus voluntary-and-community score: positive when statutory partners rate it higher."""
        if self.statutory is None or self.voluntary is None:
            return None
        return self.statutory - self.voluntary


@dataclass
class PartnershipResults:
    round: str | None
    previous_round: str | None
    factors: list = field(default_factory=list)
    responded: int = 0
    signatories: int = 0

    @property
    def response_rate(self) -> int | None:
        return percent(self.responded, self.signatories)

    @property
    def weakest(self) -> FactorResult | None:
        scored = [r for r in self.factors if r.score is not None]
        return min(scored, key=lambda r: r.score) if scored else None

    @property
    def weakest_factors(self) -> list[FactorResult]:
        """Every factor sharing the lowest whole-number score, as people see it (ties are all weakest)."""
        scored = [r for r in self.factors if r.score is not None]
        if not scored:
            return []
        lowest = min(whole(r.score) for r in scored)
        return [r for r in scored if whole(r.score) == lowest]


# The partnership's sums of factor scores and its response counts grow with the organisations and the rounds:
# they are cached until a score, an assessment, a signature or an organisation changes.
def cached_scores(name: str, compute: Callable[[], T]) -> T:
    """``compute()``'s answer, cached until the scores or the register change (``signatories.caching``)."""
    return caching.cached(f"factor-scores:{name}", [caching.SCORES, caching.REGISTER, caching.FACTORS], compute)


def partnership_results(
    *, compact: Compact | None, round_name: str | None = None, all_rounds: list[str] | None = None
) -> PartnershipResults:
    """The partnership picture for a round (default: the latest), compared with the round before.

    ``all_rounds`` (``rounds()``'s answer) saves a query when the caller has it. Runs a fixed number of
    queries however many organisations respond.
    """
    all_rounds = rounds(compact=compact) if all_rounds is None else all_rounds
    round_name = round_name or (all_rounds[0] if all_rounds else None)
    before = previous_round(round_name, all_rounds) if round_name else None
    results = PartnershipResults(round=round_name, previous_round=before)
    # Out of the current signatories, so the response rate never passes 100% after a withdrawal.
    responded = Exists(
        Assessment.objects.filter(
            compact=compact, round=round_name, status=AssessmentStatus.SUBMITTED, organisation=OuterRef("pk")
        )
    )
    counts = cached_scores(
        f"response:{getattr(compact, 'pk', None)}:{round_name}",
        lambda: active_signatories(compact=compact).aggregate(
            signatories=Count("pk"), responded=Count("pk", filter=Q(responded))
        ),
    )
    results.signatories, results.responded = counts["signatories"], counts["responded"]
    by_number = {}
    for factor in factors():
        by_number[factor.number] = FactorResult(factor=factor)
        results.factors.append(by_number[factor.number])
    if round_name is None:
        return results

    # Each submitted assessment's factor results are kept (FactorScore), so this adds up seven rows per
    # organisation in the database rather than every rating. Avg(score) = score(Avg(level)): it is linear.
    rows = cached_scores(
        f"partnership:{getattr(compact, 'pk', None)}:{round_name}:{before}",
        lambda: list(
            FactorScore.objects.filter(
                assessment__compact=compact,
                assessment__status=AssessmentStatus.SUBMITTED,
                assessment__round__in=[r for r in (round_name, before) if r],
            )
            .values_list("assessment__round", "factor__number", "assessment__organisation__sector")
            .annotate(total=Sum("mean_level"), scored=Count("mean_level"))
            .order_by()
        ),
    )
    # (round, factor number, sector or None) -> [sum of mean levels, count]
    sums: defaultdict[tuple[str, int, str | None], list[float]] = defaultdict(lambda: [0.0, 0])
    for round_key, number, sector, total, scored in rows:
        for key in ((round_key, number, None), (round_key, number, sector)):
            sums[key][0] += total or 0
            sums[key][1] += scored

    def score(round_key, number, sector=None):
        total, scored = sums.get((round_key, number, sector), (0, 0))
        return score_from_mean_level(total / scored) if scored else None

    for number, result in by_number.items():
        result.score = score(round_name, number)
        result.respondents = int(sums.get((round_name, number, None), (0, 0))[1])
        result.statutory = score(round_name, number, Sector.STATUTORY)
        result.voluntary = score(round_name, number, Sector.VOLUNTARY)
        if before:
            result.previous_score = score(before, number)
    return results


def actions_for_plan(*, compact: Compact | None) -> QuerySet[Action]:
    return Action.objects.filter(compact=compact).select_related("factor", "owner_organisation", "owner_user")


def overdue_q() -> Q:
    return Q(status__in=OPEN_STATUSES, due_on__lt=timezone.localdate())


def open_actions(*, compact: Compact | None, factor: Factor | None = None) -> QuerySet[Action]:
    actions = actions_for_plan(compact=compact).filter(status__in=OPEN_STATUSES)
    return actions.filter(factor=factor) if factor else actions


def open_action_counts(*, compact: Compact | None) -> dict[int, int]:
    """{factor id: number of open or in-progress actions} for the compact, in one query."""
    return dict(
        Action.objects.filter(compact=compact, status__in=OPEN_STATUSES)
        .values_list("factor_id")
        .annotate(n=Count("id"))
        .order_by()
    )


def factor_summaries(*, compact: Compact | None) -> tuple[str | None, list[tuple[FactorResult, int]]]:
    """The seven factors with their partnership results for the latest round and their open actions.

    Returns (latest round or None, [(FactorResult, open action count)]), in a fixed number of queries.
    """
    results = partnership_results(compact=compact)
    counts = open_action_counts(compact=compact)
    return results.round, [(result, counts.get(result.factor.pk, 0)) for result in results.factors]


@dataclass
class TrendPoint:
    round: str
    score: float | None
    respondents: int
    previous_score: float | None = None


def factor_trend(*, compact: Compact | None, factor: Factor) -> list[TrendPoint]:
    """The partnership score for one factor in every round with submitted assessments, oldest first.

    A round where nobody gave the factor a scored level has a score of None. One query.
    """
    rows = cached_scores(
        f"trend:{getattr(compact, 'pk', None)}:{factor.pk}",
        lambda: list(
            FactorScore.objects.filter(
                assessment__compact=compact, assessment__status=AssessmentStatus.SUBMITTED, factor=factor
            )
            .values_list("assessment__round")
            .annotate(total=Sum("mean_level"), scored=Count("mean_level"))
            .order_by()
        ),
    )
    scores = {
        round_name: (score_from_mean_level(total / scored) if scored else None, scored)
        for round_name, total, scored in rows
    }
    points, before = [], None
    for round_name in sorted(scores):
        point = TrendPoint(round_name, *scores[round_name], previous_score=before)
        points.append(point)
        before = point.score
    return points


def indicators_of(*, factor: Factor) -> QuerySet[Indicator]:
    """All of a factor's indicators, current and retired, each annotated with ``has_ratings``."""
    return factor.indicators.annotate(has_ratings=Exists(Rating.objects.filter(indicator=OuterRef("pk")))).order_by(
        "order", "id"
    )


def other_assessments(assessment: Assessment) -> QuerySet[Assessment]:
    """The same organisation's other self-assessments, newest round first."""
    return (
        Assessment.objects.filter(organisation_id=assessment.organisation_id)
        .exclude(pk=assessment.pk)
        .select_related("organisation", "compact")
        .order_by("-round", "-id")
    )


@dataclass
class IndicatorComparison:
    indicator: Indicator
    earlier: Rating | None
    later: Rating | None


@dataclass
class FactorComparison:
    factor: Factor
    earlier: float | None
    later: float | None
    indicators: list = field(default_factory=list)


def assessment_comparison(
    *, assessment: Assessment, other: Assessment
) -> tuple[Assessment, Assessment, list[FactorComparison]]:
    """Two assessments of one organisation side by side, earlier round first.

    Returns (earlier, later, [FactorComparison]): per factor both scores, and per indicator either
    assessment rated, both ratings (None where one was not rated). A fixed number of queries.
    """
    earlier, later = sorted([assessment, other], key=lambda a: (a.round, a.pk))
    earlier_scores, later_scores = factor_scores(earlier), factor_scores(later)
    ratings = {}
    indicators = {}
    for rating in Rating.objects.filter(assessment__in=[earlier, later]).select_related("indicator"):
        ratings[(rating.assessment_id, rating.indicator_id)] = rating
        indicators[rating.indicator_id] = rating.indicator
    rows = {}
    for factor in factors():
        rows[factor.pk] = FactorComparison(factor, earlier_scores[factor.number], later_scores[factor.number])
    for indicator in sorted(indicators.values(), key=lambda i: (i.order, i.pk)):
        rows[indicator.factor_id].indicators.append(
            IndicatorComparison(
                indicator, ratings.get((earlier.pk, indicator.pk)), ratings.get((later.pk, indicator.pk))
            )
        )
    return earlier, later, list(rows.values())


def current_round(today: datetime.date) -> str:
    """The financial-year round a date falls in: 25 November 2026 and 31 March 2027 are both in "2026/27"."""
    start = today.year if today.month >= 4 else today.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def completed_factor_counts(assessments: "Iterable[Assessment | Response]") -> dict[int, int]:
    """{assessment id: how many of the seven factors have every statement answered}, in two queries.

    Uses the same rule as ``progress``: a factor counts once each of its current indicators, and each
    retired one the assessment rated, has a level or "Don't know".
    """
    ids = [assessment.pk for assessment in assessments]
    current = dict(
        Indicator.objects.filter(retired_on__isnull=True).values_list("factor_id").annotate(n=Count("id")).order_by()
    )
    rows = (
        Rating.objects.filter(assessment_id__in=ids)
        .values("assessment_id", "indicator__factor_id")
        .annotate(
            answered=Count("id", filter=Q(level__isnull=False)),
            retired=Count("id", filter=Q(indicator__retired_on__isnull=False)),
        )
        .order_by()
    )
    counts = dict.fromkeys(ids, 0)
    for row in rows:
        total = current.get(row["indicator__factor_id"], 0) + row["retired"]
        if total and row["answered"] >= total:
            counts[row["assessment_id"]] += 1
    return counts


@dataclass
class Answer:
    indicator: Indicator
    rating: Rating | None

    @property
    def is_answered(self) -> bool:
        return self.rating is not None and self.rating.level is not None


@dataclass
class FactorAnswers:
    factor: Factor
    answers: list = field(default_factory=list)
    score: float | None = None

    @property
    def unanswered(self) -> list[Answer]:
        return [answer for answer in self.answers if not answer.is_answered]


def answers_by_factor(assessment: Assessment) -> list[FactorAnswers]:
    """The seven factors, each with its score and every indicator the assessment answers (with its rating
    or None), in a fixed number of queries."""
    ratings = {rating.indicator_id: rating for rating in Rating.objects.filter(assessment=assessment)}
    scores = factor_scores(assessment)
    groups = {factor.pk: FactorAnswers(factor, score=scores[factor.number]) for factor in factors()}
    for indicator in indicators_for(assessment).order_by("order", "id"):
        groups[indicator.factor_id].answers.append(Answer(indicator, ratings.get(indicator.pk)))
    return list(groups.values())
