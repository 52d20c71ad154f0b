"""Public pages are cached for visitors who are not signed in and forgotten as soon as what they show changes."""

import socket

import pytest
from django.core.cache import caches

from compact_site.public import services
from compact_site.public.caching import GENERATION_KEY
from tests import factories
from tests.compact_site.public.builders import build_world
from tests.held_reads import round_trips
from tests.wins.factories import WinFactory
from wins import services as win_services
from wins.models import Win


@pytest.fixture
def world(compact):
    return build_world(compact)


def test_a_visitor_gets_a_cached_page_without_touching_the_database(world, client, django_assert_num_queries):
    # The end of the first request runs what the world's saves left for their commit (tests/conftest.py),
    # which forgets the cached pages once more, as a real commit would.
    client.get("/public/register/")
    first = client.get("/public/register/")
    with django_assert_num_queries(0):
        second = client.get("/public/register/")
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60"
    assert "Cookie" in second["Vary"]
    # Served ahead of the other middleware, it still carries every header they added.
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", "Referrer-Policy",
                   "X-Content-Type-Options", "Content-Type"):
        assert second[header] == first[header]


def test_the_cache_is_forgotten_when_a_win_is_shown(world, client):
    assert "SECRET-UNSHOWN-WIN" not in client.get("/public/wins/").content.decode()
    win_services.show_on_public_site(win=world.unshown_win, by=world.officer)
    assert "SECRET-UNSHOWN-WIN" in client.get("/public/wins/").content.decode()


def test_the_cache_is_forgotten_when_the_register_changes(world, client):
    client.get("/public/register/")
    factories.SignatureFactory(compact=world.compact, organisation=factories.OrganisationFactory(name="Newcomers"))
    assert "Newcomers" in client.get("/public/register/").content.decode()
    client.get("/open-data/register.csv")
    world.organisation.name = "Riverside Food Bank and Pantry"
    world.organisation.save()
    assert "Riverside Food Bank and Pantry" in client.get("/open-data/register.csv").content.decode()


def test_the_cache_is_forgotten_when_the_site_is_turned_off(world, client):
    assert client.get("/public/register/").status_code == 200
    services.update_site_settings(by=world.officer, is_on=False, publish_scores=False)
    assert client.get("/public/register/").status_code == 404
    assert client.get("/").status_code == 302


def test_a_win_taken_off_the_site_goes_at_once(world, client):
    assert client.get(f"/public/wins/{world.public_win.pk}/").status_code == 200
    win_services.show_on_public_site(win=world.public_win, by=world.officer, show=False)
    assert client.get(f"/public/wins/{world.public_win.pk}/").status_code == 404
    assert "The shared minibus" not in client.get("/").content.decode()


def test_signed_in_people_always_get_a_fresh_page(world, officer_client, client):
    client.get("/public/wins/")  # cached for visitors
    response = officer_client.get("/public/wins/")
    assert "Signed in as Olivia" in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")
    assert "Signed in as" not in client.get("/public/wins/").content.decode()


def test_each_search_is_its_own_page(world, client):
    assert "Old Mill Trust" not in client.get("/public/register/?q=riverside").content.decode()
    assert "Old Mill Trust" in client.get("/public/register/?q=mill").content.decode()


def redis_is_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


REDIS_URL = "redis://127.0.0.1:6379/2"


@pytest.fixture
def redis_cache(settings):
    """Production keeps the cache in Redis (REDIS_URL): a real Redis here, in a database of its own."""
    if not redis_is_running():
        pytest.skip("no Redis at 127.0.0.1:6379")
    settings.CACHES = {"default": {"BACKEND": "compact_site.cache.RedisCache",
                                   "LOCATION": REDIS_URL, "KEY_PREFIX": "test-public-site"}}
    redis = caches["default"]
    redis.clear()
    yield redis
    redis.clear()


def test_with_redis_every_server_shares_the_cache_and_the_forgetting(world, client, redis_cache):
    client.get("/public/wins/")
    assert any(key for key in redis_cache._cache.get_client().keys("test-public-site:*public-site:*"))
    WinFactory(compact=world.compact, title="Told through Redis", show_on_public_site=True)
    assert "Told through Redis" in client.get("/public/wins/").content.decode()


def test_with_redis_a_visitors_page_is_held_here_until_another_server_changes_it(world, client, redis_cache,
                                                                                django_assert_num_queries):
    """The generation and the page are held in the process (compact_site.cache.HeldReads): the next visitor's
    page asks Redis nothing, and a new generation started by another server is seen on the very next visit."""
    import redis

    client.get("/public/wins/")
    client.get("/public/wins/")  # kept by the first, held from the second
    sent = round_trips(redis_cache)
    with django_assert_num_queries(0):
        page = client.get("/public/wins/")
    assert page.status_code == 200 and "The shared minibus" in page.content.decode() and sent == []

    # Another server renames the win and starts a new generation, each on its own connection (a bulk update
    # sends this process no signal).
    Win.objects.filter(title="The shared minibus").update(title="The shared electric minibus")
    redis.Redis.from_url(REDIS_URL).incr(redis_cache.make_and_validate_key(GENERATION_KEY))

    assert "The shared electric minibus" in client.get("/public/wins/").content.decode()


def test_a_message_for_one_visitor_is_never_kept_for_others(world, client):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.contrib.messages.storage.base import Message
    from django.http import HttpResponse
    from django.test import Client, RequestFactory

    storage = CookieStorage(RequestFactory().get("/"))
    response = HttpResponse()
    storage._store([Message(constants.SUCCESS, "Welcome, Zebedee: your account is ready")], response)
    client.cookies["messages"] = response.cookies["messages"].value
    assert "Welcome, Zebedee" in client.get("/public/wins/").content.decode()
    assert "Welcome, Zebedee" not in Client().get("/public/wins/").content.decode()
