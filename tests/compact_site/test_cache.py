"""The Redis cache keeps one client per server: every command after the first reuses it, against a real Redis."""

import os

from compact_site.cache import RedisCache

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
