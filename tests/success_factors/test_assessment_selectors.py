"""Reads behind the self-assessment pages: the current round, progress in the list, answers by factor."""

import datetime

import pytest
from django.utils import timezone

from success_factors.models import Indicator, Level, Rating
from success_factors.selectors import answers_by_factor, completed_factor_counts, current_round, progress
from tests import factories

from .builders import first_indicator, rate_everything


@pytest.mark.parametrize(
    "today,round_name",
    [
        (datetime.date(2026, 11, 25), "2026/27"),
        (datetime.date(2026, 4, 1), "2026/27"),  # a new financial year starts in April
        (datetime.date(2026, 3, 31), "2025/26"),
        (datetime.date(2027, 1, 15), "2026/27"),
        (datetime.date(2099, 6, 1), "2099/00"),  # the century rolls over in the short form
    ],
)
def test_current_round_is_the_financial_year(today, round_name):
    assert current_round(today) == round_name


def rate_factor(assessment, number, level):
    for indicator in Indicator.objects.filter(factor__number=number, retired_on__isnull=True):
        factories.RatingFactory(assessment=assessment, indicator=indicator, level=level)


def test_completed_factor_counts_only_factors_with_every_statement_answered(db):
    assessment = factories.AssessmentFactory()
    rate_factor(assessment, 1, Level.ESTABLISHED)
    rate_factor(assessment, 2, Level.DONT_KNOW)  # Don't know is an answer
    factories.RatingFactory(assessment=assessment, indicator=first_indicator(3), level=Level.EMBEDDED)
    rate_factor(assessment, 4, None)  # evidence typed, no level yet
    untouched = factories.AssessmentFactory(organisation=assessment.organisation, round="2025/26")

    counts = completed_factor_counts([assessment, untouched])

    assert counts == {assessment.pk: 2, untouched.pk: 0}
    assert sum(row["state"] == "Completed" for row in progress(assessment)) == 2


def test_completed_factor_counts_a_retired_indicator_the_assessment_rated(db):
    assessment = factories.AssessmentFactory()
    rate_factor(assessment, 1, Level.ESTABLISHED)
    retired = first_indicator(1)
    retired.retired_on = timezone.localdate()
    retired.save()
    Rating.objects.filter(indicator=retired).update(level=None)

    assert completed_factor_counts([assessment]) == {assessment.pk: 0}


def test_completed_factor_counts_runs_two_queries_for_a_page(db, django_assert_num_queries):
    assessments = [factories.AssessmentFactory(round=f"20{n}/{n + 1}") for n in range(10, 20)]
    for assessment in assessments:
        rate_everything(assessment, Level.DEVELOPING)

    with django_assert_num_queries(2):
        counts = completed_factor_counts(assessments)

    assert set(counts.values()) == {7}


def test_answers_by_factor_gives_every_statement_with_its_rating(db):
    assessment = factories.AssessmentFactory()
    rating = factories.RatingFactory(assessment=assessment, indicator=first_indicator(2), level=Level.EMBEDDED)

    groups = answers_by_factor(assessment)

    assert [group.factor.number for group in groups] == [1, 2, 3, 4, 5, 6, 7]
    answers = groups[1].answers
    assert answers[0].rating == rating and answers[0].is_answered
    assert [answer.rating for answer in answers[1:]] == [None] * (len(answers) - 1)
    assert len(groups[1].unanswered) == len(answers) - 1
    assert groups[1].score == 100
    assert groups[0].score is None


def test_answers_by_factor_runs_a_fixed_number_of_queries(db, django_assert_num_queries):
    assessment = factories.AssessmentFactory()
    rate_everything(assessment, Level.ESTABLISHED)

    with django_assert_num_queries(4):
        answers_by_factor(assessment)
