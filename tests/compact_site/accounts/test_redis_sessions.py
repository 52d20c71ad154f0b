"""In production with REDIS_URL, sessions are cached_db on Django's RedisCache: a signed-in page reads no session
row and no user row, and signing out ends the session everywhere. Against the real Redis (TEST_REDIS_URL,
default DB 9)."""

import os
import uuid

import pytest
import redis
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import client_for

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")
HELLO = "/hello/"

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.compact_site.accounts.hello_urls")]


@pytest.fixture
def redis_sessions(settings):
    try:
        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis is not running at {TEST_REDIS_URL}")
    settings.CACHES = {"default": {"BACKEND": "compact_site.cache.RedisCache",
                                   "LOCATION": TEST_REDIS_URL, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}}
    settings.SESSION_ENGINE = "compact_site.accounts.sessions"
    settings.KEPT_USER_SECONDS = 300


def test_a_signed_in_page_reads_nothing_from_the_database(redis_sessions, officer):
    """The session and the user (kept until anything it carries changes: test_signed_in_requests.py) from Redis."""
    client = client_for(officer)
    client.get(HELLO)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(HELLO)

    assert response.status_code == 200
    assert captured.captured_queries == []


def test_signing_out_ends_the_session_in_the_cache_and_the_database(redis_sessions, officer):
    client = client_for(officer)
    key = client.session.session_key
    assert client.get(HELLO).status_code == 200

    client.post(reverse("logout"))

    assert not Session.objects.filter(session_key=key).exists()
    client.cookies["sessionid"] = key  # the old cookie, kept by someone
    response = client.get(HELLO)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_signed_in_page_asks_redis_once_for_the_session_and_the_user(redis_sessions, officer, monkeypatch):
    """The session store reads the user kept for the session in the same round trip as the session."""
    from redis.client import Redis

    client = client_for(officer)
    client.get(HELLO)
    commands = []
    real = Redis.execute_command
    monkeypatch.setattr(Redis, "execute_command", lambda self, *args, **kw: commands.append(args[0]) or real(self, *args, **kw))

    with CaptureQueriesContext(connection) as captured:
        response = client.get(HELLO)

    assert response.status_code == 200 and captured.captured_queries == []
    assert commands == ["MGET"]


def test_the_user_kept_for_one_session_is_never_anothers(redis_sessions, officer, champion):
    """Two people signed in at once each get themselves, whichever asked last."""
    officer_client, champion_client = client_for(officer), client_for(champion)
    for _ in range(2):
        assert officer_client.get(reverse("signatories:organisation_create")).status_code == 200
        assert champion_client.get(reverse("signatories:organisation_create")).status_code == 403
