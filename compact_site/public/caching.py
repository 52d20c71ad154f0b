"""The public pages are cached for visitors who are not signed in, under the versions of what they show.

``cached_for_visitors`` puts Django's ``cache_page`` around a public view, with a key prefix made of the
current versions of every kind of data the public site shows (``signatories.caching``): any change to one of
them gives the next visitor a page worked out again, and a page cached under old versions is never found
again (the versions are random, so not even after Redis is flushed). The view runs inside the middleware, so
the host check, the https redirect and the security headers apply to a cached page as to any other.

Browsers and proxies are told to ask again every time (``Cache-Control: no-cache``) and are given an ``ETag``,
so a page that has not changed costs them a ``304 Not Modified`` and a page that has (a win taken down, the
site closed) is never shown from their copy.
"""

from functools import wraps

from django.conf import settings
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.cache import cache_page

from signatories import caching

# Everything a public page may show.
SHOWN = (
    caching.COMPACT,
    caching.REGISTER,
    caching.SCORES,
    caching.FACTORS,
    caching.WINS,
    caching.COMMITMENTS,
    caching.REPORTS,
    caching.PUBLIC_SITE,
    caching.REPRESENTATION,
    caching.SCRUTINY,
)

conditional = decorator_from_middleware(ConditionalGetMiddleware)


def _may_be_personal(request):
    """A visitor with a session or waiting messages may see something meant for them alone (a message after
    accepting an invitation, say): their pages are worked out each time and never cached for others."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def cached_for_visitors(view):
    """Cache a public page for visitors who are not signed in (GET and HEAD only). Signed-in people always get
    a fresh page: theirs carries their name and the service's navigation."""

    @conditional
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or _may_be_personal(request):
            return view(request, *args, **kwargs)
        prefix = "public-page:" + caching.versions(*SHOWN)
        response = cache_page(settings.PUBLIC_CACHE_SECONDS, key_prefix=prefix)(view)(request, *args, **kwargs)
        # cache_page tells browsers to keep the page for as long as the cache does; they must ask again instead.
        if "Expires" in response:
            del response["Expires"]
        response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapped
