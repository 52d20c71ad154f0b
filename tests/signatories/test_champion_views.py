"""Officers appoint Compact Champions and record them standing down; everyone can look them up."""

import datetime

import pytest
from django.urls import reverse

from signatories.models import Champion
from tests import factories
from tests.success_factors.builders import page_text, rows_for

LIST_URL = reverse("signatories:champion_list")
CREATE_URL = reverse("signatories:champion_create")


def url(name, champion):
    return reverse(f"signatories:{name}", args=[champion.pk])


def date_fields(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def champion_data(for_organisation, **overrides):
    data = {
        "organisation": for_organisation.pk,
        "name": "Priya Shah",
        "job_title": "Volunteer Coordinator",
        "email": "priya@riverside.example.org",
        "phone": "01632 960123",
        "user": "",
        "support_needs": "Half a day a month",
        "training": "",
        **date_fields("appointed_on", datetime.date(2024, 4, 1)),
    }
    data.update(overrides)
    return data


def listed_names(response):
    return [champion.name for champion in response.context["page_obj"]]


@pytest.fixture
def riverside(db):
    return factories.OrganisationFactory(name="Riverside Food Bank")


# The list


def test_list_shows_each_champion_with_organisation_appointment_and_status(riverside, lsp_client):
    factories.ChampionFactory(organisation=riverside, name="Priya Shah", appointed_on=datetime.date(2024, 4, 1))

    response = lsp_client.get(LIST_URL)

    assert "1 champion " in page_text(response)
    assert rows_for(response, "Priya Shah") == [
        "Priya Shah Partnerships Manager Riverside Food Bank 1 April 2024 Active"
    ]


def test_list_filters_by_organisation(riverside, lsp_client):
    factories.ChampionFactory(organisation=riverside, name="Priya Shah")
    factories.ChampionFactory(name="Tom Other")

    response = lsp_client.get(LIST_URL, {"organisation": riverside.pk})

    assert listed_names(response) == ["Priya Shah"]


def test_list_filters_active_and_stood_down_champions(lsp_client):
    factories.ChampionFactory(name="Priya Shah")
    factories.ChampionFactory(name="Tom Former", stood_down_on=datetime.date(2023, 1, 1))

    assert listed_names(lsp_client.get(LIST_URL, {"active": "yes"})) == ["Priya Shah"]
    assert listed_names(lsp_client.get(LIST_URL, {"active": "no"})) == ["Tom Former"]


def test_list_puts_active_champions_before_those_who_stood_down(lsp_client):
    factories.ChampionFactory(name="Amir Former", stood_down_on=datetime.date(2023, 1, 1))
    factories.ChampionFactory(name="Zoe Current")

    assert listed_names(lsp_client.get(LIST_URL)) == ["Zoe Current", "Amir Former"]


def test_list_searches_by_part_of_the_name(lsp_client):
    factories.ChampionFactory(name="Priya Shah")
    factories.ChampionFactory(name="Tom Other")

    assert listed_names(lsp_client.get(LIST_URL, {"name": "shah"})) == ["Priya Shah"]


def test_appoint_button_is_for_officers_only(db, officer_client, lsp_client, champion_client):
    assert "Appoint a champion" in page_text(officer_client.get(LIST_URL))
    assert "Appoint a champion" not in page_text(lsp_client.get(LIST_URL))
    assert "Appoint a champion" not in page_text(champion_client.get(LIST_URL))


# The detail page


def test_officer_sees_support_needs_training_and_login(officer_client, champion):
    record = champion.champion_records.get()
    record.support_needs = "Needs cover to attend network meetings"
    record.training = "Compact induction, May 2024"
    record.save()

    text = page_text(officer_client.get(url("champion_detail", record)))

    assert "Support needs Needs cover to attend network meetings" in text
    assert "Training received Compact induction, May 2024" in text
    assert f"Login {champion.email}" in text


def test_lsp_member_does_not_see_support_needs(lsp_client):
    record = factories.ChampionFactory(name="Priya Shah", support_needs="Needs cover to attend network meetings")

    text = page_text(lsp_client.get(url("champion_detail", record)))

    assert "Priya Shah" in text
    assert "Needs cover to attend network meetings" not in text
    assert "Support needs" not in text


def test_officer_sees_edit_and_stand_down_buttons(officer_client):
    record = factories.ChampionFactory()

    text = page_text(officer_client.get(url("champion_detail", record)))

    assert "Edit details" in text
    assert "Record standing down" in text


@pytest.mark.parametrize("client_name", ["lsp_client", "champion_client"])
def test_champion_and_lsp_member_do_not_see_officer_buttons(db, request, client_name):
    record = factories.ChampionFactory()

    text = page_text(request.getfixturevalue(client_name).get(url("champion_detail", record)))

    assert "Edit details" not in text
    assert "Record standing down" not in text


def test_detail_of_a_champion_who_stood_down_shows_when_and_why(officer_client):
    record = factories.ChampionFactory(stood_down_on=datetime.date(2024, 3, 31), stood_down_reason="Left the charity")

    text = page_text(officer_client.get(url("champion_detail", record)))

    assert "Stood down 31 March 2024 Left the charity" in text
    assert "Record standing down" not in text


# Appointing


def test_appoint_form_is_prefilled_with_the_organisation_from_the_link(riverside, officer_client):
    response = officer_client.get(CREATE_URL, {"organisation": riverside.pk})

    assert response.context["form"]["organisation"].value() == riverside.pk
    assert f'<option value="{riverside.pk}" selected>Riverside Food Bank</option>' in response.content.decode()


def test_officer_appoints_a_champion(riverside, officer_client):
    response = officer_client.post(CREATE_URL, champion_data(riverside), follow=True)

    record = Champion.objects.get()
    assert (record.organisation, record.name, record.appointed_on) == (
        riverside,
        "Priya Shah",
        datetime.date(2024, 4, 1),
    )
    assert (record.email, record.support_needs, record.user) == (
        "priya@riverside.example.org",
        "Half a day a month",
        None,
    )
    assert response.redirect_chain == [(record.get_absolute_url(), 302)]
    assert "Priya Shah has been appointed as a Compact Champion for Riverside Food Bank." in page_text(response)


def test_officer_links_a_new_champion_to_a_champion_login(riverside, officer_client):
    login = factories.UserFactory(roles=["Champion"], first_name="Priya", last_name="Shah")

    officer_client.post(CREATE_URL, champion_data(riverside, user=login.pk))

    assert Champion.objects.get().user == login


def test_only_champion_logins_can_be_linked(riverside, officer_client, lsp_member):
    response = officer_client.post(CREATE_URL, champion_data(riverside, user=lsp_member.pk))

    assert "There is a problem" in page_text(response)
    assert not Champion.objects.exists()


def test_a_login_that_already_champions_cannot_be_linked_again(riverside, officer_client, champion):
    response = officer_client.post(CREATE_URL, champion_data(riverside, user=champion.pk))

    text = page_text(response)
    assert "There is a problem" in text
    assert "Chris Champion is already an active champion." in text
    assert Champion.objects.filter(organisation=riverside).count() == 0


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"name": ""}, "Enter the champion's name"),
        ({"organisation": ""}, "Select the champion's organisation"),
        ({"email": "priya at riverside"}, "Enter an email address in the correct format, like name@example.org"),
        ({"appointed_on_0": "", "appointed_on_1": "", "appointed_on_2": ""}, "Enter date appointed"),
    ],
)
def test_appointing_with_a_mistake_stores_nothing(riverside, officer_client, overrides, message):
    response = officer_client.post(CREATE_URL, champion_data(riverside, **overrides))

    text = page_text(response)
    assert "There is a problem" in text
    assert message in text
    assert not Champion.objects.exists()


