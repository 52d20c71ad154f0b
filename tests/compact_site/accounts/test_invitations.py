"""Nobody signs themselves up: an officer invites, the invitee chooses a password from the emailed link."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from compact_site.accounts.models import Invitation, hash_token
from signatories.models import Champion
from signatories.roles import CHAMPION, LSP_MEMBER, OFFICER
from tests import factories
from tests.success_factors.builders import page_text

INVITE_URL = reverse("invitation_create")
GOOD_PASSWORD = "kettle-harbour-violet-93"


def invitation_data(**overrides):
    data = {"first_name": "Priya", "last_name": "Shah", "email": "Priya.Shah@Example.org", "role": LSP_MEMBER}
    data.update(overrides)
    return data


def emailed_path(message):
    """The path of the invitation link in an email, e.g. /invitation/abc.../."""
    return re.search(r"https?://[^/\s]+(/invitation/[^/\s]+/)", message.body).group(1)


def token_of(path):
    return path.rstrip("/").rsplit("/", 1)[1]


def invite(officer_client, mailoutbox, **overrides):
    officer_client.post(INVITE_URL, invitation_data(**overrides))
    return emailed_path(mailoutbox[-1])


def passwords(first=GOOD_PASSWORD, second=None):
    return {"new_password1": first, "new_password2": first if second is None else second}


@pytest.fixture
def riverside(db):
    return factories.OrganisationFactory(name="Riverside Food Bank")


# Inviting


def test_officer_invites_someone_and_they_are_emailed_a_link(officer_client, mailoutbox):
    response = officer_client.post(INVITE_URL, invitation_data(), follow=True)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["priya.shah@example.org"]
    assert message.subject == "You have been invited to Compact"
    assert "Hello Priya," in message.body
    assert "Olivia Officer has invited you to Compact" in message.body
    assert "as LSP member" in message.body
    assert re.search(r"http://127\.0\.0\.1:8000/invitation/[\w-]{40,}/", message.body)
    assert response.redirect_chain == [(reverse("invitation_list"), 302)]
    assert "An invitation is being emailed to priya.shah@example.org." in page_text(response)


def test_invitation_is_stored_with_who_sent_it_and_a_week_to_run(officer, officer_client, mailoutbox):
    officer_client.post(INVITE_URL, invitation_data())

    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.invited_by) == ("priya.shah@example.org", LSP_MEMBER, officer)
    assert invitation.organisation is None
    week = invitation.expires_at - timezone.now()
    assert datetime.timedelta(days=6, hours=23) < week <= datetime.timedelta(days=7)


def test_invitations_list_shows_the_waiting_invitation(officer_client, mailoutbox):
    officer_client.post(INVITE_URL, invitation_data())

    text = page_text(officer_client.get(reverse("invitation_list")))

    assert "Priya Shah priya.shah@example.org LSP member" in text
    assert "Waiting" in text


def test_only_a_hash_of_the_emailed_token_is_stored(officer_client, mailoutbox):
    token = token_of(invite(officer_client, mailoutbox))

    invitation = Invitation.objects.get()
    assert invitation.token_hash == hash_token(token)
    assert len(invitation.token_hash) == 64
    assert not Invitation.objects.filter(token_hash=token).exists()
    assert token not in str(list(Invitation.objects.values_list()))


def test_champion_invitation_names_their_organisation(riverside, officer_client, mailoutbox):
    officer_client.post(INVITE_URL, invitation_data(role=CHAMPION, organisation=riverside.pk))

    assert Invitation.objects.get().organisation == riverside
    assert "as Champion for Riverside Food Bank" in mailoutbox[0].body


def test_champion_invitation_without_an_organisation_is_refused(officer_client, mailoutbox):
    response = officer_client.post(INVITE_URL, invitation_data(role=CHAMPION))

    text = page_text(response)
    assert "There is a problem" in text
    assert "Select the organisation the champion works in" in text
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_organisation_is_dropped_for_roles_other_than_champion(riverside, officer_client, mailoutbox):
    officer_client.post(INVITE_URL, invitation_data(role=OFFICER, organisation=riverside.pk))

    assert Invitation.objects.get().organisation is None


def test_email_that_already_has_an_account_is_refused(officer_client, mailoutbox):
    factories.UserFactory(email="priya.shah@example.org")

    response = officer_client.post(INVITE_URL, invitation_data(email="PRIYA.SHAH@example.org"))

    text = page_text(response)
    assert "There is a problem" in text
    assert "This email address already has an account" in text
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_reinviting_the_same_email_makes_the_earlier_link_stop_working(client, officer_client, mailoutbox):
    first = invite(officer_client, mailoutbox)
    second = invite(officer_client, mailoutbox, role=OFFICER)

    assert client.get(first).status_code == 404
    assert "You have been invited to Compact as Compact officer" in page_text(client.get(second))
    assert [i.state for i in Invitation.objects.order_by("created_at")] == ["Expired", "Waiting"]


# Accepting


def test_link_opens_the_choose_a_password_page(client, officer_client, mailoutbox):
    path = invite(officer_client, mailoutbox)

    response = client.get(path)

    text = page_text(response)
    assert response.status_code == 200
    assert "Welcome, Priya Choose your password" in text
    assert "You will sign in with your email address, priya.shah@example.org" in text


@pytest.mark.parametrize(
    "first, second, message",
    [
        ("short-pass", "short-pass", "This password is too short. It must contain at least 12 characters."),
        ("password1234", "password1234", "This password is too common."),
        (GOOD_PASSWORD, GOOD_PASSWORD + "x", "The two passwords do not match"),
        ("", "", "Enter a password"),
    ],
)
def test_a_weak_or_mismatched_password_creates_no_account(client, officer_client, mailoutbox, first, second, message):
    path = invite(officer_client, mailoutbox)

    response = client.post(path, passwords(first, second))

    text = page_text(response)
    assert "There is a problem" in text
    assert message in text
    assert not User.objects.filter(email="priya.shah@example.org").exists()
    assert Invitation.objects.get().accepted_at is None


def test_accepting_creates_the_account_with_its_role_and_signs_in(client, officer_client, mailoutbox):
    path = invite(officer_client, mailoutbox, role=OFFICER)

    response = client.post(path, passwords(), follow=True)

    user = User.objects.get(email="priya.shah@example.org")
    assert (user.username, user.first_name, user.last_name) == ("priya.shah@example.org", "Priya", "Shah")
    assert user.check_password(GOOD_PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == [OFFICER]
    assert response.redirect_chain == [(reverse("dashboard"), 302)]
    assert response.context["user"] == user
    assert "Welcome, Priya. Your account is ready." in page_text(response)
    invitation = Invitation.objects.get()
    assert invitation.user == user
    assert invitation.accepted_at is not None


def test_accepted_invitee_can_sign_in_with_their_email_and_password(client, officer_client, mailoutbox):
    client.post(invite(officer_client, mailoutbox), passwords())
    client.post(reverse("logout"))

    response = client.post(reverse("login"), {"username": "priya.shah@example.org", "password": GOOD_PASSWORD})

    assert response["Location"] == reverse("dashboard")


def test_champion_acceptance_creates_their_champion_record(riverside, client, officer_client, mailoutbox):
    path = invite(officer_client, mailoutbox, role=CHAMPION, organisation=riverside.pk)

    response = client.post(path, passwords(), follow=True)

    user = User.objects.get(email="priya.shah@example.org")
    record = Champion.objects.get(user=user)
    assert (record.organisation, record.name, record.email) == (riverside, "Priya Shah", "priya.shah@example.org")
    assert record.appointed_on == timezone.localdate()
    assert "You champion the Compact for Riverside Food Bank" in page_text(response)


def test_champion_acceptance_links_the_existing_record_with_the_same_email(
    riverside, client, officer_client, mailoutbox
):
    existing = factories.ChampionFactory(
        organisation=riverside,
        name="Priya Shah",
        email="Priya.Shah@example.org",
        appointed_on=datetime.date(2023, 2, 1),
    )
    path = invite(officer_client, mailoutbox, role=CHAMPION, organisation=riverside.pk)

    client.post(path, passwords())

    existing.refresh_from_db()
    assert existing.user == User.objects.get(email="priya.shah@example.org")
    assert existing.appointed_on == datetime.date(2023, 2, 1)
    assert Champion.objects.filter(organisation=riverside).count() == 1


def test_link_works_once(client, officer_client, mailoutbox):
    path = invite(officer_client, mailoutbox)
    client.post(path, passwords())
    client.post(reverse("logout"))

    response = client.get(path)

    assert response.status_code == 404
    assert "This invitation link has expired or has already been used" in page_text(response)
    assert User.objects.filter(email="priya.shah@example.org").count() == 1


def test_expired_link_is_refused(client, officer_client, mailoutbox):
    path = invite(officer_client, mailoutbox)
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    response = client.post(path, passwords())

    assert response.status_code == 404
    assert "This invitation link has expired or has already been used" in page_text(response)
    assert not User.objects.filter(email="priya.shah@example.org").exists()


def test_made_up_link_is_refused(client, db):
    response = client.get(reverse("invitation_accept", args=["not-a-real-token"]))

    assert response.status_code == 404
    assert "This invitation link has expired or has already been used" in page_text(response)
