"""Security headers on real responses. Locking out password guessing is in ``accounts/test_lockouts.py``."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")


def test_every_page_carries_the_security_headers(client):
    response = client.get(LOGIN)

    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


def test_every_response_carries_the_policy_in_the_settings(client, settings):
    responses = [client.get(LOGIN), client.get("/no-such-page/"), client.get(reverse("dashboard"))]

    for response in responses:  # a page, an error page and a redirect to sign in
        directives = [directive.split() for directive in response["Content-Security-Policy"].split(";")]
        assert {name: values for name, *values in directives} == settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]


def test_pages_use_no_inline_scripts_or_styles(officer_client):
    html = officer_client.get(reverse("dashboard")).content.decode()

    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert "<script src=" in html


def test_hsts_on_https_when_configured(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    response = client.get(LOGIN, secure=True)

    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
