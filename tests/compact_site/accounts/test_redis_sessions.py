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
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
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
