"""The per-key rate limit: 429 with Retry-After once a key passes its requests a minute."""

import pytest

from compact_site.api import limits, services
from compact_site.api.models import ApiToken


@pytest.fixture
def officer_key(officer):
    return services.create_token(name="Tight limit", by=officer, rate_limit_per_minute=3)


def test_a_key_over_its_limit_is_told_when_to_try_again(officer_key, client, compact):
    _, key = officer_key
    codes = [client.get("/api/v1/wins", HTTP_AUTHORIZATION=f"Bearer {key}").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = client.get("/api/v1/wins", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["error"] == "rate_limited"


def test_each_key_has_its_own_count(officer_key, officer, client, compact):
    _, busy = officer_key
    _, quiet = services.create_token(name="Another use", by=officer)
    for _ in range(4):
        client.get("/api/v1/wins", HTTP_AUTHORIZATION=f"Bearer {busy}")
    assert client.get("/api/v1/wins", HTTP_AUTHORIZATION=f"Bearer {quiet}").status_code == 200


def test_new_keys_get_the_default_of_60_a_minute(officer):
    token, _ = services.create_token(name="Default", by=officer)
    assert token.rate_limit_per_minute == 60


def test_the_count_starts_again_each_minute(officer_key):
    token, _ = officer_key
    start = 1_800_000_000.0  # the start of a clock minute
    for second in (0, 10, 20):
        limits.check(token, now=start + second)
    with pytest.raises(limits.RateLimited) as refused:
        limits.check(token, now=start + 45)
    assert refused.value.retry_after == 15
    limits.check(token, now=start + 60)  # a new minute


def test_a_refused_request_does_not_count_as_use_of_data(officer_key, client, compact):
    token, key = officer_key
    for _ in range(5):
        client.get("/api/v1/wins", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None
