"""The floor under every signed-in page, for the serving test only: the service's settings with just the two reads
issue #23 requires on every signed-in request (the session from the cache, ``cached_db`` as Django ships it; the
user and their roles from the database, never from the cache) and no other middleware. Its "hello" shows how much
of the signed-in hello's cost is those reads (and the database health check) rather than the rest of the stack."""

from bench.settings import *  # noqa: F401,F403

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "bench.floor_urls"
