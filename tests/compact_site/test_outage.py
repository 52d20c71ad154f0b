"""With Redis unreachable every page still answers, from the database, and the outage is logged once."""

import logging
import uuid

import pytest
from django.core.cache import caches

from compact_site.outage import QUIET_SECONDS, OncePerOutage
from tests.compact_site.public.builders import build_world
from tests.conftest import client_for, production_cache

NOBODY_LISTENS = "redis://127.0.0.1:9/0"  # the discard port: every connection is refused at once


class Kept(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def redis_away(settings):
    """The cache as production has it, on a Redis nobody answers; django-redis's ignored errors go to a logger of
    this test's own with the service's filter, so no other test's log can change what this one sees."""
    logger = logging.getLogger(f"compact_site.outage.test-{uuid.uuid4().hex}")
    logger.addFilter(OncePerOutage())
    kept = Kept()
    logger.addHandler(kept)
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOGGER = logger.name
    settings.CACHES = production_cache(NOBODY_LISTENS, "test-redis-away")
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    caches["default"]  # the cache of these settings
    yield kept
    logger.removeHandler(kept)


def test_the_service_logs_ignored_redis_errors_through_the_once_per_outage_filter():
    from django.conf import settings as django_settings

    assert any(isinstance(f, OncePerOutage) for f in logging.getLogger("compact_site.outage").filters)
    assert django_settings.LOGGING["loggers"]["compact_site.outage"]["filters"] == ["once_per_outage"]


@pytest.mark.django_db
def test_every_kind_of_page_answers_from_the_database_with_redis_away(
    redis_away, compact, officer, lsp_member, champion, client
):
    world = build_world(compact)
    assert client.get("/public/register/").status_code == 200
    assert client.get(f"/public/wins/{world.public_win.pk}/").status_code == 200
    assert client.get("/accounts/login/").status_code == 200
    for person, url in [
        (officer, "/"),
        (officer, "/wins/"),
        (officer, "/results/"),
        (lsp_member, "/factors/3/"),
        (officer, "/commitments/"),
        (champion, "/"),
    ]:
        response = client_for(person).get(url)
        assert response.status_code == 200, url


@pytest.mark.django_db
def test_an_outage_is_logged_once_not_once_per_request(redis_away, compact, client):
    build_world(compact)
    redis_away.records.clear()  # the outage as the visitors see it starts here (the filter already let one by)
    for _ in range(5):
        assert client.get("/public/register/").status_code == 200
    assert redis_away.records == []  # the same outage: held back

    logger = logging.getLogger(django_settings_logger())
    next(f for f in logger.filters if isinstance(f, OncePerOutage)).last_error = float("-inf")  # a new outage
    for _ in range(5):
        assert client.get("/public/register/").status_code == 200
    assert len(redis_away.records) == 1
    assert redis_away.records[0].levelname == "WARNING"
    assert "cannot be reached" in redis_away.records[0].getMessage()


def django_settings_logger():
    from django.conf import settings

    return settings.DJANGO_REDIS_LOGGER


def test_a_new_outage_after_a_quiet_spell_is_logged_again():
    once = OncePerOutage()

    def error():
        record = logging.LogRecord("compact_site.outage", logging.ERROR, __file__, 1, "Exception ignored", (), None)
        return once.filter(record)

    assert [error(), error(), error()] == [True, False, False]
    once.last_error -= QUIET_SECONDS  # Redis answered for a while
    assert error() is True
