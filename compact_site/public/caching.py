"""The public pages are cached for visitors who are not signed in, and forgotten when what they show changes.

A page is kept under a key made of the cache's current *generation* and the page's full path. Any change
to a model the public pages show starts a new generation (``forget_public_pages``, connected to those
models' save and delete signals in ``CompactSiteConfig.ready``), so every cached page is replaced on its
next visit. With Redis (``REDIS_URL``) every server shares one cache; with the default local-memory cache
each process keeps its own and ``PUBLIC_CACHE_SECONDS`` bounds how long another process may show an old page.
With Redis, the generation and the page are held in the process until Redis says they changed
(``compact_site.cache.HeldReads``), so a visitor's page costs no round trip.
"""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from compact_site.cache import get_held

GENERATION_KEY = "public-site:generation"


def _generation():
    generation = get_held(cache, GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def remember(name, compute):
    """``compute()``'s answer, kept until the public pages are next forgotten (for reads every public page makes)."""
    key = f"public-site:{_generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PUBLIC_CACHE_SECONDS)
    return value


def _new_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def forget_public_pages(**kwargs):
    """Start a new generation: every cached public page is worked out again on its next visit.

    Now, and again when the change's transaction commits: a visitor served in between, from the data as it was
    before the commit, must not leave that page in the cache.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def _may_be_personal(request):
    """A visitor with a session or waiting messages may see something meant for them alone (a message after
    accepting an invitation, say): their pages are worked out afresh and never kept for others."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def cached_for_visitors(view):
    """Mark a public page as one to keep for visitors who are not signed in (GET and HEAD only); the
    ``VisitorPageCache`` middleware keeps and serves it, whole, ahead of the rest of the middleware.

    Signed-in people always get a fresh page: theirs carries their name and the service's navigation.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if _visitor_key(request) is not None:
            response.keep_for_visitors = True
            patch_vary_headers(response, ["Cookie"])
            patch_cache_control(response, public=True, max_age=60)
        return response

    return wrapped


def _visitor_key(request):
    """The cache key of this request's page if it may be served from, or kept in, the visitors' cache."""
    if request.method not in ("GET", "HEAD") or _may_be_personal(request):
        return None
    return f"public-site:{_generation()}:{request.get_full_path()}"


class VisitorPageCache:
    """The first middleware: a public page a visitor has been given is kept whole, with every header the rest
    of the middleware added (the security policy, caching, framing), and the next visitor gets it straight
    from the cache, without the session, authentication or any other middleware running, and without a query.

    Only pages their view marked (``cached_for_visitors``), answered 200 and setting no cookie, are kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _visitor_key(request)
        kept = get_held(cache, key) if key else None
        if kept is not None:
            content, headers = kept
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if (key and getattr(response, "keep_for_visitors", False) and response.status_code == 200
                and not response.streaming and not response.cookies):
            cache.set(key, (response.content, list(response.items())), settings.PUBLIC_CACHE_SECONDS)
        return response


def connect_signals():
    """Forget the cached public pages whenever something they show changes."""
    from commitments.models import Check, Commitment, Consultation, FundingDecision
    from compact_site.reporting.models import Report
    from signatories.models import Champion, Compact, Organisation, Signature
    from signatories.signals import register_imported
    from success_factors.models import Assessment, Factor, FactorScore
    from wins.models import Win

    from .models import PublicSiteSettings

    # Consultations and funding decisions too: verifying one marks its checks verified with a bulk update.
    for model in (Win, Report, Signature, Organisation, Compact, Champion, Assessment, FactorScore, Factor,
                  PublicSiteSettings, Check, Commitment, Consultation, FundingDecision):
        post_save.connect(forget_public_pages, sender=model, dispatch_uid=f"public-cache-save-{model.__name__}")
        post_delete.connect(forget_public_pages, sender=model, dispatch_uid=f"public-cache-delete-{model.__name__}")
    register_imported.connect(forget_public_pages, dispatch_uid="public-cache-import")
    for through in (Win.factors.through, Win.organisations.through):
        m2m_changed.connect(forget_public_pages, sender=through, dispatch_uid=f"public-cache-m2m-{through.__name__}")
