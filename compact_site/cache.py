"""Django's Redis cache, with one Redis client per server instead of one per command.

Django's ``RedisCache`` builds a new ``redis.Redis`` object (and its 170 response callbacks) for every get
and set; on a signed-in page that read the session and the user from Redis it cost more than the round
trips. The client is thread-safe and shares its connection pool, so one is kept per pool.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
