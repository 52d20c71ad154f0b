"""Sign-in lockouts: django-axes pauses password guessing for one username from one address, and officers see
and lift lockouts."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")


def fail_to_sign_in(client, username, times):
    for _ in range(times):
        response = client.post(LOGIN, {"username": username, "password": "not-the-password"}, REMOTE_ADDR="203.0.113.9")
    return response


def test_repeated_failures_lock_the_username_out_with_a_clear_message(client, settings):
    user = factories.UserFactory(username="riley")

    before = fail_to_sign_in(client, "riley", settings.AXES_FAILURE_LIMIT - 1)
    assert before.status_code == 200
    assert "Enter a correct username and password" in before.content.decode()

    locked = fail_to_sign_in(client, "riley", 1)
    assert locked.status_code == 429
    assert "You cannot sign in for now" in locked.content.decode()

    # Even the right password is refused while the pause lasts.
    right = client.post(LOGIN, {"username": "riley", "password": factories.PASSWORD}, REMOTE_ADDR="203.0.113.9")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session
    assert user.pk


def test_the_lockout_is_per_username_and_address(client, settings):
    factories.UserFactory(username="riley")
    fail_to_sign_in(client, "riley", settings.AXES_FAILURE_LIMIT)

    from_elsewhere = client.post(
        LOGIN, {"username": "riley", "password": factories.PASSWORD}, REMOTE_ADDR="198.51.100.7"
    )

    assert from_elsewhere.status_code == 302


def test_behind_a_proxy_the_lockout_goes_by_the_persons_address_not_the_proxys(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    factories.UserFactory(username="riley")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        # The attacker forges a first address; the proxy appends the one it really saw.
        client.post(
            LOGIN, {"username": "riley", "password": "wrong"}, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9", **proxy
        )

    locked = client.post(
        LOGIN, {"username": "riley", "password": factories.PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy
    )
    other_person = client.post(
        LOGIN, {"username": "riley", "password": factories.PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
    )

    assert locked.status_code == 429
    assert other_person.status_code == 302
    assert AccessAttempt.objects.get(username="riley").ip_address == "203.0.113.9"


def test_without_trusted_proxies_a_forwarded_header_is_ignored(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    factories.UserFactory(username="riley")
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": "riley", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
            REMOTE_ADDR="203.0.113.9",
        )

    assert (
        client.post(LOGIN, {"username": "riley", "password": factories.PASSWORD}, REMOTE_ADDR="203.0.113.9").status_code
        == 429
    )


def test_officer_sees_lockouts_and_lifts_one(client, officer_client, settings):
    factories.UserFactory(username="riley")
    fail_to_sign_in(client, "riley", settings.AXES_FAILURE_LIMIT)

    page = officer_client.get(reverse("lockout_list"))
    assert "riley" in page.content.decode()
    assert "203.0.113.9" in page.content.decode()

    attempt = AccessAttempt.objects.get(username="riley")
    response = officer_client.post(reverse("lockout_clear", args=[attempt.pk]), follow=True)
    assert "riley can sign in again" in response.content.decode()
    assert not AccessAttempt.objects.filter(username="riley").exists()
    again = client.post(LOGIN, {"username": "riley", "password": factories.PASSWORD}, REMOTE_ADDR="203.0.113.9")
    assert again.status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client, settings):
    factories.UserFactory(username="riley")
    fail_to_sign_in(client, "riley", settings.AXES_FAILURE_LIMIT - 1)

    client.post(LOGIN, {"username": "riley", "password": factories.PASSWORD}, REMOTE_ADDR="203.0.113.9")

    assert AccessAttempt.objects.filter(username="riley", failures_since_start__gt=0).count() == 0
