"""Read every endpoint with a key, check each answer against the OpenAPI schema, and check the schema itself."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openapi_schema_validator import OAS31Validator, validate
from openapi_spec_validator import validate as validate_spec

from commitments import services as commitment_services
from commitments.models import Consultation
from compact_site.api import services
from success_factors.models import ActionStatus
from tests import factories
from tests.commitments.builders import consultation, statutory_body
from tests.compact_site.public.builders import build_world
from tests.wins.factories import WinFactory

ENDPOINTS = [
    "organisations",
    "champions",
    "rounds",
    "wins",
    "actions",
    "reports",
    "commitments",
    "boards",
    "pledges",
    "recommendations",
]


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
    assert results["Riverside Food Bank"]["signature"] == {
        "status": "signed",
        "signed_on": "2022-04-01",
        "withdrawn_on": None,
    }
    assert results["Old Mill Trust"]["signature"] == {
        "status": "withdrawn",
        "signed_on": "2021-01-05",
        "withdrawn_on": "2023-02-01",
    }
    assert results["Not Yet Signed"]["signature"]["status"] == "not_signed"


def test_rounds_give_the_partnership_score_per_factor(world, client):
    [round_] = get(client, world, "/api/v1/rounds").json()["results"]
    assert round_["round"] == "2025/26" and round_["organisations_responded"] == 1
    assert round_["factors"][0] == {
        "factor_number": 1,
        "factor_title": "Outcomes focus",
        "score": 66.7,
        "organisations_scored": 1,
    }
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


def test_pledges_are_totals_per_organisation_and_year(world, client):
    [pledge] = get(client, world, "/api/v1/pledges").json()["results"]
    assert pledge["organisation"] == {"id": world.organisation.pk, "name": "Riverside Food Bank"}
    assert (pledge["year"], pledge["hours_per_month"], pledge["money"], pledge["roles"]) == ("2026/27", 4, 500, 1)
    assert "agreed_by" not in pledge


def test_recommendations_with_their_responses(world, client):
    answered, waiting = get(client, world, "/api/v1/recommendations").json()["results"]
    assert answered["committee"]["kind"] == "scrutiny" and answered["report_id"] == world.public_report.pk
    assert (answered["response"], answered["responded_on"]) == ("partly_accepted", "2026-05-20")
    assert (waiting["response"], waiting["overdue"]) == (None, True)
    assert get(client, world, "/api/v1/recommendations", date_from="2026-05-01").json()["results"] == []


def test_reports_are_published_ones_with_their_frozen_figures(world, client):
    results = get(client, world, "/api/v1/reports").json()["results"]
    assert {row["id"] for row in results} == {world.public_report.pk, world.private_report.pk}
    public = next(row for row in results if row["id"] == world.public_report.pk)
    assert public["figures"] == {
        **world.public_report.snapshot["figures"],
        "endorsements": {
            **world.public_report.snapshot["figures"]["endorsements"],
            "in_period": [
                {
                    "position": "Leader of the Council",
                    "organisation": "Riverside Food Bank",
                    "kind": "Elected member",
                    "endorsed_on": "2026-02-01",
                }
            ],
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


@pytest.mark.parametrize(
    "params,parameter",
    [
        ({"limit": "lots"}, "limit"),
        ({"limit": 0}, "limit"),
        ({"limit": 201}, "limit"),
        ({"date_from": "2026-13-01"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "YWZ0ZXI6eA"}, "cursor"),  # "after:x"
        ({"date_from": "2026-05-01", "date_to": "2026-04-01"}, "date_to"),
    ],
)
def test_bad_parameters_answer_400_with_a_clear_json_error(params, parameter, world, client):
    for endpoint in ("wins", "organisations", "actions", "reports", "champions"):
        if endpoint == "champions" and parameter.startswith("date_"):
            continue  # champions have no date to filter on, and do not take one
        response = get(client, world, f"/api/v1/{endpoint}", **params)
        assert response.status_code == 400, (endpoint, params, response.content)
        body = response.json()
        assert body["error"] == "bad_request"
        assert parameter in [detail["parameter"] for detail in body["details"]]
        assert parameter in body["message"]


@pytest.mark.parametrize(
    "params,parameter,message",
    [
        ({"date_to": "0"}, "date_to", "Enter the date as YYYY-MM-DD, for example 2026-04-01"),
        ({"date_from": "20261207"}, "date_from", "Enter the date as YYYY-MM-DD, for example 2026-04-01"),
        ({"date_from": "2026-12-07T00:00:00"}, "date_from", "Enter the date as YYYY-MM-DD, for example 2026-04-01"),
        ({"date_from": "2026-02-30"}, "date_from", "Enter a real date as YYYY-MM-DD, for example 2026-04-01"),
        ({"limit": "5_0"}, "limit", "Enter a whole number in plain digits, for example 50"),
        ({"limit": "+5"}, "limit", "Enter a whole number in plain digits, for example 50"),
        ({"limit": " 5"}, "limit", "Enter a whole number in plain digits, for example 50"),
        ({"limit": "5.0"}, "limit", "Enter a whole number in plain digits, for example 50"),
    ],
)
def test_dates_and_numbers_are_read_only_in_their_plain_forms(params, parameter, message, world, client):
    response = get(client, world, "/api/v1/wins", **params)
    assert response.status_code == 400
    assert response.json()["details"] == [{"parameter": parameter, "message": message}]


def test_a_number_with_leading_zeros_is_still_plain_digits(world, client):
    assert get(client, world, "/api/v1/wins", limit="007").status_code == 200


def test_a_cursor_after_an_id_larger_than_any_gives_an_empty_page(world, client):
    from compact_site.api import paging

    body = get(client, world, "/api/v1/wins", cursor=paging.encode(10**30)).json()
    assert body == {"results": [], "next_cursor": None}


@pytest.mark.parametrize("path", ["/api/v1/nothing-here", "/api/v1/wins/", "/api/v2/wins", "/api/"])
def test_unknown_addresses_answer_json_404(path, world, client):
    response = get(client, world, path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == "not_found"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_other_methods_answer_json_405_with_the_methods_allowed(method, world, client):
    for path in ("/api/v1/wins", "/api/v1/openapi.json", "/api/v1/nothing-here"):
        response = getattr(client, method)(path, HTTP_AUTHORIZATION=f"Bearer {world.key}")
        assert response.status_code == 405, path
        assert response["Allow"] == "GET, HEAD"
        assert response.json()["error"] == "method_not_allowed"


def test_head_answers_wherever_get_does(world, client):
    for endpoint in ENDPOINTS:
        got = get(client, world, f"/api/v1/{endpoint}")
        head = client.head(f"/api/v1/{endpoint}", HTTP_AUTHORIZATION=f"Bearer {world.key}")
        assert head.status_code == 200, endpoint
        assert head["Content-Type"] == got["Content-Type"]
        assert head.content == b""
    assert client.head("/api/v1/wins").status_code == 401
    assert client.head("/api/v1/openapi.json").status_code == 200


def test_rounds_and_champions_advertise_only_the_parameters_they_use(world, client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert paths["/api/v1/rounds"]["get"]["parameters"] == []
    assert [p["name"] for p in paths["/api/v1/champions"]["get"]["parameters"]] == ["cursor", "limit"]


def test_before_a_compact_is_set_up_the_lists_answer_the_404_the_schema_documents(db, client):
    token, key = services.create_token(name="Early", by=factories.officer(username="early-officer"))
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for endpoint in ("organisations", "rounds", "wins", "actions", "reports", "commitments"):
        response = client.get(f"/api/v1/{endpoint}", HTTP_AUTHORIZATION=f"Bearer {key}")
        assert response.status_code == 404, endpoint
        documented = paths[f"/api/v1/{endpoint}"]["get"]["responses"]["404"]
        assert response.json()["message"] in documented["description"]
        assert documented["content"]["application/json"]["example"] == response.json()
        assert response.json()["message"].startswith("No Compact has been set up yet")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_list_endpoints_run_a_fixed_number_of_queries(endpoint, world, client, django_assert_max_num_queries):
    get(client, world, f"/api/v1/{endpoint}")  # last_used_at is written at most once a minute: not in the count
    with django_assert_max_num_queries(6) as small:  # the ceiling is 10
        get(client, world, f"/api/v1/{endpoint}")
    few = len(small.captured_queries)  # read now: each request empties the log the count is read from
    for number in range(12):
        organisation = factories.OrganisationFactory()
        factories.SignatureFactory(compact=world.compact, organisation=organisation)
        factories.ChampionFactory(organisation=organisation)
        WinFactory(compact=world.compact, organisations=[organisation])
        factories.ActionFactory(compact=world.compact, owner_organisation=organisation)
        consultation(
            compact=world.compact,
            by=world.officer,
            body=statutory_body(f"Parish Council {number}"),
            opened_on=timezone.localdate() - datetime.timedelta(days=30 * number + 1),
            weeks=4 + number,
        )
    get(client, world, f"/api/v1/{endpoint}")  # what is kept until the data changes is worked out again once
    with django_assert_max_num_queries(few):
        response = get(client, world, f"/api/v1/{endpoint}")
    assert response.status_code == 200


def test_champion_names_cost_no_query_per_organisation(world, client, django_assert_max_num_queries):
    _, key = services.create_token(name="Network", by=world.officer, can_see_names=True)
    for _number in range(10):
        factories.ChampionFactory(organisation=factories.OrganisationFactory())
    client.get("/api/v1/champions", HTTP_AUTHORIZATION=f"Bearer {key}")
    with django_assert_max_num_queries(4):
        client.get("/api/v1/champions", HTTP_AUTHORIZATION=f"Bearer {key}")


def commitment(body, title):
    return next(row for row in body["results"] if row["title"] == title)


def test_commitments_give_each_ones_results_this_year_and_the_year_before(world, client):
    today = timezone.localdate()
    consultation(
        compact=world.compact,
        by=world.officer,
        body=world.body,
        title="Old budget consultation",
        opened_on=today - datetime.timedelta(days=400),
    )
    body = get(client, world, "/api/v1/commitments").json()
    year_ago = today.replace(year=today.year - 1) if not (today.month == 2 and today.day == 29) else today
    assert body["period"] == {"start": (year_ago + datetime.timedelta(days=1)).isoformat(), "end": today.isoformat()}
    assert body["previous_period"]["end"] == year_ago.isoformat()
    length = commitment(body, "Consultations last 12 weeks")
    assert {
        key: length[key] for key in ("factor_number", "kind", "rule", "threshold", "unit", "is_local", "in_force")
    } == {
        "factor_number": 4,
        "kind": "consultation",
        "rule": "consultation_length",
        "threshold": 12,
        "unit": "weeks",
        "is_local": False,
        "in_force": True,
    }
    assert length["description"].startswith("Consultations with the sector last at least 12 weeks")
    assert length["current"] == {
        "met": 1,
        "not_met": 1,
        "explained": 0,
        "unknown": 0,
        "known": 2,
        "checked": 2,
        "rate": 50,
        "incomplete": False,
        "summary": "50%: 1 of 2 met, 0 not known",
    }
    assert length["previous"] == {
        "met": 1,
        "not_met": 0,
        "explained": 0,
        "unknown": 0,
        "known": 1,
        "checked": 1,
        "rate": 100,
        "incomplete": False,
        "summary": "100%: 1 of 1 met, 0 not known",
    }
    notice = commitment(body, "Three months' notice of ending or reducing funding")
    assert notice["current"]["checked"] == 0 and notice["current"]["rate"] is None
    assert (notice["current"]["incomplete"], notice["current"]["summary"]) == (False, "No records")
    assert body["bodies"] == [
        {
            "id": world.body.pk,
            "name": "Anytown Borough Council",
            "current": {
                "met": 4,
                "not_met": 2,
                "explained": 0,
                "unknown": 0,
                "known": 6,
                "checked": 6,
                "rate": 67,
                "incomplete": False,
                "summary": "67%: 4 of 6 met, 0 not known",
            },
            "previous": {
                "met": 1,
                "not_met": 0,
                "explained": 0,
                "unknown": 0,
                "known": 1,
                "checked": 1,
                "rate": 100,
                "incomplete": False,
                "summary": "100%: 1 of 1 met, 0 not known",
            },
        }
    ]
    assert body["next_cursor"] is None


def test_commitments_count_a_reported_record_only_once_it_is_verified(world, client):
    assert (
        commitment(get(client, world, "/api/v1/commitments").json(), "Consultations last 12 weeks")["current"][
            "checked"
        ]
        == 2
    )
    commitment_services.verify(record=Consultation.objects.get(title="SECRET-REPORTED-CONSULTATION"), by=world.officer)
    assert (
        commitment(get(client, world, "/api/v1/commitments").json(), "Consultations last 12 weeks")["current"][
            "checked"
        ]
        == 3
    )


def test_commitments_are_kept_until_a_record_or_the_register_changes(world, client):
    get(client, world, "/api/v1/commitments")
    with CaptureQueriesContext(connection) as queries:
        body = get(client, world, "/api/v1/commitments").json()
    assert not [query for query in queries if "commitments_" in query["sql"]]  # answered from what was kept
    assert [row["name"] for row in body["bodies"]] == ["Anytown Borough Council"]

    world.body.name = "Anytown Council"
    world.body.save()
    assert [row["name"] for row in get(client, world, "/api/v1/commitments").json()["bodies"]] == ["Anytown Council"]


def test_commitments_for_a_chosen_period_against_the_one_before(world, client):
    today = timezone.localdate()
    opened = today - datetime.timedelta(days=60)  # the world's 4-week consultation
    body = get(client, world, "/api/v1/commitments", date_from=opened.isoformat(), date_to=opened.isoformat()).json()
    day_before = (opened - datetime.timedelta(days=1)).isoformat()
    assert body["period"] == {"start": opened.isoformat(), "end": opened.isoformat()}
    assert body["previous_period"] == {"start": day_before, "end": day_before}
    length = commitment(body, "Consultations last 12 weeks")
    assert (length["current"]["not_met"], length["current"]["checked"], length["current"]["rate"]) == (1, 1, 0)
    assert length["previous"]["checked"] == 0
    # Only date_to: the 12 months to it. Long before the records, nothing is counted.
    body = get(client, world, "/api/v1/commitments", date_to="2020-06-30").json()
    assert body["period"] == {"start": "2019-07-01", "end": "2020-06-30"}
    assert body["previous_period"] == {"start": "2018-07-01", "end": "2019-06-30"}
    assert body["bodies"] == []


def test_retired_commitments_are_listed_only_while_they_counted_records(world, client):
    from commitments.models import Commitment

    multi_year = Commitment.objects.get(rule="multi_year")
    commitment_services.save_commitment(by=world.officer, commitment=multi_year, retired=True)
    titles = [row["title"] for row in get(client, world, "/api/v1/commitments").json()["results"]]
    assert "Multi-year funding where appropriate" in titles  # the world's one-year grant was checked against it
    row = commitment(get(client, world, "/api/v1/commitments").json(), "Multi-year funding where appropriate")
    assert row["in_force"] is False
    titles = [row["title"] for row in get(client, world, "/api/v1/commitments", date_to="2020-06-30").json()["results"]]
    assert "Multi-year funding where appropriate" not in titles and "Consultations last 12 weeks" in titles


@pytest.mark.parametrize(
    "params,parameter",
    [
        ({"date_from": "2026-13-01"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"date_from": "2026-05-01", "date_to": "2026-04-01"}, "date_to"),
        ({"date_from": "9999-01-01"}, "date_from"),  # after today, which date_to is when left out
        ({"date_from": "0001-01-01", "date_to": "0001-12-31"}, "date_from"),  # no period before it
        ({"date_to": "0001-06-30"}, "date_to"),
    ],
)
def test_commitments_answer_bad_dates_with_a_clear_json_error(params, parameter, world, client):
    response = get(client, world, "/api/v1/commitments", **params)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["error"] == "bad_request"
    assert [detail["parameter"] for detail in body["details"]] == [parameter]
    assert parameter in body["message"]


def test_commitments_reach_either_end_of_the_calendar(world, client):
    response = get(client, world, "/api/v1/commitments", date_from="9999-01-01", date_to="9999-12-31")
    assert response.status_code == 200
    assert response.json()["previous_period"] == {"start": "9998-01-01", "end": "9998-12-31"}
    response = get(client, world, "/api/v1/commitments", date_from="0001-07-01", date_to="0001-12-31")
    assert response.status_code == 200
    assert response.json()["previous_period"] == {"start": "0001-01-01", "end": "0001-06-30"}
