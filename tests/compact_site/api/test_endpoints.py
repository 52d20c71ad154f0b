"""Read every endpoint with a key, check each answer against the OpenAPI schema, and check the schema itself."""

import datetime

import pytest
from openapi_schema_validator import OAS31Validator, validate
from openapi_spec_validator import validate as validate_spec

from compact_site.api import services
from success_factors.models import ActionStatus
from tests import factories
from tests.compact_site.public.builders import build_world
from tests.wins.factories import WinFactory

ENDPOINTS = ["organisations", "champions", "rounds", "wins", "actions", "reports"]


@pytest.fixture
def world(compact):
    return build_world(compact)


def get(client, world, path, **params):
    return client.get(path, params, HTTP_AUTHORIZATION=f"Bearer {world.key}")


def test_the_openapi_schema_is_valid(world, client):
    schema = client.get("/api/v1/openapi.json").json()
    validate_spec(schema)
    assert {path.rsplit("/", 1)[-1] for path in schema["paths"]} == set(ENDPOINTS)
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}


def test_every_endpoint_answers_as_the_schema_says(world, client):
    schema = client.get("/api/v1/openapi.json").json()
    for endpoint in ENDPOINTS:
        response = get(client, world, f"/api/v1/{endpoint}")
        assert response.status_code == 200, endpoint
        answer = schema["paths"][f"/api/v1/{endpoint}"]["get"]["responses"]["200"]["content"]["application/json"]
        validate(response.json(), {**answer["schema"], "components": schema["components"]}, cls=OAS31Validator)
        assert response.json()["results"], f"{endpoint} gave nothing to check"


def test_errors_answer_as_the_schema_says(world, client):
    schema = client.get("/api/v1/openapi.json").json()
    error_schema = {"$ref": "#/components/schemas/Error", "components": schema["components"]}
    validate(get(client, world, "/api/v1/wins", limit="lots").json(), error_schema, cls=OAS31Validator)
    validate(client.get("/api/v1/wins").json(), error_schema, cls=OAS31Validator)


def test_organisations_say_whether_they_have_signed(world, client):
    factories.OrganisationFactory(name="Not Yet Signed")
    results = {row["name"]: row for row in get(client, world, "/api/v1/organisations").json()["results"]}
    assert results["Riverside Food Bank"]["signature"] == {"status": "signed", "signed_on": "2022-04-01",
                                                            "withdrawn_on": None}
    assert results["Old Mill Trust"]["signature"] == {"status": "withdrawn", "signed_on": "2021-01-05",
                                                       "withdrawn_on": "2023-02-01"}
    assert results["Not Yet Signed"]["signature"]["status"] == "not_signed"


def test_rounds_give_the_partnership_score_per_factor(world, client):
    [round_] = get(client, world, "/api/v1/rounds").json()["results"]
    assert round_["round"] == "2025/26" and round_["organisations_responded"] == 1
    assert round_["factors"][0] == {"factor_number": 1, "factor_title": "Outcomes focus", "score": 66.7,
                                    "organisations_scored": 1}
    assert round_["factors"][1]["score"] is None


def test_wins_are_only_published_ones(world, client):
    titles = {row["title"]: row for row in get(client, world, "/api/v1/wins").json()["results"]}
    assert set(titles) == {"The shared minibus", "SECRET-UNSHOWN-WIN"}
    assert titles["The shared minibus"]["shown_on_public_site"] is True
    assert titles["SECRET-UNSHOWN-WIN"]["shown_on_public_site"] is False
    assert titles["The shared minibus"]["organisations"] == [
        {"id": world.organisation.pk, "name": "Riverside Food Bank"}
    ]


def test_actions_name_the_owning_organisation_not_the_person(world, client):
    [action] = get(client, world, "/api/v1/actions").json()["results"]
    assert action["owner_organisation"] == {"id": world.organisation.pk, "name": "Riverside Food Bank"}
    assert action["status"] == ActionStatus.OPEN and action["overdue"] is False
    assert "owner_name" not in action


