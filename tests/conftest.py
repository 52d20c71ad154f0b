import pytest
from django.core.cache import cache
from django.test import Client

from tests import factories


@pytest.fixture(autouse=True)
def empty_cache(settings):
    """Each test starts with nothing kept from another (ids are reused between tests on SQLite). Only the
    per-process memory cache is emptied: clearing a Redis cache would empty the whole Redis database."""
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        cache.clear()


@pytest.fixture
def compact(db):
    return factories.CompactFactory()


@pytest.fixture
def officer(db):
    return factories.officer(username="officer", first_name="Olivia", last_name="Officer")


@pytest.fixture
def lsp_member(db):
    return factories.lsp_member(username="lsp", first_name="Lee", last_name="Board")


@pytest.fixture
def champion(db):
    return factories.champion_user(username="champion", first_name="Chris", last_name="Champion")


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def officer_client(officer):
    return client_for(officer)


@pytest.fixture
def lsp_client(lsp_member):
    return client_for(lsp_member)


@pytest.fixture
def champion_client(champion):
    return client_for(champion)
