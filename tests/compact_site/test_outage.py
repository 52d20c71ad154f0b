"""With Redis unreachable every page still answers, from the database, and the outage is logged once."""

import logging

import pytest
from django.core.cache import caches

from compact_site.outage import QUIET_SECONDS, OncePerOutage
from tests.compact_site.public.builders import build_world
from tests.conftest import client_for, production_cache

NOBODY_LISTENS = "redis://127.0.0.1:9/0"  # the discard port: every connection is refused at once


@pytest.fixture
def redis_away(settings):
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOGGER = "compact_site.outage"
    settings.CACHES = production_cache(NOBODY_LISTENS, "test-redis-away")
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    logger = logging.getLogger("compact_site.outage")
    logger.disabled = False  # another test's logging set-up (a worker's, say) may have switched it off
    outage_filter = next(f for f in logger.filters if isinstance(f, OncePerOutage))
    caches["default"]  # the cache of these settings
    return outage_filter


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
def test_an_outage_is_logged_once_not_once_per_request(redis_away, compact, client, caplog):
    build_world(compact)
    redis_away.last_error = float("-inf")  # the outage starts here
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="compact_site.outage"):
        for _ in range(5):
            assert client.get("/public/register/").status_code == 200
    warnings = [record for record in caplog.records if record.name == "compact_site.outage"]
    assert len(warnings) == 1
    assert warnings[0].levelname == "WARNING" and "cannot be reached" in warnings[0].getMessage()


def test_a_new_outage_after_a_quiet_spell_is_logged_again():
    once = OncePerOutage()

    def error():
        record = logging.LogRecord("compact_site.outage", logging.ERROR, __file__, 1, "Exception ignored", (), None)
        return once.filter(record)

    assert [error(), error(), error()] == [True, False, False]
    once.last_error -= QUIET_SECONDS  # Redis answered for a while
    assert error() is True
