"""Signing in and out, changing a password, and resetting a forgotten one by email."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.factories import PASSWORD
from tests.success_factors.builders import page_text

LOGIN_URL = reverse("login")
LOGOUT_URL = reverse("logout")
CHANGE_URL = reverse("password_change")
RESET_URL = reverse("password_reset")
NEW_PASSWORD = "kettle-harbour-violet-93"


@pytest.fixture
def person(db):
    return factories.lsp_member(username="pshah", email="priya@example.org", first_name="Priya")


def signed_in_id(client):
    return client.session.get(SESSION_KEY)


def test_login_page_offers_sign_in_and_a_forgotten_password_link(client, db):
    response = client.get(LOGIN_URL)

    text = page_text(response)
    assert "Sign in to Compact" in text
    assert "Username or email address" in text
    assert f'href="{RESET_URL}"' in response.content.decode()
    assert "There is no sign-up page" in text


def test_wrong_password_shows_the_error_summary_and_does_not_sign_in(client, person):
    response = client.post(LOGIN_URL, {"username": "pshah", "password": "not-my-password"})

    text = page_text(response)
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert "There is a problem Enter a correct username and password. Both are case-sensitive." in text
    assert text.startswith("Error: Sign in")
    assert signed_in_id(client) is None


def test_empty_sign_in_says_what_to_enter(client, db):
    text = page_text(client.post(LOGIN_URL, {"username": "", "password": ""}))

    assert "Enter your username or email address" in text
    assert "Enter your password" in text


def test_right_password_lands_on_the_dashboard(client, person):
    response = client.post(LOGIN_URL, {"username": "pshah", "password": PASSWORD}, follow=True)

    assert response.redirect_chain == [(reverse("dashboard"), 302)]
    assert "Hello, Priya" in page_text(response)
    assert signed_in_id(client) == str(person.pk)


def test_signing_in_returns_to_the_page_asked_for(client, person):
    wanted = reverse("signatories:champion_list")

    response = client.post(f"{LOGIN_URL}?next={wanted}", {"username": "pshah", "password": PASSWORD})

    assert response["Location"] == wanted


def test_sign_out_does_not_happen_on_a_get(person):
    client = Client()
    client.force_login(person)

    response = client.get(LOGOUT_URL)

    assert response.status_code == 405
    assert signed_in_id(client) == str(person.pk)


def test_sign_out_by_post_ends_the_session_and_goes_to_sign_in(person):
    client = Client()
    client.force_login(person)

    response = client.post(LOGOUT_URL)

    assert response["Location"] == LOGIN_URL
    assert signed_in_id(client) is None
    assert client.get(reverse("dashboard"))["Location"].startswith(LOGIN_URL)


def test_person_changes_their_password_and_stays_signed_in(person):
    client = Client()
    client.force_login(person)

    response = client.post(
        CHANGE_URL,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert "Your password has been changed" in page_text(response)
    assert client.get(reverse("dashboard")).status_code == 200


def test_password_change_needs_the_current_password(person):
    client = Client()
    client.force_login(person)

    response = client.post(
        CHANGE_URL, {"old_password": "wrong-one", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert "There is a problem" in page_text(response)
    assert "Your old password was entered incorrectly" in page_text(response)
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


def test_password_change_page_needs_a_signed_in_person(client, db):
    response = client.get(CHANGE_URL)

    assert response["Location"].startswith(LOGIN_URL)


def request_reset_link(client, mailoutbox, email="priya@example.org"):
    client.post(RESET_URL, {"email": email})
    return re.search(r"https?://testserver(/accounts/password/reset/\S+/)", mailoutbox[-1].body).group(1)


def test_password_reset_emails_a_link(client, person, mailoutbox):
    response = client.post(RESET_URL, {"email": "PRIYA@example.org"}, follow=True)

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["priya@example.org"]
    assert mailoutbox[0].subject == "Reset your Compact password"
    assert "/accounts/password/reset/" in mailoutbox[0].body
    assert "Check your email" in page_text(response)


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, person, mailoutbox):
    response = client.post(RESET_URL, {"email": "nobody@example.org"}, follow=True)

    assert mailoutbox == []
    assert "Check your email" in page_text(response)


def test_emailed_reset_link_sets_a_new_password_that_signs_in(client, person, mailoutbox):
    link = request_reset_link(client, mailoutbox)

    form_page = client.get(link, follow=True)
    assert "Choose a new password" in page_text(form_page)
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )

    assert "Your new password is saved" in page_text(done)
    signed_in = client.post(LOGIN_URL, {"username": "pshah", "password": NEW_PASSWORD})
    assert signed_in["Location"] == reverse("dashboard")


def test_reset_link_works_only_once(client, person, mailoutbox):
    link = request_reset_link(client, mailoutbox)
    set_password_url = client.get(link)["Location"]
    client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    response = Client().get(link, follow=True)

    assert "This link has expired or has already been used" in page_text(response)
    assert "Choose a new password" not in page_text(response)
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_reset_refuses_a_weak_new_password(client, person, mailoutbox):
    link = request_reset_link(client, mailoutbox)
    set_password_url = client.get(link)["Location"]

    response = client.post(set_password_url, {"new_password1": "short", "new_password2": "short"})

    assert "This password is too short. It must contain at least 12 characters." in page_text(response)
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
