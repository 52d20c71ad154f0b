"""Public pages are cached for visitors who are not signed in and invalidated as soon as what they show changes."""

import pytest

from compact_site.public import services
from tests import factories
from tests.compact_site.public.builders import build_world
from tests.conftest import TEST_REDIS_URL
from tests.wins.factories import WinFactory
from wins import services as win_services
from wins.models import Win


@pytest.fixture
def world(compact):
    return build_world(compact)


def test_a_visitor_gets_a_cached_page_without_touching_the_database(world, client, django_assert_num_queries):
    client.get("/public/register/")
    first = client.get("/public/register/")
    with django_assert_num_queries(0):
        second = client.get("/public/register/")
    assert second.content == first.content
    # Browsers and proxies ask again every time, and get a 304 while the page has not changed.
    assert second["Cache-Control"] == "no-cache" and "Expires" not in second
    assert "Cookie" in second["Vary"]
    assert second["ETag"] == first["ETag"]
    # Served from the cache inside the middleware, it carries every header the middleware adds.
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "Referrer-Policy",
        "X-Content-Type-Options",
        "Content-Type",
    ):
        assert second[header] == first[header]


def test_a_browser_asking_again_gets_a_304_until_the_page_changes(world, client):
    etag = client.get("/public/wins/")["ETag"]
    assert client.get("/public/wins/", headers={"If-None-Match": etag}).status_code == 304

    win_services.show_on_public_site(win=world.public_win, by=world.officer, show=False)

    again = client.get("/public/wins/", headers={"If-None-Match": etag})
    assert again.status_code == 200 and "The shared minibus" not in again.content.decode()


def test_the_cache_is_invalidated_when_a_win_is_shown(world, client):
    assert "SECRET-UNSHOWN-WIN" not in client.get("/public/wins/").content.decode()
    win_services.show_on_public_site(win=world.unshown_win, by=world.officer)
    assert "SECRET-UNSHOWN-WIN" in client.get("/public/wins/").content.decode()


def test_the_cache_is_invalidated_when_the_register_changes(world, client):
    client.get("/public/register/")
    factories.SignatureFactory(compact=world.compact, organisation=factories.OrganisationFactory(name="Newcomers"))
    assert "Newcomers" in client.get("/public/register/").content.decode()
    client.get("/open-data/register.csv")
    world.organisation.name = "Riverside Food Bank and Pantry"
    world.organisation.save()
    assert "Riverside Food Bank and Pantry" in client.get("/open-data/register.csv").content.decode()


def test_the_cache_is_invalidated_when_the_site_is_turned_off(world, client):
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
    assert ">Your account</a>" in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")
    assert ">Your account</a>" not in client.get("/public/wins/").content.decode()


def test_each_search_is_its_own_page(world, client):
    assert "Old Mill Trust" not in client.get("/public/register/?q=riverside").content.decode()
    assert "Old Mill Trust" in client.get("/public/register/?q=mill").content.decode()


def test_with_redis_every_server_shares_the_cache_and_its_invalidation(world, client, redis_cache):
    client.get("/public/wins/")
    assert redis_cache.keys("*views.decorators.cache*")  # django-redis's documented keys()
    WinFactory(compact=world.compact, title="Told through Redis", show_on_public_site=True)
    assert "Told through Redis" in client.get("/public/wins/").content.decode()


def test_with_redis_a_change_another_server_made_is_seen_on_the_next_visit(world, client, redis_cache):
    """Another server renames a win with a bulk update (no signal here) and invalidates the wins itself."""
    import redis

    from signatories import caching

    client.get("/public/wins/")
    Win.objects.filter(title="The shared minibus").update(title="The shared electric minibus")
    redis.Redis.from_url(TEST_REDIS_URL).delete(redis_cache.make_and_validate_key(f"version:{caching.WINS}"))

    assert "The shared electric minibus" in client.get("/public/wins/").content.decode()


def test_a_message_for_one_visitor_is_never_kept_for_others(world, client):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpResponse
    from django.test import Client, RequestFactory

    storage = CookieStorage(RequestFactory().get("/"))
    response = HttpResponse()
    storage._store([Message(constants.SUCCESS, "Welcome, Zebedee: your account is ready")], response)
    client.cookies["messages"] = response.cookies["messages"].value
    assert "Welcome, Zebedee" in client.get("/public/wins/").content.decode()
    assert "Welcome, Zebedee" not in Client().get("/public/wins/").content.decode()
