"""Each submitted assessment keeps its seven factor results, so the partnership results add up a few rows per
organisation. The kept results must always say what the ratings say: these tests compare them."""

import importlib
from statistics import mean

import pytest
from django.apps import apps
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signatories.models import Sector
from success_factors.models import Assessment, AssessmentStatus, FactorScore, Indicator, Level, Rating
from success_factors.selectors import factor_scores, level_score, partnership_results
from success_factors.services import submit_assessment
from tests import factories
from tests.conftest import client_for

from .builders import rate_everything, signed_organisation

FIRST_LEVEL = Level.DEVELOPING


def kept_scores(assessment):
    """{factor number: score} from the kept results, on the same 0–100 scale as ``factor_scores``."""
    return {
        row.factor.number: None if row.mean_level is None else (row.mean_level - 1) / 3 * 100
        for row in FactorScore.objects.filter(assessment=assessment).select_related("factor")
    }


@pytest.fixture
def trust(compact):
    return signed_organisation(compact, name="Riverside Trust", sector=Sector.VOLUNTARY)


@pytest.fixture
def chris_client(trust):
    return client_for(factories.champion_user(organisation=trust, username="chris"))


@pytest.fixture
def complete_draft(compact, trust):
    assessment = Assessment.objects.create(compact=compact, organisation=trust, round="2026/27")
    rate_everything(assessment, FIRST_LEVEL)
    # Some variety: factor 1 all "Don't know" (no score), factor 2 one statement higher.
    Rating.objects.filter(assessment=assessment, indicator__factor__number=1).update(level=Level.DONT_KNOW)
    first_of_two = Indicator.objects.filter(factor__number=2).order_by("order", "id").first()
    Rating.objects.filter(assessment=assessment, indicator=first_of_two).update(level=Level.EMBEDDED)
    return assessment


def submit(client, assessment):
    response = client.post(reverse("success_factors:assessment_submit", args=[assessment.pk]))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED


def test_submitting_keeps_the_seven_factor_scores_the_ratings_give(complete_draft, chris_client):
    assert not FactorScore.objects.filter(assessment=complete_draft).exists()

    submit(chris_client, complete_draft)

    kept = kept_scores(complete_draft)
    assert kept == factor_scores(complete_draft)
    assert kept[1] is None and kept[3] == pytest.approx(level_score(FIRST_LEVEL))
    assert kept[2] > kept[3]


def test_reopening_drops_the_kept_scores_and_resubmitting_keeps_the_new_ones(
    compact, complete_draft, chris_client, officer_client
):
    submit(chris_client, complete_draft)
    assert partnership_results(compact=compact).factors[2].respondents == 1

    response = officer_client.post(
        reverse("success_factors:assessment_reopen", args=[complete_draft.pk]), {"reason": "Factor 3 was wrong"}
    )
    assert response.status_code == 302
    assert not FactorScore.objects.filter(assessment=complete_draft).exists()
    assert partnership_results(compact=compact).round is None  # nothing submitted now

    Rating.objects.filter(assessment=complete_draft, indicator__factor__number=3).update(level=Level.EMBEDDED)
    submit(chris_client, complete_draft)

    assert kept_scores(complete_draft)[3] == 100
    assert partnership_results(compact=compact).factors[2].score == 100


def test_the_migration_back_fills_what_submitting_would_have_kept(complete_draft, chris_client):
    submit(chris_client, complete_draft)
    expected = kept_scores(complete_draft)
    FactorScore.objects.all().delete()

    migration = importlib.import_module("success_factors.migrations.0003_factor_scores")
    migration.keep_scores_of_submitted_assessments(apps, None)

    assert kept_scores(complete_draft) == expected


def naive_results(compact, round_name):
    """The partnership scores straight from the ratings, the long way round, as DESIGN.md defines them:
    per factor, the mean over organisations of each organisation's mean scored level (as 0–100)."""
    by_factor = {}
    for assessment in Assessment.objects.filter(compact=compact, round=round_name, status=AssessmentStatus.SUBMITTED):
        for number, score in factor_scores(assessment).items():
            if score is not None:
                by_factor.setdefault(number, {"all": [], assessment.organisation.sector: []})
                by_factor[number]["all"].append(score)
                by_factor[number].setdefault(assessment.organisation.sector, []).append(score)
    return by_factor


levels = st.sampled_from([Level.DONT_KNOW, Level.NOT_IN_PLACE, Level.DEVELOPING, Level.ESTABLISHED, Level.EMBEDDED])
organisations = st.lists(
    st.tuples(
        st.sampled_from([Sector.STATUTORY, Sector.VOLUNTARY]), st.lists(levels, min_size=7, max_size=7), st.booleans()
    ),
    min_size=1,
    max_size=5,
)


@pytest.mark.django_db
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(organisations=organisations)
def test_partnership_results_from_kept_scores_match_the_ratings(organisations):
    compact = factories.CompactFactory()
    first_of_each = {
        number: Indicator.objects.filter(factor__number=number, retired_on__isnull=True).order_by("order", "id").first()
        for number in range(1, 8)
    }
    for sector, factor_levels, submitted in organisations:
        organisation = signed_organisation(compact, sector=sector)
        assessment = Assessment.objects.create(compact=compact, organisation=organisation, round="2026/27")
        rate_everything(assessment, Level.DEVELOPING)
        for number, level in enumerate(factor_levels, start=1):
            Rating.objects.filter(assessment=assessment, indicator=first_of_each[number]).update(level=level)
        if submitted:
            submit_assessment(assessment=assessment, by=None)

    expected = naive_results(compact, "2026/27")
    results = partnership_results(compact=compact, round_name="2026/27")

    for result in results.factors:
        groups = expected.get(result.factor.number, {})
        assert result.respondents == len(groups.get("all", []))
        for value, key in (
            (result.score, "all"),
            (result.statutory, Sector.STATUTORY),
            (result.voluntary, Sector.VOLUNTARY),
        ):
            scores = groups.get(key)
            assert value == (pytest.approx(mean(scores)) if scores else None)


def test_ratings_changed_in_the_admin_keep_the_scores_true(complete_draft, chris_client, client):
    from tests.test_hostile_input import read_form

    submit(chris_client, complete_draft)
    admin = factories.UserFactory(username="tech", is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = reverse("admin:success_factors_assessment_change", args=[complete_draft.pk])
    form = read_form(client.get(url))
    data = {name: values[0] for name, values in form["fields"].items()}
    factor_three = {str(pk) for pk in Indicator.objects.filter(factor__number=3).values_list("pk", flat=True)}
    for name, value in list(data.items()):
        if name.endswith("-indicator") and value in factor_three:
            data[name.replace("-indicator", "-level")] = str(int(Level.EMBEDDED))
    data.update({"reopened_by": "", "submitted_by": "", "started_by": "", "_save": "Save"})

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert kept_scores(complete_draft)[3] == 100
    assert kept_scores(complete_draft) == factor_scores(complete_draft)
