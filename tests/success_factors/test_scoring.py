"""Scores worked out by hand: a level of 1–4 maps to (level − 1) / 3 × 100; "Don't know" is not scored."""

import pytest

from success_factors.models import Indicator, Level
from success_factors.selectors import factor_scores, level_score
from tests import factories


@pytest.mark.parametrize(
    "level,score",
    [
        (Level.NOT_IN_PLACE, 0),
        (Level.DEVELOPING, 100 / 3),  # 33.3
        (Level.ESTABLISHED, 200 / 3),  # 66.7
        (Level.EMBEDDED, 100),
        (Level.DONT_KNOW, None),
        (None, None),
    ],
)
def test_level_score(level, score):
    assert level_score(level) == (None if score is None else pytest.approx(score))


def rate_factor_one(assessment, levels):
    """Rate factor 1's first indicators with ``levels``, in order."""
    indicators = Indicator.objects.filter(factor__number=1).order_by("order", "id")
    for indicator, level in zip(indicators, levels, strict=False):
        factories.RatingFactory(assessment=assessment, indicator=indicator, level=level)


@pytest.mark.parametrize(
    "levels,score",
    [
        ([Level.NOT_IN_PLACE, Level.DEVELOPING, Level.EMBEDDED], (0 + 100 / 3 + 100) / 3),  # 44.4
        ([Level.EMBEDDED, Level.DONT_KNOW], 100),  # Don't know is left out, not counted as 0
        ([Level.DEVELOPING, Level.ESTABLISHED, None], 50),  # nor is an unanswered statement
        ([Level.DONT_KNOW, Level.DONT_KNOW], None),  # nothing scored: not enough evidence
        ([], None),
    ],
)
def test_factor_score(db, levels, score):
    assessment = factories.AssessmentFactory()
    rate_factor_one(assessment, levels)

    scores = factor_scores(assessment)

    assert scores[1] == (None if score is None else pytest.approx(score))
    assert [scores[n] for n in range(2, 8)] == [None] * 6


def test_levels_1_2_4_score_44_as_people_see_it(db):
    from success_factors.wording import score_text

    assessment = factories.AssessmentFactory()
    rate_factor_one(assessment, [Level.NOT_IN_PLACE, Level.DEVELOPING, Level.EMBEDDED])

    assert score_text(factor_scores(assessment)[1]) == "44"
