import os
import uuid

import pytest
import redis
from django.core.cache import cache, caches
from django.core.signals import request_finished, request_started
from django.db import connection
from django.test import Client, override_settings

from compact_site.celery import app as celery_app
from tests import factories


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Hash the tests' passwords with MD5, as Django's documentation advises for test speed: PBKDF2's 1,000,000
    rounds cost about 0.35 s a user here, most of the suite's set-up. The production hashers stay listed after it,
    so a password hashed by them (a subprocess's demo data) is still checked; tests/compact_site/test_settings.py
    checks production hashes with PBKDF2."""
    from django.conf import settings

    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]
    ):
        yield


@pytest.fixture(autouse=True, scope="session")
def celery_runs_tasks_at_once():
    """Unit and view tests run Celery tasks in the process, at once (the worker tests in
    tests/notifications/worker/ use a real Redis and a real worker instead)."""
    celery_app.conf.task_always_eager = True
    yield


def run_on_commit_callbacks(**kwargs):
    """What a commit would do at the end of a request: run the on-commit callbacks waiting on the test's
    connection (the outbox's hand-over of each new email to the task queue).

    A test wrapped in a transaction never commits, so without this an email queued by a view would never be
    sent and ``mail.outbox`` would stay empty. Runs only inside such a transaction; transactional tests
    (the browser tests' live server) commit for real.
    """
    if not connection.in_atomic_block:
        return
    while connection.run_on_commit:
        _, callback, robust = connection.run_on_commit.pop(0)
        callback()


@pytest.fixture(autouse=True)
def commits_around_each_request():
    """Run what would run on commit: before a request, for what the test did first (in real life its own
    transaction, committed before anyone asked for a page); after it, for what the request did."""
    request_started.connect(run_on_commit_callbacks, dispatch_uid="tests.on_commit_before_request")
    request_finished.connect(run_on_commit_callbacks, dispatch_uid="tests.on_commit_after_request")
    yield
    request_started.disconnect(dispatch_uid="tests.on_commit_before_request")
    request_finished.disconnect(dispatch_uid="tests.on_commit_after_request")


@pytest.fixture(autouse=True)
def empty_cache(settings):
    """Each test starts with nothing kept from another (ids are reused between tests on SQLite). Only the
    per-process memory cache is emptied: clearing a Redis cache would empty the whole Redis database."""
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        cache.clear()


TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


def production_cache(location, key_prefix):
    """``settings.CACHES`` as production has it with REDIS_URL (compact_site/settings.py)."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.5},
        }
    }


@pytest.fixture
def redis_cache(settings):
    """The cache and sessions as production keeps them with REDIS_URL, on the real Redis (a database of the tests'
    own, and keys of this test's own). Without Redis the test is skipped, except under CI where it fails."""
    try:
        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis is not running at {TEST_REDIS_URL}")
    settings.CACHES = production_cache(TEST_REDIS_URL, f"test-{uuid.uuid4().hex}")
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    return caches["default"]


@pytest.fixture
def compact(db):
    return factories.CompactFactory()


@pytest.fixture
def officer(db):
    return factories.officer(username="officer", first_name="Olivia", last_name="Officer")


@pytest.fixture
def lsp_member(db):
    return factories.lsp_member(username="lsp", first_name="Lee", last_name="Board")


@pytest.fixture
def champion(db):
    return factories.champion_user(username="champion", first_name="Chris", last_name="Champion")


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def officer_client(officer):
    return client_for(officer)


@pytest.fixture
def lsp_client(lsp_member):
    return client_for(lsp_member)


@pytest.fixture
def champion_client(champion):
    return client_for(champion)


@pytest.fixture
def demo(transactional_db):
    """The Northbrook demo, as `make run` loads it (on SQLite, a copy of this test process's first load:
    ``tests.demo_snapshot``)."""
    from tests.demo_snapshot import load_demo

    return load_demo()
