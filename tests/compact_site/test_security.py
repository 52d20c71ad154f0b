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


def test_the_policy_written_once_is_on_every_later_response_and_a_view_can_still_change_its_own(client, rf):
    from django.http import HttpResponse

    from compact_site.security import CSPMiddleware

    first = client.get(LOGIN)["Content-Security-Policy"]
    assert client.get("/no-such-page/")["Content-Security-Policy"] == first  # error pages too
    assert client.get(reverse("dashboard"))["Content-Security-Policy"] == first  # a redirect to sign in

    def view_with_its_own_policy(request):
        response = HttpResponse("map")
        response._csp_update = {"img-src": ["https://tiles.example.org"]}
        return response

    middleware = CSPMiddleware(lambda request: HttpResponse("plain"))
    middleware(rf.get("/"))  # the plain policy is kept
    changed = CSPMiddleware.process_response(middleware, rf.get("/map/"), view_with_its_own_policy(None))
    assert "https://tiles.example.org" in changed["Content-Security-Policy"]
    assert "https://tiles.example.org" not in middleware(rf.get("/"))["Content-Security-Policy"]


def test_pages_use_no_inline_scripts_or_styles(officer_client):
    html = officer_client.get(reverse("dashboard")).content.decode()

    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert "<script src=" in html


def test_hsts_on_https_when_configured(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    response = client.get(LOGIN, secure=True)

    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
