"""Bulk invitations: from the champions list, invite some or all champions who have no account yet."""

import pytest
from django.core import mail
from django.urls import reverse

from compact_site.accounts.models import Invitation
from signatories.roles import CHAMPION
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def champions():
    trust = factories.OrganisationFactory(name="Riverside Trust")
    return {
        "alex": factories.ChampionFactory(organisation=trust, name="Alex de la Cruz", email="alex@example.org"),
        "sam": factories.ChampionFactory(organisation=trust, name="Sam Lee", email="sam@example.org"),
        "no_email": factories.ChampionFactory(organisation=trust, name="Pat Moss", email=""),
        "has_login": factories.champion_user(
            username="chris", first_name="Chris", last_name="Kay", organisation=trust
        ).champion_records.get(),
        "stood_down": factories.ChampionFactory(
            organisation=trust, name="Old Hand", email="old@example.org", stood_down_on="2024-01-01"
        ),
    }


def test_the_champions_list_filters_those_with_no_account_and_links_to_inviting_them(officer_client, champions):
    response = officer_client.get(reverse("signatories:champion_list"), {"account": "none"})
    names = [champion.name for champion in response.context["page_obj"]]
    assert "Chris Kay" not in names and {"Alex de la Cruz", "Sam Lee", "Pat Moss"} <= set(names)
    assert reverse("champion_invite") in response.content.decode()


def test_the_page_lists_only_champions_who_can_be_invited(officer_client, champions):
    response = officer_client.get(reverse("champion_invite"))
    html = response.content.decode()
    assert [c.name for c in response.context["candidates"]] == ["Alex de la Cruz", "Sam Lee"]
    assert "Pat Moss" in html and "Add an email address" in html
    assert "Chris Kay" not in html and "Old Hand" not in html


def test_ticked_champions_each_get_their_own_invitation(officer_client, officer, champions):
    response = officer_client.post(reverse("champion_invite"), {"champions": [champions["alex"].pk]})

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (
        invitation.email,
        invitation.first_name,
        invitation.last_name,
        invitation.role,
        invitation.organisation,
        invitation.invited_by,
    ) == ("alex@example.org", "Alex de la", "Cruz", CHAMPION, champions["alex"].organisation, officer)
    assert [message.to for message in mail.outbox] == [["alex@example.org"]]
    followed = officer_client.get(response["Location"])
    assert "1 champion has been invited by email." in followed.content.decode()
    assert [c.name for c in followed.context["candidates"]] == ["Alex de la Cruz", "Sam Lee"], "not yet accepted"


def test_invite_all_invites_every_champion_listed(officer_client, champions):
    officer_client.post(reverse("champion_invite"), {"all": "1"})
    assert sorted(Invitation.objects.values_list("email", flat=True)) == ["alex@example.org", "sam@example.org"]
    assert sorted(m.to[0] for m in mail.outbox) == ["alex@example.org", "sam@example.org"]


def test_ticking_nobody_is_an_error(officer_client, champions):
    response = officer_client.post(reverse("champion_invite"), {})
    assert "Select at least one champion to invite" in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()
    assert Invitation.objects.count() == 0 and mail.outbox == []


def test_a_champion_who_cannot_be_invited_is_refused(officer_client, champions):
    response = officer_client.post(
        reverse("champion_invite"), {"champions": [champions["alex"].pk, champions["has_login"].pk]}
    )
    assert "A champion you selected can no longer be invited: select again" in response.content.decode()
    assert Invitation.objects.count() == 0 and mail.outbox == []


def test_an_accepted_invitation_links_the_champion_record(client, officer_client, champions):
    from compact_site.accounts import services

    officer_client.post(reverse("champion_invite"), {"champions": [champions["sam"].pk]})
    invitation = Invitation.objects.get()
    user = services.accept(invitation=invitation, password="a-long-enough-password-42")
    champions["sam"].refresh_from_db()
    assert champions["sam"].user == user
    response = officer_client.get(reverse("champion_invite"))
    assert [c.name for c in response.context["candidates"]] == ["Alex de la Cruz"]
