"""Sessions that slide without a write on every request."""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

# When the session's expiry was last written (seconds since the epoch), kept in the session itself.
REFRESHED_AT = "_expiry_refreshed_at"


class SlidingExpiryMiddleware:
    """Keep "signed out after SESSION_COOKIE_AGE without a request" while writing the session rarely.

    Django writes a session (and so its expiry) only when it changes. This marks it changed once its
    expiry is more than SESSION_REFRESH_SECONDS old, so a signed-in person's requests write at most once
    in that time instead of every time. A session therefore ends between SESSION_COOKIE_AGE minus
    SESSION_REFRESH_SECONDS and SESSION_COOKIE_AGE after the last request: never later.

    Goes straight after SessionMiddleware, so that the session is saved after this has looked at it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = request.session
        if session.is_empty():  # not used by this request, or nobody's: nothing to keep alive
            return response
        now = int(time.time())
        if session.modified or now - session.get(REFRESHED_AT, 0) >= settings.SESSION_REFRESH_SECONDS:
            session[REFRESHED_AT] = now
        return response


@receiver(user_logged_in)
def note_expiry_written(sender, request, user, **kwargs):
    """Signing in writes the session with a fresh expiry: the next refresh is due in SESSION_REFRESH_SECONDS."""
    if request is not None and hasattr(request, "session"):
        request.session[REFRESHED_AT] = int(time.time())
