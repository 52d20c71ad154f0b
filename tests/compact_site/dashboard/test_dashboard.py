"""The home page shows each role what it comes for: officers the register, champions their organisation."""

import datetime

import pytest
from django.urls import reverse

from signatories.models import Organisation, Sector
from tests import factories
from tests.conftest import client_for
from tests.success_factors.builders import page_text, rows_for

DASHBOARD_URL = reverse("dashboard")


@pytest.fixture
def register(compact):
    """Four signatories (three statutory), one withdrawn, one never signed; two active champions."""
    council = factories.SignatureFactory(
        compact=compact, organisation__name="Anytown Council", organisation__sector=Sector.STATUTORY
    ).organisation
    for name in ["Anytown NHS", "Anytown Fire and Rescue"]:
        factories.SignatureFactory(compact=compact, organisation__name=name, organisation__sector=Sector.STATUTORY)
    food_bank = factories.SignatureFactory(compact=compact, organisation__name="Riverside Food Bank").organisation
    factories.SignatureFactory(
        compact=compact,
        organisation__name="Closed Trust",
        withdrawn_on=datetime.date(2022, 1, 1),
        withdrawal_reason="Closed",
    )
    factories.OrganisationFactory(name="Never Signed Trust")
    factories.ChampionFactory(organisation=council)
    factories.ChampionFactory(organisation=food_bank)
    factories.ChampionFactory(organisation=food_bank, stood_down_on=datetime.date(2023, 1, 1))
    return compact


def test_officer_sees_the_register_figures(register, officer_client):
    text = page_text(officer_client.get(DASHBOARD_URL))

    assert "Anytown Compact" in text
    assert "4 signatories of 6 organisations" in text
    assert "2 active Compact Champions" in text
    assert "2 signatories without a champion" in text


def test_the_kept_register_figures_change_as_soon_as_the_register_does(register, officer_client):
    from signatories import services

    assert "2 signatories without a champion" in page_text(officer_client.get(DASHBOARD_URL))
    nhs = Organisation.objects.get(name="Anytown NHS")

    factories.ChampionFactory(organisation=nhs)
    assert "3 active Compact Champions" in page_text(officer_client.get(DASHBOARD_URL))

    services.withdraw(signature=nhs.signatures.get(), withdrawn_on=datetime.date(2026, 1, 1), reason="Merged")
    assert "3 signatories of 6 organisations" in page_text(officer_client.get(DASHBOARD_URL))


def test_officer_sees_signatories_by_sector(register, officer_client):
    response = officer_client.get(DASHBOARD_URL)

    assert rows_for(response, "Statutory") == ["Statutory 3"]
    assert rows_for(response, "Voluntary and community") == ["Voluntary and community 1"]
    assert rows_for(response, "Other") == ["Other 0"]


def test_officer_is_offered_to_appoint_a_champion_where_a_signatory_has_none(register, officer_client):
    response = officer_client.get(DASHBOARD_URL)

    nhs = Organisation.objects.get(name="Anytown NHS")
    assert "Appoint a champion for – Anytown NHS" in page_text(response)
    assert "Appoint a champion for – Anytown Fire and Rescue" in page_text(response)
    assert "Riverside Food Bank" not in page_text(response)
    assert f"{reverse('signatories:champion_create')}?organisation={nhs.pk}" in response.content.decode()
    assert "Add an organisation to the register" in page_text(response)


def test_officer_is_told_when_every_signatory_has_a_champion(compact, officer_client):
    organisation = factories.SignatureFactory(compact=compact).organisation
    factories.ChampionFactory(organisation=organisation)

    assert "Every signatory has an active champion." in page_text(officer_client.get(DASHBOARD_URL))


def test_dashboard_before_any_compact_is_set_up_shows_no_signatories(officer_client):
    factories.OrganisationFactory.create_batch(2)

    text = page_text(officer_client.get(DASHBOARD_URL))

    assert "No Compact set up yet" in text
    assert "0 signatories of 2 organisations" in text


def test_champion_sees_their_own_organisation_and_its_link(compact, db):
    organisation = factories.OrganisationFactory(name="Riverside Food Bank")
    user = factories.champion_user(organisation=organisation, first_name="Chris")
    factories.OrganisationFactory(name="Other Trust")

    response = client_for(user).get(DASHBOARD_URL)

    text = page_text(response)
    assert "Hello, Chris" in text
    assert "You champion the Compact for Riverside Food Bank" in text
    assert "since 10 January 2022" in text
    assert f'href="{organisation.get_absolute_url()}">Riverside Food Bank</a>' in response.content.decode()
    assert "signatories of" not in text
    assert "Add an organisation" not in text


def test_champion_without_a_linked_record_is_asked_to_contact_their_officer(compact, db):
    user = factories.UserFactory(roles=["Champion"])

    text = page_text(client_for(user).get(DASHBOARD_URL))

    assert "Your login is not yet linked to a champion record. Ask your Compact officer to link it." in text
    assert "You champion the Compact for" not in text


def test_champion_who_stood_down_is_no_longer_shown_an_organisation(compact, db):
    user = factories.UserFactory(roles=["Champion"])
    factories.ChampionFactory(
        user=user, organisation__name="Riverside Food Bank", stood_down_on=datetime.date(2024, 1, 1)
    )

    text = page_text(client_for(user).get(DASHBOARD_URL))

    assert "Your login is not yet linked to a champion record." in text
    assert "Riverside Food Bank" not in text


def test_lsp_member_sees_the_compact_at_a_glance(register, lsp_client):
    text = page_text(lsp_client.get(DASHBOARD_URL))

    assert "The Compact at a glance" in text
    assert "4 organisations have signed" in text
    assert "2 active Compact Champions" in text


def test_lsp_member_is_not_offered_officer_actions(register, lsp_client):
    response = lsp_client.get(DASHBOARD_URL)

    text = page_text(response)
    assert "Add an organisation" not in text
    assert "Invite someone" not in text
    assert "signatories without a champion" not in text
    assert reverse("signatories:organisation_create") not in response.content.decode()


def test_dashboard_sends_an_anonymous_visitor_to_sign_in(client, db):
    response = client.get(DASHBOARD_URL)

    assert response["Location"] == f"{reverse('login')}?next=/"
