"""Officers keep the register of organisations: list, look up, add, edit, sign, withdraw, endorse."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from signatories.form_fields import not_in_future
from signatories.models import Endorsement, EndorsementKind, Organisation, Sector, Signature
from tests import factories
from tests.success_factors.builders import page_text, rows_for

LIST_URL = reverse("signatories:organisation_list")
CREATE_URL = reverse("signatories:organisation_create")


def url(name, obj):
    return reverse(f"signatories:{name}", args=[obj.pk])


def date_fields(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def organisation_data(**overrides):
    data = {
        "name": "Riverside Food Bank",
        "sector": Sector.VOLUNTARY,
        "kind": "charity",
        "charity_number": "1234567",
        "company_number": "",
        "website": "https://riverside.example.org",
    }
    data.update(overrides)
    return data


def sign_data(compact, signed_on=datetime.date(2024, 3, 27), **overrides):
    data = {"compact": compact.pk, "signed_by_name": "Sam Signer", "signed_by_role": "Chair of Trustees"}
    data.update(date_fields("signed_on", signed_on))
    data.update(overrides)
    return data


def withdraw_data(withdrawn_on=datetime.date(2024, 6, 30), reason="The charity closed."):
    return {**date_fields("withdrawn_on", withdrawn_on), "reason": reason}


def signed(compact, **kwargs):
    return factories.SignatureFactory(compact=compact, organisation=factories.OrganisationFactory(**kwargs))


def listed_names(response):
    return [organisation.name for organisation in response.context["page_obj"]]


# The list


def test_list_shows_each_organisation_with_its_sector_and_status(compact, lsp_client):
    signed(compact, name="Riverside Food Bank")
    factories.OrganisationFactory(name="Anytown Council", sector=Sector.STATUTORY, kind="council")

    response = lsp_client.get(LIST_URL)

    assert "2 organisations" in page_text(response)
    assert rows_for(response, "Anytown Council") == ["Anytown Council Local council Statutory Not signed 0"]
    assert rows_for(response, "Riverside Food Bank") == ["Riverside Food Bank Charity Voluntary and community Signed 0"]


def test_list_filters_by_sector(compact, lsp_client):
    factories.OrganisationFactory(name="Anytown Council", sector=Sector.STATUTORY)
    factories.OrganisationFactory(name="Riverside Food Bank", sector=Sector.VOLUNTARY)

    response = lsp_client.get(LIST_URL, {"sector": Sector.STATUTORY})

    assert listed_names(response) == ["Anytown Council"]
    assert "1 organisation " in page_text(response)


def test_list_filters_by_signature_status(compact, lsp_client):
    signed(compact, name="Signed Trust")
    factories.SignatureFactory(
        compact=compact, organisation__name="Left Trust", withdrawn_on=datetime.date(2022, 1, 1), withdrawal_reason="x"
    )
    factories.OrganisationFactory(name="Never Trust")

    assert listed_names(lsp_client.get(LIST_URL, {"status": "signed"})) == ["Signed Trust"]
    assert listed_names(lsp_client.get(LIST_URL, {"status": "withdrawn"})) == ["Left Trust"]
    assert listed_names(lsp_client.get(LIST_URL, {"status": "not_signed"})) == ["Never Trust"]


def test_list_searches_by_part_of_the_name_in_any_case(compact, lsp_client):
    factories.OrganisationFactory(name="Riverside Food Bank")
    factories.OrganisationFactory(name="Anytown Council")

    response = lsp_client.get(LIST_URL, {"name": "food"})

    assert listed_names(response) == ["Riverside Food Bank"]


def test_list_says_when_nothing_matches(compact, lsp_client):
    factories.OrganisationFactory(name="Anytown Council")

    response = lsp_client.get(LIST_URL, {"name": "zebra"})

    assert "No organisations match these filters." in page_text(response)


def test_list_shows_25_a_page_and_the_rest_on_page_two_keeping_the_filters(compact, lsp_client):
    for n in range(27):
        factories.OrganisationFactory(name=f"Trust {n:02d}", sector=Sector.VOLUNTARY)
    factories.OrganisationFactory(name="Anytown Council", sector=Sector.STATUTORY)

    first = lsp_client.get(LIST_URL, {"sector": Sector.VOLUNTARY})
    second = lsp_client.get(LIST_URL, {"sector": Sector.VOLUNTARY, "page": 2})

    assert len(listed_names(first)) == 25
    assert 'href="?sector=voluntary&amp;page=2"' in first.content.decode()
    assert listed_names(second) == ["Trust 25", "Trust 26"]


def test_list_query_count_does_not_grow_with_the_rows(compact, lsp_client):
    def queries_for_list():
        lsp_client.get(LIST_URL)  # what the page keeps (the Compact in force) is in the cache from here on
        with CaptureQueriesContext(connection) as queries:
            lsp_client.get(LIST_URL)
        return len(queries)

    for _ in range(5):
        factories.ChampionFactory(organisation=signed(compact).organisation)
    few = queries_for_list()
    for _ in range(25):
        factories.ChampionFactory(organisation=signed(compact).organisation)

    assert queries_for_list() == few


def test_officer_sees_the_add_button_and_lsp_member_does_not(compact, officer_client, lsp_client):
    assert "Add an organisation" in page_text(officer_client.get(LIST_URL))
    assert "Add an organisation" not in page_text(lsp_client.get(LIST_URL))


# The detail page


def test_detail_shows_signature_history_newest_first_with_withdrawal_reason(compact, lsp_client):
    organisation = factories.OrganisationFactory(name="Riverside Food Bank")
    factories.SignatureFactory(
        compact=compact,
        organisation=organisation,
        signed_on=datetime.date(2019, 4, 2),
        signed_by_name="Ann Old",
        withdrawn_on=datetime.date(2020, 8, 3),
        withdrawal_reason="Lost funding",
    )
    factories.SignatureFactory(compact=compact, organisation=organisation, signed_on=datetime.date(2022, 9, 14))

    response = lsp_client.get(url("organisation_detail", organisation))

    assert rows_for(response, "Anytown Compact") == [
        "Anytown Compact 14 September 2022 Sam Signer, Chief Executive Active",
        "Anytown Compact 2 April 2019 Ann Old, Chief Executive Withdrawn 3 August 2020 Lost funding",
    ]
    assert "Record withdrawal" not in page_text(response)


def test_detail_lists_active_champions_before_those_who_stood_down(lsp_client):
    organisation = factories.OrganisationFactory()
    factories.ChampionFactory(organisation=organisation, name="Amir Former", stood_down_on=datetime.date(2023, 5, 1))
    factories.ChampionFactory(organisation=organisation, name="Zoe Current", appointed_on=datetime.date(2023, 5, 2))

    text = page_text(lsp_client.get(url("organisation_detail", organisation)))

    champions = text[text.index("Compact Champions") : text.index("Endorsements")]
    assert champions.index("Zoe Current") < champions.index("Active since 2 May 2023") < champions.index("Amir Former")
    assert champions.index("Amir Former") < champions.index("Stood down 1 May 2023")


def test_detail_shows_endorsements(compact, lsp_client):
    organisation = factories.OrganisationFactory()
    factories.EndorsementFactory(
        compact=compact,
        organisation=organisation,
        name="Cllr Pat Leader",
        statement="We stand by it.",
        endorsed_on=datetime.date(2023, 6, 1),
    )

    response = lsp_client.get(url("organisation_detail", organisation))

    assert rows_for(response, "Cllr Pat Leader") == [
        "Cllr Pat Leader “We stand by it.” Leader of the Council Elected member 1 June 2023"
    ]


def test_detail_of_a_new_organisation_says_what_is_missing(lsp_client):
    organisation = factories.OrganisationFactory(name="Riverside Food Bank")

    text = page_text(lsp_client.get(url("organisation_detail", organisation)))

    assert "Riverside Food Bank has not signed the Compact." in text
    assert "No champion has been appointed." in text
    assert "No endorsements recorded." in text


# Adding and editing


def test_officer_adds_an_organisation(officer_client):
    response = officer_client.post(CREATE_URL, organisation_data(name="  Riverside   Food Bank "))

    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert (organisation.name, organisation.sector, organisation.charity_number) == (
        "Riverside Food Bank",
        Sector.VOLUNTARY,
        "1234567",
    )
    assert "Riverside Food Bank has been added to the register." in page_text(officer_client.get(response["Location"]))


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("name", "", "Enter the organisation's name"),
        ("sector", "", "Select the organisation's sector"),
        ("kind", "", "Select the kind of organisation"),
        ("website", "not a web address", "Enter the website address in the right format"),
    ],
)
def test_adding_an_organisation_with_a_mistake_stores_nothing(officer_client, field, value, message):
    response = officer_client.post(CREATE_URL, organisation_data(**{field: value}))

    text = page_text(response)
    assert response.status_code == 200
    assert "There is a problem" in text
    assert message in text
    assert not Organisation.objects.exists()


def test_adding_a_name_already_on_the_register_in_another_case_is_refused(officer_client):
    factories.OrganisationFactory(name="Riverside Food Bank")

    response = officer_client.post(CREATE_URL, organisation_data(name="RIVERSIDE FOOD BANK"))

    text = page_text(response)
    assert "There is a problem" in text
    assert "An organisation with this name is already on the register" in text
    assert Organisation.objects.count() == 1


def test_officer_edits_an_organisation_keeping_its_own_name(officer_client):
    organisation = factories.OrganisationFactory(name="Riverside Food Bank")

    response = officer_client.post(
        url("organisation_edit", organisation), organisation_data(name="Riverside food bank", company_number="0987")
    )

    organisation.refresh_from_db()
    assert response["Location"] == organisation.get_absolute_url()
    assert (organisation.name, organisation.company_number) == ("Riverside food bank", "0987")


def test_editing_to_another_organisations_name_is_refused(officer_client):
    factories.OrganisationFactory(name="Anytown Council")
    organisation = factories.OrganisationFactory(name="Riverside Food Bank")

    response = officer_client.post(url("organisation_edit", organisation), organisation_data(name="anytown council"))

    assert "An organisation with this name is already on the register" in page_text(response)
    organisation.refresh_from_db()
    assert organisation.name == "Riverside Food Bank"


# Signing


def test_sign_form_sends_the_compact_as_a_hidden_field(compact, officer_client):
    organisation = factories.OrganisationFactory()

    body = officer_client.get(url("organisation_sign", organisation)).content.decode()

    assert f'type="hidden" name="compact" value="{compact.pk}"' in body
    assert 'name="signed_on_0"' in body


def test_officer_records_a_signature(compact, officer_client):
    organisation = factories.OrganisationFactory(name="Riverside Food Bank")

    response = officer_client.post(url("organisation_sign", organisation), sign_data(compact), follow=True)

    signature = Signature.objects.get()
    assert (signature.organisation, signature.compact, signature.signed_on) == (
        organisation,
        compact,
        datetime.date(2024, 3, 27),
    )
    assert (signature.signed_by_name, signature.signed_by_role) == ("Sam Signer", "Chair of Trustees")
    assert "Riverside Food Bank has signed the Compact." in page_text(response)
    assert response.redirect_chain == [(organisation.get_absolute_url(), 302)]


def test_a_signature_dated_in_the_future_is_refused(compact, officer_client):
    organisation = factories.OrganisationFactory()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = officer_client.post(url("organisation_sign", organisation), sign_data(compact, signed_on=tomorrow))

    text = page_text(response)
    assert "There is a problem" in text
    assert "The date signed must be today or in the past" in text
    assert not Signature.objects.exists()


def test_a_signature_without_a_real_date_is_refused(compact, officer_client):
    organisation = factories.OrganisationFactory()

    response = officer_client.post(
        url("organisation_sign", organisation), sign_data(compact, signed_on_0="31", signed_on_1="2")
    )

    assert "Enter a real date, for example 27 3 2026" in page_text(response)
    assert not Signature.objects.exists()


def test_just_after_midnight_in_london_today_is_not_in_the_future(monkeypatch):
    # 23:30 UTC on 1 June is 00:30 on 2 June in London: a signature dated 2 June is not in the future.
    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2030, 6, 1, 23, 30, tzinfo=datetime.UTC))

    assert not_in_future(datetime.date(2030, 6, 2)) == datetime.date(2030, 6, 2)


def test_an_organisation_that_has_signed_cannot_sign_again(compact, officer_client):
    signature = signed(compact, name="Riverside Food Bank")

    response = officer_client.post(url("organisation_sign", signature.organisation), sign_data(compact))

    assert "Riverside Food Bank has already signed Anytown Compact" in page_text(response)
    assert Signature.objects.count() == 1


# Withdrawing


def test_officer_records_withdrawal_with_date_and_reason(compact, officer_client):
    signature = signed(compact, name="Riverside Food Bank")

    response = officer_client.post(url("signature_withdraw", signature), withdraw_data(), follow=True)

    signature.refresh_from_db()
    assert (signature.withdrawn_on, signature.withdrawal_reason) == (datetime.date(2024, 6, 30), "The charity closed.")
    assert "The withdrawal of Riverside Food Bank has been recorded." in page_text(response)
    assert "Withdrawn 30 June 2024 The charity closed." in page_text(response)


def test_withdrawal_without_a_reason_is_refused(compact, officer_client):
    signature = signed(compact)

    response = officer_client.post(url("signature_withdraw", signature), withdraw_data(reason=""))

    assert "Enter the reason the organisation withdrew" in page_text(response)
    signature.refresh_from_db()
    assert signature.is_active


def test_withdrawal_dated_before_the_signing_is_refused(compact, officer_client):
    signature = factories.SignatureFactory(compact=compact, signed_on=datetime.date(2021, 5, 14))

    response = officer_client.post(
        url("signature_withdraw", signature), withdraw_data(withdrawn_on=datetime.date(2021, 5, 13))
    )

    text = page_text(response)
    assert "There is a problem" in text
    assert "The date withdrawn must be on or after the date signed (14 May 2021)" in text
    signature.refresh_from_db()
    assert signature.is_active


def test_withdrawing_an_already_withdrawn_signature_goes_back_with_a_message(compact, officer_client):
    signature = factories.SignatureFactory(
        compact=compact,
        organisation__name="Riverside Food Bank",
        withdrawn_on=datetime.date(2022, 1, 1),
        withdrawal_reason="Merged",
    )

    response = officer_client.post(url("signature_withdraw", signature), withdraw_data(), follow=True)

    assert response.redirect_chain == [(signature.organisation.get_absolute_url(), 302)]
    assert "Riverside Food Bank had already withdrawn from Anytown Compact." in page_text(response)
    signature.refresh_from_db()
    assert (signature.withdrawn_on, signature.withdrawal_reason) == (datetime.date(2022, 1, 1), "Merged")


# Endorsements


def test_officer_records_an_endorsement(compact, officer_client):
    organisation = factories.OrganisationFactory(name="Anytown Council")
    data = {
        "compact": compact.pk,
        "name": "Cllr Pat Leader",
        "kind": EndorsementKind.ELECTED_MEMBER,
        "position": "Leader of the Council",
        "statement": "",
        **date_fields("endorsed_on", datetime.date(2024, 2, 5)),
    }

    response = officer_client.post(url("endorsement_create", organisation), data, follow=True)

    endorsement = Endorsement.objects.get()
    assert (endorsement.organisation, endorsement.compact, endorsement.endorsed_on) == (
        organisation,
        compact,
        datetime.date(2024, 2, 5),
    )
    assert "The endorsement by Cllr Pat Leader has been recorded." in page_text(response)


def test_endorsement_without_a_position_is_refused(compact, officer_client):
    organisation = factories.OrganisationFactory()
    data = {
        "compact": compact.pk,
        "name": "Cllr Pat Leader",
        "kind": EndorsementKind.ELECTED_MEMBER,
        "position": "",
        **date_fields("endorsed_on", datetime.date(2024, 2, 5)),
    }

    response = officer_client.post(url("endorsement_create", organisation), data)

    assert "Enter their position, for example Leader of the Council" in page_text(response)
    assert not Endorsement.objects.exists()
