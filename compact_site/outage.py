"""One warning per Redis outage, not one per request.

With Redis away, django-redis (``IGNORE_EXCEPTIONS``) answers every cache read as a miss and logs each error it
ignored to the ``compact_site.outage`` logger (``settings.DJANGO_REDIS_LOGGER``). This filter on that logger
lets the first through, as a warning, and holds back the rest until Redis has answered (no error) for
``QUIET_SECONDS``: an outage is a run of errors with no quiet gap that long between them.
"""

import logging
import threading
import time

QUIET_SECONDS = 30


class OncePerOutage(logging.Filter):
    def __init__(self, name: str = "") -> None:
        super().__init__(name)
        self.last_error = float("-inf")
        self.lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        with self.lock:
            new_outage = now - self.last_error >= QUIET_SECONDS
            self.last_error = now
        if not new_outage:
            return False
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.msg = (
            "The cache (Redis) cannot be reached: pages are worked out from the database until it is "
            "back. Once per outage; the error: %s"
        )
        record.args = (record.exc_info[1] if record.exc_info else "unknown",)
        record.exc_info = record.exc_text = None
        return True
