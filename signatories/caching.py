"""The service's one caching mechanism: Django's cache, with a version per kind of data in every key.

Each kind of data that pages show (the register, the wins, the scores...) has a *version* in the cache: a
random string. A page part or figure is cached under a key that includes the versions of every kind it
reads (``cached``), so invalidating a kind (``invalidate``: its version is deleted, and the next read makes a
new random one) means nothing cached from the old data is read again. The versions are read before the work
is done, so an answer worked out from rows read just before a change is cached under a version the change has
already invalidated. Versions are random, never counters, so after Redis is flushed or restarted no old key
can come back.

Which model changes invalidate which kind is one table, ``compact_site.invalidation``. This module lives in
the lowest app whose pages are cached, so every app can cache with it.

Within a request the versions are read once, all kinds together in one round trip, and reused by every
cached part of the page (``invalidate`` forgets them, so a request that changes data sees its own change). A
Celery task or a command has no request: it reads them each time.

With Redis down every read is a miss and every write is dropped (``settings.CACHES``): each page is worked
out from the database.
"""

import hashlib
import uuid
from collections.abc import Callable, Iterable
from typing import TypeVar, cast

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.dispatch import receiver
from django.utils.safestring import SafeString, mark_safe

# The kinds of data, each with a version.
COMPACT = "compact"  # the Compact itself
REGISTER = "register"  # organisations, signatures, champions
USERS = "users"  # people's logins
SCORES = "scores"  # assessments and their factor scores
FACTORS = "factors"  # the factors, their indicators and the action plan
ROUNDS = "rounds"  # self-assessment rounds
WINS = "wins"  # wins, their factors and organisations
CONCERNS = "concerns"  # concerns raised
COMMITMENTS = "commitments"  # commitments, consultations, funding decisions and their checks
REPORTS = "reports"  # reports to the LSP
PUBLIC_SITE = "public-site"  # the public site's settings
REPRESENTATION = "representation"  # networks, boards, seats, terms, meetings and report-backs
PLEDGES = "pledges"  # signatories' resource pledges, their roles and money
SCRUTINY = "scrutiny"  # committees, their meetings, reports sent to them, recommendations and responses
KINDS = (
    COMPACT,
    REGISTER,
    USERS,
    SCORES,
    FACTORS,
    ROUNDS,
    WINS,
    CONCERNS,
    COMMITMENTS,
    REPORTS,
    PUBLIC_SITE,
    REPRESENTATION,
    PLEDGES,
    SCRUTINY,
)

T = TypeVar("T")


# The versions this request has read, while a request is being answered (one per thread or task).
_this_request = Local()


@receiver(request_started, dispatch_uid="caching.request_started")
def _start_reading(**kwargs: object) -> None:
    _this_request.versions = {}


@receiver(request_finished, dispatch_uid="caching.request_finished")
def _stop_reading(**kwargs: object) -> None:
    _this_request.versions = None


def _version_key(kind: str) -> str:
    return f"version:{kind}"


def _read_versions(kinds: Iterable[str]) -> dict[str, str]:
    """The current versions of ``kinds``, by kind: one round trip to the cache (more for a new version)."""
    keys = {kind: _version_key(kind) for kind in kinds}
    found = cache.get_many(keys.values())
    for key in keys.values():
        if key not in found:
            new = uuid.uuid4().hex[:12]
            cache.add(key, new, None)
            # Another request's new version if it added one first.
            found[key] = cache.get(key, new)
    return {kind: found[key] for kind, key in keys.items()}


def versions(*kinds: str) -> str:
    """The current versions of ``kinds`` as one string. In a request, the first call reads every kind's version
    in one round trip and later calls reuse them; elsewhere each call reads what it asks for."""
    read = getattr(_this_request, "versions", None)
    if read is None:
        found = _read_versions(kinds)
    else:
        if not read:
            read.update(_read_versions(KINDS))
        found = read
    return "-".join(found[kind] for kind in kinds)


def cache_key(key: str, kinds: Iterable[str]) -> str:
    """The cache key of ``key`` under the current versions of ``kinds`` (any text makes a safe key)."""
    return "cached:" + hashlib.sha256(f"{key}|{versions(*kinds)}".encode()).hexdigest()


def cached(key: str, kinds: Iterable[str], compute: Callable[[], T], timeout: int | None = None) -> T:
    """``compute()``'s answer for ``key``, cached until any of ``kinds`` is invalidated (at most ``timeout``
    seconds, ``settings.CACHE_SECONDS`` by default)."""
    # get_or_set returns what ``compute`` returned (or what an earlier call cached); the stubs say Any | None.
    return cast(T, cache.get_or_set(cache_key(key, kinds), compute, timeout or settings.CACHE_SECONDS))


def invalidate(*kinds: str) -> None:
    """Invalidate ``kinds``: now, and again once the change is committed (in between, another request could
    read the old rows and cache them under the new version)."""
    keys = [_version_key(kind) for kind in kinds]
    if getattr(_this_request, "versions", None):
        _this_request.versions = {}  # this request reads the new ones
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def cached_html(key: str, kinds: Iterable[str], render: Callable[[], str]) -> SafeString:
    """A part of a page that ``render()`` draws (from a template, so already escaped), cached as ``cached``
    caches, ready to place in a page with ``{{ content }}``."""
    return mark_safe(cached(key, kinds, render))
