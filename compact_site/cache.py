"""Django's Redis cache, with one Redis client per server instead of one per command, and held reads.

Django's ``RedisCache`` builds a new ``redis.Redis`` object (and its 170 response callbacks) for every get
and set; on a signed-in page that read the session and the user from Redis it cost more than the round
trips. The client is thread-safe and shares its connection pool, so one is kept per pool.

What every request reads (the session and its user, the versions of kept pages, a visitor's kept page) is
read through ``get_many_held``: held in the process until Redis itself says it changed (``HeldReads``), so a
request that finds nothing changed makes no round trip at all. A round trip to Redis cost 180 µs here, more
than the rest of a signed-in "hello".
"""

import logging
import os
import threading
import time

from django.core.cache.backends import redis as django_redis
from redis.exceptions import ConnectionError, ResponseError, TimeoutError

logger = logging.getLogger(__name__)


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self.held = HeldReads(self)

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
        self.held_reads = params.get("HELD_READS", True)

    def get_many_held(self, keys):
        """As ``get_many``, but what was read before and has not changed since is answered from this process
        (``HeldReads``): for values read on every request, such as a session. Plain ``get_many`` when held
        reads are switched off (``HELD_READS``) or the server cannot track reads."""
        if not self.held_reads:
            return self.get_many(keys)
        made = {self.make_and_validate_key(key): key for key in keys}
        try:
            found = self._cache.held.get_many(list(made))
        except ResponseError as error:  # CLIENT TRACKING refused: a Redis before 6, or a proxy without it
            logger.warning("Redis refused to track reads (%s): every read asks Redis from now on", error)
            self.held_reads = False
            return self.get_many(keys)
        return {made[key]: value for key, value in found.items()}


def get_many_held(cache, keys):
    """``cache.get_many(keys)``, answered from this process when the cache is the service's Redis and nothing
    read has changed since (``HeldReads``)."""
    held = getattr(cache, "get_many_held", None)
    return held(keys) if held is not None else cache.get_many(keys)


def get_held(cache, key, default=None):
    """``cache.get(key, default)``, held as ``get_many_held``."""
    return get_many_held(cache, [key]).get(key, default)


class HeldReads:
    """Values read from Redis and held in this process until Redis says they changed.

    Redis's server-assisted client-side caching (``CLIENT TRACKING``): a connection of its own, in RESP3, on
    which Redis remembers the keys read and, the moment any of them is written, deleted, expires or the
    database is emptied, sends a message saying so on that same connection. Before each read, the messages
    waiting are taken (one poll of the socket when there are none) and what they name is forgotten; what is
    still held is answered without a round trip. Whatever happens to the connection (Redis restarted, a
    message that could not be read), everything held is forgotten and the next read asks Redis.

    Each value is held at most as long as Redis will keep it (its own expiry, read with it) and never more
    than ``MOST_SECONDS``, so even a lost message could not keep a value longer. One connection per thread.
    """

    MOST_SECONDS = 60
    MOST_BYTES = 32 * 1024 * 1024  # past this, everything held is forgotten and held afresh

    def __init__(self, client):
        self._client = client
        self._local = threading.local()

    def get_many(self, keys):
        """``{key: value}`` for those of the Redis keys ``keys`` (made keys, as str) that Redis has."""
        tracked = getattr(self._local, "tracked", None)
        if tracked is None or tracked.pid != os.getpid():
            # The primary (the first server), never a replica: it sees every write as it happens.
            tracked = self._local.tracked = _TrackedConnection(self._client._get_connection_pool(True))
        raw = tracked.get_many(keys)
        loads = self._client._serializer.loads
        return {key: loads(value) for key, value in zip(keys, raw) if value is not None}


# The name each held-reads connection gives itself in Redis (CLIENT LIST shows it).
NAME = "compact-held-reads"


class _TrackedConnection:
    def __init__(self, pool):
        self.pid = os.getpid()
        self.held = {}  # Redis key (bytes) -> (raw value, monotonic time it may be held until)
        self.size = 0  # bytes of the values held, roughly
        self.connection = pool.connection_class(**{**pool.connection_kwargs, "protocol": 3})
        self.connection.register_connect_callback(self._track)

    def _forget_all(self):
        self.held.clear()
        self.size = 0

    def _track(self, connection):
        """On every (re)connection: nothing held can be trusted, and Redis must track this connection's reads."""
        self._forget_all()
        connection.send_command("CLIENT", "SETNAME", NAME)
        connection.read_response()
        connection.send_command("CLIENT", "TRACKING", "ON")
        connection.read_response()
        connection._parser.set_invalidation_push_handler(self._forget)

    def _forget(self, message):
        keys = message[1]
        if keys is None:  # the database was emptied
            self._forget_all()
        else:
            for key in keys:
                entry = self.held.pop(key, None)
                if entry is not None:
                    self.size -= len(entry[0])

    def get_many(self, keys):
        try:
            return self._get_many(keys)
        except ConnectionError:  # the connection was lost (Redis restarted, the client killed): once more, anew
            return self._get_many(keys)

    def _get_many(self, keys):
        names = [key.encode() for key in keys]
        connection = self.connection
        try:
            complete = True
            while connection.can_read():  # connects (and tracks) first if it must
                try:
                    connection.read_response(push_request=True, timeout=0, disconnect_on_error=False)
                except TimeoutError:  # part of a message: the round trip below reads the rest first
                    complete = False
                    break
            now = time.monotonic()
            held = [self.held.get(name) for name in names]
            if complete and all(entry is not None and entry[1] > now for entry in held):
                return [entry[0] for entry in held]
            connection.send_packed_command(connection.pack_commands(
                [("MGET", *names), *(("PTTL", name) for name in names)]))
            values = connection.read_response()
            expiries = [connection.read_response() for _ in names]
        except Exception:
            self._forget_all()
            connection.disconnect()
            raise
        for name, value, expiry_ms in zip(names, values, expiries):
            if value is not None and expiry_ms != -2:
                seconds = HeldReads.MOST_SECONDS if expiry_ms == -1 else min(expiry_ms / 1000, HeldReads.MOST_SECONDS)
                if self.size + len(value) > HeldReads.MOST_BYTES:
                    self._forget_all()
                previous = self.held.get(name)
                self.size += len(value) - (len(previous[0]) if previous else 0)
                self.held[name] = (value, now + seconds)
        return values
