import pytest
from django.core.signals import request_finished
from django.core.cache import cache
from django.db import connection
from django.test import Client

from compact_site.celery import app as celery_app
from tests import factories


@pytest.fixture(autouse=True, scope="session")
def celery_runs_tasks_at_once():
    """Unit and view tests run Celery tasks in the process, at once (the worker tests in
    tests/notifications/worker/ use a real Redis and a real worker instead)."""
    celery_app.conf.task_always_eager = True
    yield


def run_on_commit_callbacks(**kwargs):
    """What a commit would do at the end of a request: run the on-commit callbacks waiting on the test's
    connection (the outbox's hand-over of each new email to the task queue).

    A test wrapped in a transaction never commits, so without this an email queued by a view would never be
    sent and ``mail.outbox`` would stay empty. Runs only inside such a transaction; transactional tests
    (the browser tests' live server) commit for real.
    """
    if not connection.in_atomic_block:
        return
    while connection.run_on_commit:
        _, callback, robust = connection.run_on_commit.pop(0)
        callback()


@pytest.fixture(autouse=True)
def emails_go_out_after_each_request():
    request_finished.connect(run_on_commit_callbacks, dispatch_uid="tests.run_on_commit_callbacks")
    yield
    request_finished.disconnect(dispatch_uid="tests.run_on_commit_callbacks")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: cached public pages and API rate counts belong to one test."""
    cache.clear()
    yield
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
