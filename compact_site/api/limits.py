"""The per-token rate limit: at most ``token.rate_limit_per_minute`` requests in each clock minute.

Counted in Django's cache (Redis in production, shared by every server; local memory by default, where each
process counts on its own). A fixed window: simple and cheap, at the price of allowing a burst across the
turn of a minute.
"""

import time

from django.core.cache import cache

WINDOW_SECONDS = 60


class RateLimited(Exception):
    def __init__(self, retry_after):
        super().__init__(f"Rate limit reached: try again in {retry_after} seconds")
        self.retry_after = retry_after


def check(token, *, now=None):
    """Count one request by ``token``; raise RateLimited (with the seconds to wait) once it is over its limit."""
    now = time.time() if now is None else now
    window = int(now // WINDOW_SECONDS)
    key = f"api-rate:{token.pk}:{window}"
    if cache.add(key, 1, timeout=WINDOW_SECONDS + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # the window's key expired between add and incr
            cache.set(key, 1, timeout=WINDOW_SECONDS + 1)
            count = 1
    if count > token.rate_limit_per_minute:
        raise RateLimited(retry_after=max(1, int((window + 1) * WINDOW_SECONDS - now + 0.999)))
