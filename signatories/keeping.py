"""Figures and parts of pages kept in the cache until what they show changes.

Each kind of data that pages show has a *version* in the cache ("register": organisations, signatures and
champions; "wins"; ...). A change to that data forgets its version (``forget``: now, and again once the change
is committed), and nothing kept under the old version is read again. The versions are read before the work is
done, so a request that read the data just before a change keeps its answer under a version the change has
already retired. With Redis this holds on every server at once; with a per-process cache, other processes
catch up within KEPT_SECONDS.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction

KEPT_SECONDS = 60

# The versions, and where each is retired.
COMPACT = "compact"  # the Compact itself: signatories.signals
REGISTER = "register"  # organisations, signatures, champions: signatories.signals
SCORES = "scores"  # assessments and their kept factor scores: success_factors.signals and services
FACTORS = "factors"  # the factors, their indicators and the action plan: success_factors.signals
WINS = "wins"  # wins, their factors and organisations: wins.signals
COMMITMENTS = "commitments"  # commitments, consultations, funding decisions and their checks: commitments.signals


def _version_key(name):
    return f"kept-version:{name}"


def versions(*names):
    """The current versions of ``names`` as one string (one round trip to the cache, two for a new version)."""
    keys = [_version_key(name) for name in names]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex[:12], None)
            found[key] = cache.get(key)
    return "-".join(found[key] for key in keys)


def forget(*names):
    """Retire the versions of ``names``: now, and again after the commit (in between, another request could
    read the old rows and keep them under the new version)."""
    keys = [_version_key(name) for name in names]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def kept(key, names, work_out, seconds=KEPT_SECONDS):
    """``work_out()``'s answer for ``key``, kept until any of ``names`` changes (at most ``seconds``).

    The answer is kept with the versions it was worked out under, so finding it and checking that it is
    still current take one round trip to the cache."""
    kept_key = f"kept:{hashlib.sha256(key.encode()).hexdigest()}"  # any text makes a safe key
    version_keys = [_version_key(name) for name in names]
    found = cache.get_many([*version_keys, kept_key])
    if kept_key in found and all(key in found for key in version_keys):
        stamp, value = found[kept_key]
        if stamp == "-".join(found[key] for key in version_keys):
            return value
    stamp = versions(*names)
    value = work_out()
    cache.set(kept_key, (stamp, value), seconds)
    return value
