"""Figures and parts of pages kept in the cache until what they show changes.

Each kind of data that pages show has a *version* in the cache ("register": organisations, signatures and
champions; "wins"; ...). A change to that data forgets its version (``forget``: now, and again once the change
is committed), and nothing kept under the old version is read again. The versions are read before the work is
done, so a request that read the data just before a change keeps its answer under a version the change has
already retired. With Redis this holds on every server at once; with a per-process cache, other processes
catch up within KEPT_SECONDS.
"""

import hashlib
import time
import uuid
from collections import OrderedDict

from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

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
            new = uuid.uuid4().hex[:12]
            cache.add(key, new, None)
            # Another request's new version if it added one first; ours if a change retired it again meanwhile
            # (then what is kept under it is never found, as it should not be).
            found[key] = cache.get(key, new)
    return "-".join(found[key] for key in keys)


def forget(*names):
    """Retire the versions of ``names``: now, and again after the commit (in between, another request could
    read the old rows and keep them under the new version)."""
    keys = [_version_key(name) for name in names]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


# The parts of pages last used (text, which nobody can change in place) are held in this process too, with the
# versions they were worked out under, so a request asks the cache only for the versions (a few bytes) and not
# again for a page part of 100 KB or more.
HELD_HERE = 32
_held = OrderedDict()  # kept key -> [versions, answer, until, the answer as UTF-8 once a page has asked for it]


def kept(key, names, work_out, seconds=KEPT_SECONDS):
    """``work_out()``'s answer for ``key``, kept until any of ``names`` changes (at most ``seconds``).

    The answer is kept with the versions it was worked out under, so finding it and checking that it is
    still current take one round trip to the cache; for text this process holds, only the versions are read."""
    kept_key = _kept_key(key)
    version_keys = [_version_key(name) for name in names]
    now = time.monotonic()
    held = _held.get(kept_key)
    if held is not None and held[2] < now:
        held = None
    # The versions alone, when the text is held here: through the cache's held reads where it has them (the
    # service's Redis cache, ``compact_site.cache.HeldReads``), which answer without a round trip until Redis
    # says a version changed.
    found = getattr(cache, "get_many_held", cache.get_many)(version_keys) if held else cache.get_many(
        [*version_keys, kept_key])
    if all(key in found for key in version_keys):
        current = "-".join(found[key] for key in version_keys)
        if held is not None and held[0] == current:
            return held[1]
        answer = found[kept_key] if kept_key in found else (cache.get(kept_key) if held else None)
        if answer is not None and answer[0] == current:
            _hold(kept_key, answer, now + seconds)
            return answer[1]
    stamp = versions(*names)
    value = work_out()
    cache.set(kept_key, (stamp, value), seconds)
    _hold(kept_key, (stamp, value), now + seconds)
    return value


def _kept_key(key):
    return f"kept:{hashlib.sha256(key.encode()).hexdigest()}"  # any text makes a safe key


def _hold(kept_key, answer, until):
    if not isinstance(answer[1], str):
        return
    _held[kept_key] = [answer[0], answer[1], until, None]
    _held.move_to_end(kept_key)
    while len(_held) > HELD_HERE:
        _held.popitem(last=False)


def kept_bytes(key, names, work_out):
    """``kept()``'s text as UTF-8, encoded once per process while it stays current."""
    text = kept(key, names, work_out)
    held = _held.get(_kept_key(key))
    if held is None or held[1] is not text:
        return text.encode()
    if held[3] is None:
        held[3] = text.encode()
    return held[3]


_CONTENT_MARK = f"<!--kept-content-{uuid.uuid4().hex}-->"


def page_around(request, template_name, context, content):
    """``render()`` of a page whose ``{{ content }}`` is given ready made, as text or UTF-8 (``kept_bytes``).

    The page is drawn around a mark and the content put in its place as bytes, so a large part (the wins
    library's organisation filter is 650 KB at 10,000 organisations) is copied once, not joined again by every
    block around it and then encoded."""
    page = render_to_string(template_name, {**context, "content": mark_safe(_CONTENT_MARK)}, request=request)
    head, mark, tail = page.partition(_CONTENT_MARK)
    if not mark:
        raise ValueError(f"{template_name} does not show {{{{ content }}}}")
    body = content if isinstance(content, bytes) else content.encode()
    return HttpResponse(b"".join((head.encode(), body, tail.encode())))
