"""The selectors behind the factor pages and the comparison: factor_trend, weakest_factors, open_action_counts."""

import pytest

from success_factors.models import ActionStatus, Level
from success_factors.selectors import (
    FactorResult,
    PartnershipResults,
    assessment_comparison,
    factor_trend,
    factors,
    open_action_counts,
)
from tests import factories

from .builders import factor, rate_everything, signed_organisation, submitted_assessment

pytestmark = pytest.mark.django_db


def test_factor_trend_gives_each_round_oldest_first(compact):
    organisation = signed_organisation(compact)
    submitted_assessment(compact=compact, organisation=organisation, round_name="2026/27", levels={2: Level.EMBEDDED})
    submitted_assessment(compact=compact, organisation=organisation, round_name="2025/26", levels={2: Level.DEVELOPING})

    trend = factor_trend(compact=compact, factor=factor(2))

    assert [(p.round, round(p.score), p.previous_score is None) for p in trend] == [
        ("2025/26", 33, True),
        ("2026/27", 100, False),
    ]


def test_factor_trend_has_no_score_for_a_round_of_dont_knows(compact):
    organisation = signed_organisation(compact)
    submitted_assessment(compact=compact, organisation=organisation, round_name="2026/27", levels={2: Level.DONT_KNOW})

    (point,) = factor_trend(compact=compact, factor=factor(2))

    assert (point.round, point.score, point.respondents) == ("2026/27", None, 0)


def test_factor_trend_ignores_drafts(compact):
    factories.RatingFactory(
        assessment=factories.AssessmentFactory(compact=compact), indicator=factor(2).indicators.first()
    )

    assert factor_trend(compact=compact, factor=factor(2)) == []


def test_factor_trend_runs_one_query_however_many_organisations(compact, django_assert_num_queries):
    for round_name in ("2024/25", "2025/26", "2026/27"):
        for _ in range(4):
            assessment = submitted_assessment(
                compact=compact, organisation=signed_organisation(compact), round_name=round_name
            )
            rate_everything(assessment, Level.ESTABLISHED)
    resourcing = factor(5)

    with django_assert_num_queries(1):
        trend = factor_trend(compact=compact, factor=resourcing)

    assert [p.respondents for p in trend] == [4, 4, 4]


def test_weakest_factors_includes_ties():
    rows = [
        FactorResult(factor=f, score=score)
        for f, score in zip(factors(), [50, 33.3, 33.4, None, 80, 90, 70], strict=False)
    ]

    weakest = PartnershipResults(round="2026/27", previous_round=None, factors=rows).weakest_factors

    assert [r.factor.number for r in weakest] == [2, 3]


def test_open_action_counts_only_open_and_in_progress(compact):
    factories.ActionFactory(compact=compact, factor=factor(3))
    factories.ActionFactory(compact=compact, factor=factor(3), status=ActionStatus.IN_PROGRESS)
    factories.ActionFactory(compact=compact, factor=factor(3), status=ActionStatus.DROPPED)

    assert open_action_counts(compact=compact) == {factor(3).pk: 2}


def test_assessment_comparison_runs_a_fixed_number_of_queries(compact, django_assert_num_queries):
    organisation = signed_organisation(compact)
    earlier = submitted_assessment(compact=compact, organisation=organisation, round_name="2025/26")
    later = submitted_assessment(compact=compact, organisation=organisation, round_name="2026/27")
    rate_everything(earlier, Level.DEVELOPING)
    rate_everything(later, Level.EMBEDDED)

    with django_assert_num_queries(4):
        _, _, rows = assessment_comparison(assessment=later, other=earlier)

    assert all(len(row.indicators) >= 3 for row in rows)