def test_reports_are_published_ones_with_their_frozen_figures(world, client):
    results = get(client, world, "/api/v1/reports").json()["results"]
    assert {row["id"] for row in results} == {world.public_report.pk, world.private_report.pk}
    public = next(row for row in results if row["id"] == world.public_report.pk)
    assert public["figures"] == {
        **world.public_report.snapshot["figures"],
        "endorsements": {
            **world.public_report.snapshot["figures"]["endorsements"],
            "in_period": [{"position": "Leader of the Council", "organisation": "Riverside Food Bank",
                           "kind": "Elected member", "endorsed_on": "2026-02-01"}],
        },
    }
    assert public["commentary"]["summary"] == "A good quarter for the partnership."
    assert public["shown_on_public_site"] is True and public["status"] == "published"


def test_cursor_paging_gives_every_row_once(world, client):
    for number in range(7):
        WinFactory(compact=world.compact, title=f"Paged win {number}")
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        body = get(client, world, "/api/v1/wins", **params).json()
        seen += [row["id"] for row in body["results"]]
        pages += 1
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert pages == 3 and len(seen) == 9 and len(set(seen)) == 9


def test_filtering_by_date(world, client):
    WinFactory(compact=world.compact, title="Spring win", happened_on=datetime.date(2026, 5, 1))
    body = get(client, world, "/api/v1/wins", date_from="2026-04-01", date_to="2026-05-31").json()
    assert [row["title"] for row in body["results"]] == ["Spring win"]
    body = get(client, world, "/api/v1/organisations", date_to="2021-12-31").json()
    assert [row["name"] for row in body["results"]] == ["Old Mill Trust"]
    body = get(client, world, "/api/v1/reports", date_from="2026-03-31").json()
    assert [row["id"] for row in body["results"]] == [world.public_report.pk]


@pytest.mark.parametrize("params,parameter", [
    ({"limit": "lots"}, "limit"),
    ({"limit": 0}, "limit"),
    ({"limit": 201}, "limit"),
    ({"date_from": "2026-13-01"}, "date_from"),
    ({"date_to": "yesterday"}, "date_to"),
    ({"cursor": "not-a-cursor"}, "cursor"),
    ({"cursor": "YWZ0ZXI6eA"}, "cursor"),  # "after:x"
    ({"date_from": "2026-05-01", "date_to": "2026-04-01"}, "date_to"),
])
def test_bad_parameters_answer_400_with_a_clear_json_error(params, parameter, world, client):
    for endpoint in ("wins", "organisations", "actions", "reports", "champions"):
        if endpoint == "champions" and parameter == "date_to" and "date_from" in params:
            continue  # champions have no date to filter on
        response = get(client, world, f"/api/v1/{endpoint}", **params)
        assert response.status_code == 400, (endpoint, params, response.content)
        body = response.json()
        assert body["error"] == "bad_request"
        assert parameter in [detail["parameter"] for detail in body["details"]]
        assert parameter in body["message"]


def test_unknown_addresses_answer_json_404(world, client):
    response = get(client, world, "/api/v1/nothing-here")
    assert response.status_code == 404


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_list_endpoints_run_a_fixed_number_of_queries(endpoint, world, client, django_assert_max_num_queries):
    get(client, world, f"/api/v1/{endpoint}")  # last_used_at is written at most once a minute: not in the count
    with django_assert_max_num_queries(6) as small:
        get(client, world, f"/api/v1/{endpoint}")
    for number in range(12):
        organisation = factories.OrganisationFactory()
        factories.SignatureFactory(compact=world.compact, organisation=organisation)
        factories.ChampionFactory(organisation=organisation)
        WinFactory(compact=world.compact, organisations=[organisation])
        factories.ActionFactory(compact=world.compact, owner_organisation=organisation)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = get(client, world, f"/api/v1/{endpoint}")
    assert response.status_code == 200


def test_champion_names_cost_no_query_per_organisation(world, client, django_assert_max_num_queries):
    _, key = services.create_token(name="Network", by=world.officer, can_see_names=True)
    for number in range(10):
        factories.ChampionFactory(organisation=factories.OrganisationFactory())
    client.get("/api/v1/champions", HTTP_AUTHORIZATION=f"Bearer {key}")
    with django_assert_max_num_queries(4):
        client.get("/api/v1/champions", HTTP_AUTHORIZATION=f"Bearer {key}")
