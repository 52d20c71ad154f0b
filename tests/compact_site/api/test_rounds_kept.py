"""The rounds endpoint keeps its sums of every round's scores, and answers afresh after any change they depend on."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from success_factors import services as assessment_services
from success_factors.models import Assessment, Factor
from tests import factories
from tests.compact_site.public.builders import build_world
from tests.success_factors.builders import rate_everything, signed_organisation, submitted_assessment


@pytest.fixture
def world(compact):
    return build_world(compact)


def rounds(client, world):
    response = client.get("/api/v1/rounds", HTTP_AUTHORIZATION=f"Bearer {world.key}")
    assert response.status_code == 200
    return {row["round"]: row for row in response.json()["results"]}


def queries(client, world):
    with CaptureQueriesContext(connection) as captured:
        rounds(client, world)
    return len(captured)


def test_a_submission_a_reopening_and_a_new_factor_title_show_at_once(world, client, officer):
    assert rounds(client, world)["2025/26"]["organisations_responded"] == 1

    draft = factories.AssessmentFactory(
        compact=world.compact, round="2025/26", organisation=signed_organisation(world.compact, name="Alder Trust")
    )
    rate_everything(draft, 4)
    assessment_services.submit_assessment(assessment=draft, by=officer)
    submitted = rounds(client, world)["2025/26"]
    assert submitted["organisations_responded"] == 2
    assert submitted["factors"][1] == {
        "factor_number": 2,
        "factor_title": "Establish the right structures",
        "score": 100.0,
        "organisations_scored": 1,
    }

    assessment_services.reopen_assessment(assessment=draft, by=officer, reason="A wrong answer")
    assert rounds(client, world)["2025/26"]["organisations_responded"] == 1
    assert rounds(client, world)["2025/26"]["factors"][1]["score"] is None

    factor = Factor.objects.get(number=2)
    factor.title = "Structures"
    factor.save()
    assert rounds(client, world)["2025/26"]["factors"][1]["factor_title"] == "Structures"

    Assessment.objects.get(organisation__name="Riverside Food Bank").delete()
    assert "2025/26" not in rounds(client, world)


def test_the_kept_answer_costs_the_same_queries_however_many_assessments(world, client):
    rounds(client, world)  # last_used_at is written at most once a minute: not in the count
    rounds(client, world)
    few = queries(client, world)

    for number in range(20):
        organisation = signed_organisation(world.compact, name=f"Trust {number}")
        for round_name in ("2024/25", "2025/26"):
            submitted_assessment(
                compact=world.compact, organisation=organisation, round_name=round_name, levels={1: 2, 3: 4}
            )
    rounds(client, world)

    assert queries(client, world) == few
    assert rounds(client, world)["2024/25"]["organisations_responded"] == 20
