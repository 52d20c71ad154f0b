"""Optional two-step verification with an authenticator app; officers can require it for officers."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

SETUP, VERIFY, MANAGE = reverse("two_step_setup"), reverse("two_step_verify"), reverse("two_step_manage")


def code_for(device):
    """What the person's authenticator app shows now."""
    device.refresh_from_db()
    return str(TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()).zfill(6)


def next_time_step(device):
    """A code works once; pretend the app has moved on to its next code."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)


def sign_in(user):
    client = Client()
    response = client.post(reverse("login"), {"username": user.username, "password": factories.PASSWORD})
    assert response.status_code == 302
    return client


def set_up(client, user):
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(SETUP, {"code": code_for(device)})
    assert response.status_code == 302
    return device


def test_setting_up_needs_a_right_code_from_the_app(officer, officer_client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no pause after the wrong code, so the test need not wait
    page = officer_client.get(SETUP).content.decode()
    assert "data:image/svg+xml;base64," in page and "Key:" in page

    wrong = officer_client.post(SETUP, {"code": "000000"})
    assert "The code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.get(user=officer).confirmed

    device = TOTPDevice.objects.get(user=officer)
    officer_client.post(SETUP, {"code": code_for(device)})
    device.refresh_from_db()
    assert device.confirmed


def test_after_the_password_a_code_is_needed_before_any_page(officer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = set_up(client_for(officer), officer)
    next_time_step(device)
    client = sign_in(officer)

    response = client.get(reverse("signatories:organisation_list"))
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    assert "Enter the code" in client.get(response.url).content.decode()

    wrong = client.post(response.url, {"code": "123"})
    assert "The code is not right" in wrong.content.decode()
    right = client.post(response.url, {"code": code_for(device)})
    assert right.url == reverse("signatories:organisation_list")
    assert client.get(reverse("signatories:organisation_list")).status_code == 200


def test_an_officer_can_require_it_for_every_officer_but_not_for_champions(officer_client):
    officer_client.post(MANAGE, {"require_officer_two_step": "on"})
    other_officer = factories.officer(username="another-officer")
    champion = factories.champion_user(username="a-champion")

    response = sign_in(other_officer).get(reverse("dashboard"))
    assert response.status_code == 302 and response.url == SETUP
    assert sign_in(champion).get(reverse("dashboard")).status_code == 200


def test_a_wrong_code_makes_the_next_try_wait_with_a_clear_message(officer):
    client = client_for(officer)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=officer)
    client.post(SETUP, {"code": "000000"})

    response = client.post(SETUP, {"code": code_for(device)})

    assert "Wait a few seconds" in response.content.decode()


def test_turning_it_off_when_it_is_not_required(officer):
    client = client_for(officer)
    set_up(client, officer)

    client.post(MANAGE, {"turn_off": "1"})

    assert not TOTPDevice.objects.filter(user=officer).exists()


def test_it_cannot_be_turned_off_while_officers_must_use_it(officer):
    client = client_for(officer)
    set_up(client, officer)
    client.post(MANAGE, {"require_officer_two_step": "on"})

    client.post(MANAGE, {"turn_off": "1"})

    assert TOTPDevice.objects.filter(user=officer, confirmed=True).exists()
