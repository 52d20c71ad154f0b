"""Officers export everything held about a person, and erase a person who has left."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from compact_site.accounts.models import Invitation
from notifications import kinds
from notifications.models import EmailPreference, OutgoingMessage
from notifications.services import queue_email, set_preference
from signatories.models import Champion
from success_factors.models import Action
from tests import factories
from tests.wins import factories as win_factories
from wins.concerns.models import Concern

PASSWORD = factories.PASSWORD


@pytest.fixture
def leaver(compact):
    organisation = factories.OrganisationFactory(name="Riverside Food Bank")
    user = factories.champion_user(
        username="kpatel",
        first_name="Kiran",
        last_name="Patel",
        email="kiran.patel@example.org",
        organisation=organisation,
    )
    champion = user.champion_records.get()
    champion.email, champion.phone = "kiran@riverside.example.org", "07700 900123"
    champion.save()  # a second history row that names them
    win_factories.WinFactory(
        compact=compact,
        title="Shared lunch club",
        recorded_by=user,
        organisation=organisation,
        organisations=[organisation],
    )
    Concern.objects.create(
        compact=compact, title="Grant letters arrive late", factor_id=win_factories.factor(2).pk, raised_by=user
    )
    factories.ActionFactory(compact=compact, owner_user=user, owner_name="Kiran Patel")
    Invitation.objects.create(
        first_name="Kiran",
        last_name="Patel",
        email="Kiran.Patel@example.org",
        role="Champion",
        organisation=organisation,
        token_hash="x" * 64,
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    return user


def erase(client, url):
    return client.post(url, {"confirm": "on"}, follow=True)


def test_the_people_list_links_to_each_persons_data(officer_client, leaver):
    response = officer_client.get(reverse("invitation_list"))
    assert reverse("person_data", kwargs={"pk": leaver.pk}) in response.content.decode()


def test_the_champion_page_links_officers_to_the_persons_data(officer_client, leaver):
    champion = leaver.champion_records.get()
    response = officer_client.get(champion.get_absolute_url())
    assert reverse("person_data", kwargs={"pk": leaver.pk}) in response.content.decode()


def test_the_personal_data_page_summarises_what_is_held(officer_client, leaver):
    text = officer_client.get(reverse("person_data", kwargs={"pk": leaver.pk})).content.decode()
    assert "Kiran Patel" in text
    assert "kiran.patel@example.org" in text
    assert "Download everything (JSON)" in text
    assert "Erase their personal data" in text


def test_export_is_a_json_download_of_everything_about_them(officer_client, leaver):
    response = officer_client.get(reverse("person_data_export", kwargs={"pk": leaver.pk}))
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == "kiran.patel@example.org"
    assert data["account"]["roles"] == ["Champion"]
    assert [w["title"] for w in data["wins_recorded"]] == ["Shared lunch club"]
    assert [c["title"] for c in data["concerns_raised"]] == ["Grant letters arrive late"]
    assert [a["owner_name"] for a in data["actions_owned"]] == ["Kiran Patel"]
    assert data["champion_records"][0]["phone"] == "07700 900123"
    assert [i["email"] for i in data["invitations"]] == ["Kiran.Patel@example.org"]
    assert any(row["record"] == "champion" for row in data["history"])


def test_erase_asks_for_confirmation_and_changes_nothing_without_it(officer_client, leaver):
    response = officer_client.post(reverse("person_erase", kwargs={"pk": leaver.pk}), {})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    leaver.refresh_from_db()
    assert leaver.is_active and leaver.email == "kiran.patel@example.org"


def test_erase_anonymises_them_and_they_can_no_longer_sign_in(officer_client, leaver, client):
    response = erase(officer_client, reverse("person_erase", kwargs={"pk": leaver.pk}))
    assert "Their personal data has been erased" in response.content.decode()

    leaver.refresh_from_db()
    assert leaver.get_full_name() == f"Former user {leaver.pk}"
    assert leaver.email == ""
    assert leaver.username == f"former-user-{leaver.pk}"
    assert not leaver.is_active and not leaver.has_usable_password()
    assert not leaver.groups.exists()

    for username in ("kpatel", leaver.username):
        response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session


def test_erase_anonymises_their_champion_records_and_stands_them_down(officer_client, leaver):
    champion = leaver.champion_records.get()
    erase(officer_client, reverse("person_erase", kwargs={"pk": leaver.pk}))
    champion.refresh_from_db()
    assert champion.name == f"Former champion {champion.pk}"
    assert (champion.email, champion.phone, champion.job_title) == ("", "", "")
    assert champion.stood_down_on == timezone.localdate()
    assert champion.user_id == leaver.pk


def test_erase_scrubs_their_name_email_and_phone_from_the_history(officer_client, leaver):
    champion = leaver.champion_records.get()
    assert Champion.history.filter(id=champion.pk, name="Kiran Patel").exists()
    erase(officer_client, reverse("person_erase", kwargs={"pk": leaver.pk}))
    for row in Champion.history.filter(id=champion.pk):
        assert row.name == f"Former champion {champion.pk}"
        assert (row.email, row.phone) == ("", "")
    assert not Action.history.filter(owner_name="Kiran Patel").exists()
    assert not Action.objects.filter(owner_name="Kiran Patel").exists()


def test_erase_deletes_invitations_to_their_email(officer_client, leaver):
    erase(officer_client, reverse("person_erase", kwargs={"pk": leaver.pk}))
    assert not Invitation.objects.filter(email__iexact="kiran.patel@example.org").exists()


def test_their_published_wins_stay_under_their_organisation_in_the_library(officer_client, leaver, lsp_client):
    erase(officer_client, reverse("person_erase", kwargs={"pk": leaver.pk}))
    text = lsp_client.get(reverse("wins:library")).content.decode()
    assert "Shared lunch club" in text
    assert "Riverside Food Bank" in text
    assert "Kiran" not in text


def test_after_erasing_the_export_holds_nothing_that_names_them(officer_client, leaver):
    erase(officer_client, reverse("person_erase", kwargs={"pk": leaver.pk}))
    export = officer_client.get(reverse("person_data_export", kwargs={"pk": leaver.pk})).content.decode()
    for detail in ("Kiran", "Patel", "kpatel", "kiran.patel@example.org", "07700 900123"):
        assert detail not in export
    assert "Shared lunch club" in export


def test_an_officer_cannot_erase_themselves(officer_client, officer):
    assert officer_client.get(reverse("person_erase", kwargs={"pk": officer.pk})).status_code == 403
    assert erase(officer_client, reverse("person_erase", kwargs={"pk": officer.pk})).status_code == 403
    officer.refresh_from_db()
    assert officer.is_active
    page = officer_client.get(reverse("person_data", kwargs={"pk": officer.pk})).content.decode()
    assert "You cannot erase your own personal data" in page


def test_a_champion_without_a_login_is_exported_and_erased_from_the_champion_page(officer_client, compact):
    champion = factories.ChampionFactory(name="Dee Okoro", email="dee@example.org", phone="01234 567890")
    page = officer_client.get(champion.get_absolute_url()).content.decode()
    assert reverse("champion_data", kwargs={"pk": champion.pk}) in page

    data = json.loads(officer_client.get(reverse("champion_data_export", kwargs={"pk": champion.pk})).content)
    assert data["account"] is None
    assert data["champion_records"][0]["email"] == "dee@example.org"

    erase(officer_client, reverse("champion_erase", kwargs={"pk": champion.pk}))
    champion.refresh_from_db()
    assert champion.name == f"Former champion {champion.pk}"
    assert champion.email == "" and not champion.is_active
    assert not Champion.history.filter(name="Dee Okoro").exists()
    assert get_user_model().objects.filter(is_active=True).count() == 1  # only the officer


def test_erase_forgets_their_sign_in_lockouts(officer_client, leaver):
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(
        username="kpatel",
        ip_address="127.0.0.1",
        user_agent="test",
        http_accept="*/*",
        path_info="/accounts/login/",
        get_data="",
        post_data="",
        failures_since_start=5,
    )
    erase(officer_client, reverse("person_erase", kwargs={"pk": leaver.pk}))
    assert not AccessAttempt.objects.filter(username="kpatel").exists()


def test_export_lists_the_emails_written_to_them_and_their_email_choices(officer_client, leaver):
    data = officer_client.get(reverse("person_data_export", args=[leaver.pk])).json()
    assert [m["to"] for m in data["emails"]] == []

    queue_email(
        to="Kiran.Patel@example.org",
        subject="Welcome",
        template="notifications/email/message.txt",
        context={"text": "Hello Kiran"},
        kind=kinds.INVITATION,
    )
    set_preference(user=leaver, kind=kinds.ACTIONS_DIGEST, enabled=False)
    data = officer_client.get(reverse("person_data_export", args=[leaver.pk])).json()
    assert [(m["to"], m["subject"]) for m in data["emails"]] == [("Kiran.Patel@example.org", "Welcome")]
    assert data["email_choices"] == {kinds.ACTIONS_DIGEST: False}


def test_erase_deletes_the_emails_that_name_them_and_their_email_choices(officer_client, leaver):

    queue_email(
        to="kiran@riverside.example.org",
        subject="Reminder",
        template="notifications/email/message.txt",
        context={"text": "Dear Kiran"},
        kind=kinds.INVITATION,
    )
    other = queue_email(
        to="someone@example.org",
        subject="Hello",
        template="notifications/email/message.txt",
        context={"text": "Hello"},
        kind=kinds.INVITATION,
    )
    set_preference(user=leaver, kind=kinds.ACTIONS_DIGEST, enabled=False)
    erase(officer_client, reverse("person_erase", args=[leaver.pk]))
    assert list(OutgoingMessage.objects.values_list("pk", flat=True)) == [other.pk]
    assert not EmailPreference.objects.filter(user=leaver).exists()
