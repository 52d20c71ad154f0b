"""Officers create a key for a named use, see it once, see when it was last used, and revoke it."""

import pytest
from django.utils import timezone

from compact_site.accounts.models import hash_token
from compact_site.api import services
from compact_site.api.models import ApiToken


def test_officer_creates_a_key_and_sees_it_once(officer_client, officer, compact):
    response = officer_client.post(
        "/api-keys/new/", {"name": "Power BI – performance team", "can_see_names": "on", "rate_limit_per_minute": "30"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get()
    text = response.content.decode()
    key = text.split('id="api-key" type="text" value="')[1].split('"')[0]
    assert key.startswith("cpt_") and len(key) > 40
    assert "This is the only time the key is shown" in text
    assert (token.name, token.can_see_names, token.rate_limit_per_minute, token.created_by) == (
        "Power BI – performance team",
        True,
        30,
        officer,
    )
    assert token.token_hash == hash_token(key) and key not in token.token_hash
    assert ApiToken.objects.filter(prefix=key[:8]).exists()
    listing = officer_client.get("/api-keys/").content.decode()
    assert "Power BI – performance team" in listing and key not in listing
    assert officer_client.get("/api/v1/wins", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


def test_a_key_needs_a_use_and_a_sensible_limit(officer_client, compact):
    response = officer_client.post("/api-keys/new/", {"name": "  ", "rate_limit_per_minute": "0"})
    text = response.content.decode()
    assert "govuk-error-summary" in text
    assert "Enter what the key is for, like Power BI – performance team" in text
    assert "Requests a minute must be 1 or more" in text
    assert ApiToken.objects.count() == 0
    response = officer_client.post("/api-keys/new/", {"name": "Excel", "rate_limit_per_minute": "many"})
    text = response.content.decode()
    assert "Enter the requests a minute as a whole number, like 60" in text
    assert 'value="Excel"' in text  # nothing typed is lost


def test_the_list_shows_when_each_key_was_last_used(officer_client, officer, client, compact):
    token, key = services.create_token(name="Excel workbook", by=officer)
    assert "Never" in officer_client.get("/api-keys/").content.decode()
    client.get("/api/v1/rounds", HTTP_AUTHORIZATION=f"Bearer {key}")
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert timezone.now() - token.last_used_at < timezone.timedelta(minutes=1)
    assert "Never" not in officer_client.get("/api-keys/").content.decode()


def test_officer_revokes_a_key_and_it_stops_working(officer_client, officer, client, compact):
    token, key = services.create_token(name="Old dashboard", by=officer)
    page = officer_client.get(f"/api-keys/{token.pk}/revoke/").content.decode()
    assert "Revoke the API key for Old dashboard?" in page
    response = officer_client.post(f"/api-keys/{token.pk}/revoke/", follow=True)
    assert "The key for “Old dashboard” has been revoked" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == officer
    assert client.get("/api/v1/wins", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


@pytest.mark.parametrize("who", ["champion_client", "lsp_client"])
def test_only_officers_create_or_revoke_keys(who, request, officer, compact):
    client = request.getfixturevalue(who)
    token, key = services.create_token(name="Keep", by=officer)
    assert client.post("/api-keys/new/", {"name": "Mine", "rate_limit_per_minute": "60"}).status_code == 403
    assert client.post(f"/api-keys/{token.pk}/revoke/").status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None and ApiToken.objects.count() == 1


def test_services_refuse_anyone_but_an_officer(champion, officer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.create_token(name="Sneaky", by=champion)
    token, _ = services.create_token(name="Fine", by=officer)
    with pytest.raises(PermissionDenied):
        services.revoke_token(token=token, by=champion)
