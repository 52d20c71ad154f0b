"""The Redis cache keeps one client per server, and holds what is read on every request until Redis says it
changed: against a real Redis."""

import os
import threading
import time
import uuid

import pytest
import redis

from compact_site import cache as cache_module
from compact_site.cache import RedisCache
from tests.held_reads import round_trips

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


def test_one_client_serves_every_command():
    cache = RedisCache(TEST_REDIS_URL, {"KEY_PREFIX": "test-cache-client"})
    try:
        cache.set("greeting", {"text": "hello"})
        first = cache._cache.get_client("greeting", write=True)

        assert cache.get("greeting") == {"text": "hello"}
        assert cache.get_many(["greeting", "missing"]) == {"greeting": {"text": "hello"}}
        assert cache._cache.get_client("other") is first
        assert cache.add("greeting-count", 1)
        assert cache.incr("greeting-count") == 2
    finally:
        cache.clear()


# Held reads (``RedisCache.get_many_held``): what was read before is answered from the process until Redis says
# it changed. Each test's "other server" is another client on its own connection, as another worker would be.

@pytest.fixture
def held_cache():
    cache = RedisCache(TEST_REDIS_URL, {"KEY_PREFIX": f"test-held-{uuid.uuid4().hex}"})
    yield cache
    cache.clear()


def other_server(cache):
    """The same cache as another process would have it: its own client and connections."""
    return RedisCache(TEST_REDIS_URL, {"KEY_PREFIX": cache.key_prefix})


def test_a_value_read_again_comes_without_a_round_trip(held_cache):
    held_cache.set("session", {"user": 1}, 60)
    sent = round_trips(held_cache)

    assert held_cache.get_many_held(["session", "missing"]) == {"session": {"user": 1}}
    assert len(sent) == 1
    for _ in range(3):
        assert held_cache.get_many_held(["session"]) == {"session": {"user": 1}}
    assert len(sent) == 1


def test_a_change_made_elsewhere_is_seen_on_the_next_read(held_cache):
    held_cache.set("session", {"user": 1}, 60)
    held_cache.get_many_held(["session"])
    other = other_server(held_cache)

    other.set("session", {"user": 2}, 60)
    assert held_cache.get_many_held(["session"]) == {"session": {"user": 2}}

    other.delete("session")  # signed out in another worker
    assert held_cache.get_many_held(["session"]) == {}


def test_a_change_made_here_is_seen_on_the_next_read(held_cache):
    held_cache.set("version", "a")
    held_cache.get_many_held(["version"])

    held_cache.set("version", "b")

    assert held_cache.get_many_held(["version"]) == {"version": "b"}


def test_a_value_is_never_held_past_its_expiry_in_redis(held_cache):
    held_cache.set("session", {"user": 1}, 1)
    assert held_cache.get_many_held(["session"]) == {"session": {"user": 1}}

    time.sleep(1.1)

    assert held_cache.get_many_held(["session"]) == {}


def test_emptying_the_cache_forgets_everything_held(held_cache):
    held_cache.set("session", {"user": 1}, 60)
    held_cache.get_many_held(["session"])

    other_server(held_cache).clear()

    assert held_cache.get_many_held(["session"]) == {}


def test_a_lost_connection_forgets_everything_held(held_cache):
    """Changes made while the connection was gone were never announced to it: nothing held may answer."""
    held_cache.set("session", {"user": 1}, 60)
    held_cache.get_many_held(["session"])
    admin = redis.Redis.from_url(TEST_REDIS_URL)
    ours = [client for client in admin.client_list() if client["name"] == cache_module.NAME]
    assert ours
    for client in ours:
        admin.client_kill_filter(_id=client["id"])

    other_server(held_cache).set("session", {"user": 2}, 60)  # announced to nobody

    assert held_cache.get_many_held(["session"]) == {"session": {"user": 2}}
    assert held_cache.get_many_held(["session"]) == {"session": {"user": 2}}


def test_each_thread_reads_on_its_own_connection(held_cache):
    """A threaded server's threads never share a connection (and so never read each other's messages)."""
    held_cache.set("session", {"user": 1}, 60)
    found = []

    def read():
        found.append(held_cache.get_many_held(["session"]))
        found.append(held_cache._cache.held._local.tracked)

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    held_cache.get_many_held(["session"])

    assert found[0] == {"session": {"user": 1}}
    assert found[1] is not held_cache._cache.held._local.tracked
    assert found[1].connection is not held_cache._cache.held._local.tracked.connection


def test_held_reads_can_be_switched_off(held_cache):
    """REDIS_HELD_READS=false (for a Redis or proxy without CLIENT TRACKING): every read asks Redis."""
    cache = RedisCache(TEST_REDIS_URL, {"KEY_PREFIX": held_cache.key_prefix, "HELD_READS": False})
    cache.set("session", {"user": 1}, 60)
    assert cache.get_many_held(["session"]) == {"session": {"user": 1}}
    assert getattr(cache._cache.held._local, "tracked", None) is None  # no held-reads connection was made


def test_a_server_that_refuses_to_track_reads_is_read_as_before(held_cache, monkeypatch, caplog):
    """Redis before 6 answers CLIENT TRACKING with an error: the cache warns once and reads without holding.
    Here Redis refuses the connection's set-up another way: a name with spaces."""
    held_cache.set("session", {"user": 1}, 60)
    monkeypatch.setattr(cache_module, "NAME", "compact held reads")

    assert held_cache.get_many_held(["session"]) == {"session": {"user": 1}}
    assert held_cache.held_reads is False
    assert "refused to track reads" in caplog.text
    assert held_cache.get_many_held(["session"]) == {"session": {"user": 1}}