def test_appointment_dated_in_the_future_is_refused(riverside, officer_client):
    response = officer_client.post(
        CREATE_URL, champion_data(riverside, **date_fields("appointed_on", datetime.date(2999, 1, 1)))
    )

    assert "The date appointed must be today or in the past" in page_text(response)
    assert not Champion.objects.exists()


# Editing


def test_officer_edits_a_champion_keeping_their_own_login(officer_client, champion):
    record = champion.champion_records.get()

    response = officer_client.post(
        url("champion_edit", record),
        champion_data(record.organisation, name="Chris Champion", job_title="Director", user=champion.pk),
    )

    record.refresh_from_db()
    assert response["Location"] == record.get_absolute_url()
    assert (record.job_title, record.user, record.appointed_on) == ("Director", champion, datetime.date(2024, 4, 1))


# Standing down


def test_officer_records_standing_down_and_the_record_is_kept(officer_client):
    record = factories.ChampionFactory(name="Priya Shah", appointed_on=datetime.date(2022, 1, 10))

    response = officer_client.post(
        url("champion_stand_down", record),
        {**date_fields("stood_down_on", datetime.date(2024, 3, 31)), "reason": "Left the charity"},
        follow=True,
    )

    record.refresh_from_db()
    assert (record.stood_down_on, record.stood_down_reason) == (datetime.date(2024, 3, 31), "Left the charity")
    assert "Priya Shah has stood down. Their record is kept." in page_text(response)
    assert Champion.objects.filter(pk=record.pk).exists()


def test_stand_down_dated_before_the_appointment_is_refused(officer_client):
    record = factories.ChampionFactory(appointed_on=datetime.date(2022, 1, 10))

    response = officer_client.post(
        url("champion_stand_down", record), {**date_fields("stood_down_on", datetime.date(2022, 1, 9)), "reason": ""}
    )

    text = page_text(response)
    assert "There is a problem" in text
    assert "The date they stood down must be on or after the date they were appointed (10 January 2022)" in text
    record.refresh_from_db()
    assert record.is_active


def test_standing_down_twice_goes_back_with_a_message(officer_client):
    record = factories.ChampionFactory(name="Priya Shah", stood_down_on=datetime.date(2023, 1, 1))

    response = officer_client.post(
        url("champion_stand_down", record), {**date_fields("stood_down_on", datetime.date(2024, 1, 1))}, follow=True
    )

    assert "Priya Shah had already stood down." in page_text(response)
    record.refresh_from_db()
    assert record.stood_down_on == datetime.date(2023, 1, 1)
