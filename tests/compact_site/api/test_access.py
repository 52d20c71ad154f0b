"""Who may read each API endpoint: with a key, without one, with a wrong or revoked one, or signed in but
without a key. Table-driven, like the permission matrix (which has a row for each endpoint without a key)."""

import logging

import pytest

from compact_site.api import services
from tests.compact_site.public.builders import build_world

ENDPOINTS = ["organisations", "champions", "rounds", "wins", "actions", "reports", "commitments"]


@pytest.fixture
def world(compact):
    return build_world(compact)


def revoked_key(world):
    token, key = services.create_token(name="Old spreadsheet", by=world.officer)
    services.revoke_token(token=token, by=world.officer)
    return key


CASES = {
    "a valid key": (lambda world: {"HTTP_AUTHORIZATION": f"Bearer {world.key}"}, 200),
    "no key": (lambda world: {}, 401),
    "a wrong key": (lambda world: {"HTTP_AUTHORIZATION": "Bearer cpt_not-a-real-key"}, 401),
    "a revoked key": (lambda world: {"HTTP_AUTHORIZATION": f"Bearer {revoked_key(world)}"}, 401),
    "the key without Bearer": (lambda world: {"HTTP_AUTHORIZATION": world.key}, 401),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_endpoint_with_and_without_a_key(case, world, client):
    headers_for, expected = CASES[case]
    headers = headers_for(world)
    for endpoint in ENDPOINTS:
        response = client.get(f"/api/v1/{endpoint}", **headers)
        assert response.status_code == expected, (endpoint, case, response.content)
        body = response.json()
        if expected == 401:
            assert body["error"] == "unauthorised"
            assert "Authorization: Bearer" in body["message"]
            assert response["WWW-Authenticate"] == 'Bearer realm="api"'
        else:
            assert "results" in body and "next_cursor" in body


def test_signing_in_is_not_a_key(world, officer_client):
    for endpoint in ENDPOINTS:
        assert officer_client.get(f"/api/v1/{endpoint}").status_code == 401


def test_a_key_in_the_address_is_refused_so_it_never_reaches_access_logs(world, client):
    assert client.get(f"/api/v1/wins?token={world.key}").status_code == 401
    assert client.get(f"/api/v1/wins?api_key={world.key}").status_code == 401


def test_the_key_is_never_written_to_the_logs(world, client, caplog):
    caplog.set_level(logging.DEBUG)
    token, key = services.create_token(name="Busy dashboard", by=world.officer, rate_limit_per_minute=2)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    client.get("/api/v1/wins", **headers)
    client.get("/api/v1/wins?date_from=yesterday", **headers)  # 400
    client.get("/api/v1/wins", **headers)  # 429
    services.revoke_token(token=token, by=world.officer)
    client.get("/api/v1/wins", **headers)  # 401
    assert caplog.records, "the requests above should have logged something (the 4xx answers)"
    assert key not in caplog.text
    assert key[len("cpt_") :][:20] not in caplog.text


def test_schema_and_documentation_need_no_key(world, client):
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/api/docs/").status_code == 200
