"""In production with REDIS_URL, sessions are Django's cached_db on the real Redis: a signed-in page reads its
session from Redis and only the user from the database; signing out ends the session everywhere; and with Redis
away or emptied, people stay signed in from the database."""

import pytest
import redis
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import TEST_REDIS_URL, client_for, production_cache
from tests.factories import PASSWORD

HELLO = "/hello/"
NOBODY_LISTENS = "redis://127.0.0.1:9/0"  # the discard port: connections are refused at once

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.compact_site.accounts.hello_urls")]


def test_a_signed_in_page_reads_the_session_from_redis_and_only_the_user_from_the_database(redis_cache, officer):
    client = client_for(officer)
    client.get(HELLO)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(HELLO)

    assert response.status_code == 200
    assert len(captured.captured_queries) == 1 and "auth_user" in captured.captured_queries[0]["sql"]
    assert cache.get(client.session.cache_key) is not None


def test_signing_out_ends_the_session_in_the_cache_and_the_database(redis_cache, officer):
    client = client_for(officer)
    key = client.session.session_key
    assert client.get(HELLO).status_code == 200

    client.post(reverse("logout"))

    assert not Session.objects.filter(session_key=key).exists()
    client.cookies["sessionid"] = key  # the old cookie, kept by someone
    response = client.get(HELLO)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_signing_out_in_another_worker_ends_the_session_here_at_once(redis_cache, officer):
    client = client_for(officer)
    assert client.get(HELLO).status_code == 200
    key = client.session.session_key

    Session.objects.filter(session_key=key).delete()
    redis.Redis.from_url(TEST_REDIS_URL).delete(cache.make_and_validate_key(client.session.cache_key))

    response = client.get(HELLO)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_session_outlives_redis_being_emptied(redis_cache, officer):
    client = client_for(officer)
    assert client.get(HELLO).status_code == 200
    redis.Redis.from_url(TEST_REDIS_URL).delete(cache.make_and_validate_key(client.session.cache_key))

    assert client.get(HELLO).status_code == 200  # read from the database, and cached again
    assert cache.get(client.session.cache_key) is not None


def test_with_redis_away_people_sign_in_and_stay_signed_in_and_the_session_holds_when_it_is_back(
    redis_cache, officer, settings
):
    healthy = settings.CACHES
    settings.CACHES = production_cache(NOBODY_LISTENS, "test-redis-away")
    client = client_for(None)
    response = client.post(reverse("login"), {"username": "officer", "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    assert client.get(HELLO).status_code == 200

    settings.CACHES = healthy  # Redis is back, without the session
    assert client.get(HELLO).status_code == 200


def test_the_session_of_one_person_is_never_anothers(redis_cache, officer, champion):
    officer_client, champion_client = client_for(officer), client_for(champion)
    for _ in range(2):
        assert officer_client.get(reverse("signatories:organisation_create")).status_code == 200
        assert champion_client.get(reverse("signatories:organisation_create")).status_code == 403
