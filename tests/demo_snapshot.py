"""The Northbrook demo in the test database, loaded once per test process and day on SQLite.

Loading the demo takes seconds, and dozens of tests (every browser journey among them) start from it. On SQLite the
first load in each test process is copied aside with SQLite's own backup API (``sqlite3.Connection.backup``), and
later tests get that copy put back into their database in milliseconds. It needs a test outside a transaction (a
``transactional_db`` test), whose database SQLite can overwrite whole. On PostgreSQL, or inside a transaction, the
demo is loaded afresh every time.
"""

import sqlite3

from django.db import connection
from django.utils import timezone

from compact_site import demo
from signatories import caching
from tests.migration_data import reseed

_copies: dict = {}  # the day the demo was loaded for -> (its copy, what load() returned)


def load_demo() -> dict:
    """What ``compact_site.demo.load()`` returns, with the demo in the database."""
    reseed()
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return demo.load()
    day = timezone.localdate()  # the demo's dates are relative to today (and tests may move today)
    connection.ensure_connection()
    if day not in _copies:
        counts = demo.load()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _copies[day] = (copy, counts)
        return dict(counts)
    copy, counts = _copies[day]
    copy.backup(connection.connection)
    # Nothing cached before the copy came back may stand for the data it replaced.
    caching.invalidate(*caching.KINDS)
    return dict(counts)
