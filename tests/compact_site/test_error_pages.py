"""Our own 400/403/404/500 pages: the service's look, plain words, never a stack trace."""

import pytest
from django.test import Client

pytestmark = pytest.mark.urls("tests.compact_site.error_urls")


def test_missing_page_shows_our_404(officer_client):
    response = officer_client.get("/organisations/999999/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "compact-header" in response.content.decode()


def test_unknown_address_shows_our_404_to_anonymous_visitors(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "If you typed the web address, check it is correct." in response.content.decode()


def test_refused_page_shows_our_403(champion_client):
    response = champion_client.get("/organisations/new/")
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()


def test_bad_request_shows_our_400(officer_client):
    response = officer_client.get("/test-errors/400/")
    assert response.status_code == 400
    assert "there is a problem with the request" in response.content.decode()


def test_server_error_shows_our_500_without_details(db):
    client = Client(raise_request_exception=False)
    response = client.get("/test-errors/500/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in body
    assert "SECRET_DETAIL_THAT_MUST_NOT_LEAK" not in body
    assert "Traceback" not in body
