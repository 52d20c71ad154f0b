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


def redis_commands(monkeypatch):
    """Every command any Redis connection of this process sends, by name, as it goes."""
    from redis.connection import AbstractConnection

    sent = []
    real = AbstractConnection.send_packed_command

    def send(self, command, *args, **kwargs):
        packed = b"".join(command) if isinstance(command, list) else command
        sent.extend(part.split(b"\r\n")[2].decode() for part in packed.split(b"*")[1:] if part[:1].isdigit())
        return real(self, command, *args, **kwargs)

    monkeypatch.setattr(AbstractConnection, "send_packed_command", send)
    return sent


def test_a_signed_in_page_asks_redis_once_for_the_session_and_the_user(redis_sessions, officer, monkeypatch):
    """The session store reads the user kept for the session in the same round trip as the session; once read,
    this process holds them (compact_site.cache.HeldReads) until Redis says they changed."""
    client = client_for(officer)
    client.get(HELLO)
    client.get(HELLO)  # the user is kept by the first
    commands = redis_commands(monkeypatch)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(HELLO)

    assert response.status_code == 200 and captured.captured_queries == []
    assert commands == []

    officer.first_name = "Changed"
    officer.save()  # retires every kept user
    commands.clear()
    client.get(HELLO)  # asks again, reads the user from the database, keeps it
    assert "MGET" in commands
    commands.clear()
    assert client.get(HELLO).status_code == 200
    assert commands == ["MGET", "PTTL", "PTTL", "PTTL"]  # once more: the kept user it wrote was new here
    commands.clear()
    assert client.get(HELLO).status_code == 200
    assert commands == []


def test_signing_out_in_another_worker_ends_the_session_here_at_once(redis_sessions, officer):
    """Another worker signing the person out deletes the session from Redis (and the database) on its own
    connection: the session this process holds is forgotten before the next request."""
    from django.core.cache import caches

    client = client_for(officer)
    for _ in range(3):
        assert client.get(HELLO).status_code == 200
    key = client.session.session_key
    other_worker = redis.Redis.from_url(TEST_REDIS_URL)
    cache = caches["default"]

    Session.objects.filter(session_key=key).delete()
    assert other_worker.delete(cache.make_and_validate_key(client.session.cache_key)) == 1

    response = client.get(HELLO)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_user_kept_for_one_session_is_never_anothers(redis_sessions, officer, champion):
    """Two people signed in at once each get themselves, whichever asked last."""
    officer_client, champion_client = client_for(officer), client_for(champion)
    for _ in range(2):
        assert officer_client.get(reverse("signatories:organisation_create")).status_code == 200
        assert champion_client.get(reverse("signatories:organisation_create")).status_code == 403
