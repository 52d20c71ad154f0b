"""The representation pages as people use them: an officer sets up a board and its seats, a representative reports
back, network members read it; bad input shows the error summary and saves nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from representation.models import Board, Meeting, ReportBack, Term
from tests import factories
from tests.conftest import client_for

from .factories import MeetingFactory, ReportBackFactory, TermFactory

D = datetime.date


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def appoint_form(network, organisation, **overrides):
    data = {
        "holder_name": "Priya Shah",
        "holder": "",
        "organisation": organisation.pk,
        "nominated_by": network.pk,
        **date_fields("starts_on", D(2025, 4, 1)),
        **date_fields("ends_on", D(2027, 3, 31)),
    }
    data.update(overrides)
    return data


def test_an_officer_adds_a_board_with_its_seats(officer_client, compact, council):
    response = officer_client.post(
        reverse("representation:board_create"),
        {"name": "Community Safety Partnership", "run_by": council.pk, "meets": "quarterly", "sector_seats": "2"},
        follow=True,
    )
    board = Board.objects.get()
    assert response.redirect_chain[-1][0] == board.get_absolute_url()
    text = response.content.decode()
    assert "Community Safety Partnership has been saved." in text
    assert "The sector’s seats: 0 filled, 2 vacant" in text
    assert board.seats.count() == 2


def test_a_board_without_a_name_or_seats_shows_the_error_summary(officer_client, compact, council):
    response = officer_client.post(reverse("representation:board_create"), {"run_by": council.pk, "meets": "monthly"})
    text = response.content.decode()
    assert "There is a problem" in text
    assert "Enter the name of the board" in text
    assert "Enter how many seats the sector has" in text
    assert not Board.objects.exists()


def test_an_officer_appoints_a_representative_and_the_seat_is_filled(officer_client, seat, network, member):
    response = officer_client.post(
        reverse("representation:seat_appoint", args=[seat.pk]), appoint_form(network, member), follow=True
    )
    assert response.redirect_chain[-1][0] == seat.get_absolute_url()
    text = response.content.decode()
    assert "Priya Shah holds seat 1 from 1 April 2025." in text
    assert "Anytown Voluntary Action Forum" in text


def test_a_term_ending_before_it_starts_shows_the_error_summary(officer_client, seat, network, member):
    data = appoint_form(network, member, **date_fields("ends_on", D(2025, 3, 1)))
    text = officer_client.post(reverse("representation:seat_appoint", args=[seat.pk]), data).content.decode()
    assert "There is a problem" in text
    assert '<a href="#id_ends_on' in text and "The end of the term must be on or after its start" in text
    assert not Term.objects.exists()


def test_a_second_person_in_a_held_seat_shows_the_error_summary(officer_client, seat, network, member):
    TermFactory(seat=seat, holder_name="Sam Sitting", starts_on=D(2025, 1, 1), ends_on=D(2026, 12, 31))
    text = officer_client.post(
        reverse("representation:seat_appoint", args=[seat.pk]), appoint_form(network, member)
    ).content.decode()
    assert "There is a problem" in text
    assert "Sam Sitting holds this seat from 1 January 2025 to 31 December 2026" in text
    assert Term.objects.count() == 1


def test_a_nomination_from_outside_the_network_is_flagged_once_confirmed(officer_client, seat, network):
    outsider = factories.OrganisationFactory(name="Hillside Youth Club")
    url = reverse("representation:seat_appoint", args=[seat.pk])
    text = officer_client.post(url, appoint_form(network, outsider)).content.decode()
    assert "There is a problem" in text and "Hillside Youth Club is not a member of Anytown Voluntary" in text
    assert not Term.objects.exists()
    response = officer_client.post(url, appoint_form(network, outsider, outside_network_confirmed="on"), follow=True)
    assert "It is flagged" in response.content.decode()
    assert "Not a member of the network" in response.content.decode()


def test_an_officer_adds_a_meeting_date(officer_client, board):
    response = officer_client.post(
        reverse("representation:meeting_create", args=[board.pk]), date_fields("held_on", D(2026, 9, 14)), follow=True
    )
    assert "The meeting on 14 September 2026 has been added." in response.content.decode()
    assert Meeting.objects.get().held_on == D(2026, 9, 14)


def test_an_officer_adds_a_network_and_a_member(officer_client, compact):
    response = officer_client.post(reverse("representation:network_create"), {"name": "Faith Forum"}, follow=True)
    network = response.context["network"]
    organisation = factories.OrganisationFactory(name="St Mary’s Church")
    response = officer_client.post(
        reverse("representation:member_add", args=[network.pk]),
        {"organisation": organisation.pk, **date_fields("joined_on", D(2024, 5, 1))},
        follow=True,
    )
    assert "St Mary’s Church is a member of Faith Forum." in response.content.decode()
    assert network.memberships.get().joined_on == D(2024, 5, 1)


def test_an_officer_records_that_a_member_left_and_it_stays_listed_with_the_date(officer_client, network, member):
    membership = network.memberships.get()
    page = officer_client.get(network.get_absolute_url()).content.decode()
    url = reverse("representation:member_remove", args=[membership.pk])
    assert url in page

    response = officer_client.post(url, date_fields("left_on", D(2026, 3, 31)), follow=True)

    text = response.content.decode()
    assert "Riverside Trust has left Anytown Voluntary Action Forum." in text
    assert "31 March 2026" in text and url not in text
    membership.refresh_from_db()
    assert membership.left_on == D(2026, 3, 31)
    assert officer_client.get(url).status_code == 404  # it has already left


def test_a_member_cannot_leave_before_it_joined(officer_client, network, member):
    membership = network.memberships.get()

    response = officer_client.post(
        reverse("representation:member_remove", args=[membership.pk]), date_fields("left_on", D(2019, 12, 31))
    )

    text = response.content.decode()
    assert "govuk-error-summary" in text and "The date it left must be on or after the date it joined" in text
    membership.refresh_from_db()
    assert membership.left_on is None


def test_only_an_officer_sees_the_link_to_record_that_a_member_left(network, member, lsp_member):
    url = reverse("representation:member_remove", args=[network.memberships.get().pk])

    assert url not in client_for(lsp_member).get(network.get_absolute_url()).content.decode()


@pytest.fixture
def holder(seat, network, member):
    user = factories.representative(username="rep", first_name="Priya", last_name="Shah")
    TermFactory(
        seat=seat,
        holder=user,
        holder_name="Priya Shah",
        organisation=member,
        nominated_by=network,
        starts_on=D(2024, 4, 1),
        ends_on=timezone.localdate() + datetime.timedelta(days=400),
    )
    return user


def test_a_representative_sees_the_meeting_waiting_and_reports_back(holder, seat):
    meeting = MeetingFactory(board=seat.board, held_on=timezone.localdate() - datetime.timedelta(days=3))
    client = client_for(holder)
    home = client.get(reverse("dashboard")).content.decode()
    assert "Meetings waiting for your report-back" in home
    url = reverse("representation:report_back_create", args=[holder.terms_held.get().pk, meeting.pk])
    assert url in home
    response = client.post(
        url,
        {
            "discussed": "Winter pressures.",
            "sector_said": "Fund warm spaces.",
            "decided": "A pilot.",
            "next_steps": "Bids by May.",
        },
        follow=True,
    )
    report_back = ReportBack.objects.get()
    assert response.redirect_chain[-1][0] == report_back.get_absolute_url()
    assert "Fund warm spaces." in response.content.decode()
    assert "Meetings waiting for your report-back" not in client.get(reverse("dashboard")).content.decode()


def test_a_representatives_home_page_links_only_to_pages_they_may_open(holder):
    home = client_for(holder).get(reverse("dashboard")).content.decode()

    assert reverse("representation:report_back_list") in home
    assert reverse("signatories:organisation_list") not in home
    assert reverse("wins:library") not in home


def test_an_empty_report_back_shows_the_error_summary(holder, seat):
    meeting = MeetingFactory(board=seat.board, held_on=timezone.localdate() - datetime.timedelta(days=3))
    url = reverse("representation:report_back_create", args=[holder.terms_held.get().pk, meeting.pk])
    text = client_for(holder).post(url, {"discussed": "Only this."}).content.decode()
    assert "There is a problem" in text and "Enter what the sector said" in text
    assert not ReportBack.objects.exists()


def test_a_report_back_for_a_planned_meeting_shows_the_error_summary(holder, seat):
    meeting = MeetingFactory(board=seat.board, held_on=timezone.localdate() + datetime.timedelta(days=10))
    url = reverse("representation:report_back_create", args=[holder.terms_held.get().pk, meeting.pk])
    data = {"discussed": "a", "sector_said": "b", "decided": "c", "next_steps": "d"}
    text = client_for(holder).post(url, data).content.decode()
    assert "There is a problem" in text and "has not happened yet: report back after it" in text
    assert not ReportBack.objects.exists()


def test_a_representative_cannot_report_back_for_someone_elses_seat(holder, seat):
    someone_else = TermFactory(seat__board=seat.board, starts_on=D(2024, 1, 1))
    meeting = MeetingFactory(board=seat.board, held_on=D(2025, 6, 1))
    url = reverse("representation:report_back_create", args=[someone_else.pk, meeting.pk])
    assert client_for(holder).get(url).status_code == 403


def test_champions_of_member_organisations_read_the_networks_report_backs(holder, network, member, seat):
    report_back = ReportBackFactory(term=holder.terms_held.get(), meeting=MeetingFactory(board=seat.board))
    insider = factories.champion_user(username="insider", organisation=member)
    outsider = factories.champion_user(username="outsider")
    assert client_for(insider).get(report_back.get_absolute_url()).status_code == 200
    assert client_for(outsider).get(report_back.get_absolute_url()).status_code == 404
    assert (
        "Small groups need longer notice."
        in client_for(factories.lsp_member()).get(report_back.get_absolute_url()).content.decode()
    )


def test_a_representative_only_sees_the_navigation_they_may_use(holder):
    text = client_for(holder).get(reverse("representation:board_list")).content.decode()
    assert 'href="/representation/"' in text
    assert reverse("signatories:organisation_list") not in text
    assert client_for(holder).get(reverse("signatories:organisation_list")).status_code == 403


def test_the_officers_home_page_lists_terms_ending_and_long_vacancies(officer_client, seat, board):
    TermFactory(
        seat=seat,
        holder_name="Sam Ending",
        starts_on=D(2024, 1, 1),
        ends_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    from .factories import SeatFactory

    SeatFactory(board=board, number=2, opened_on=timezone.localdate() - datetime.timedelta(days=90))
    text = officer_client.get(reverse("dashboard")).content.decode()
    assert "1 term ending within two months, 1 seat vacant for more than a month" in text
    assert "Sam Ending’s term ends" in text


def test_factor_5_links_to_the_representation_pages(lsp_client):
    text = lsp_client.get(reverse("success_factors:factor_detail", args=[5])).content.decode()
    assert f'<a class="govuk-link" href="{reverse("representation:board_list")}">the sector’s seats' in text
    other = lsp_client.get(reverse("success_factors:factor_detail", args=[4])).content.decode()
    assert "the sector’s seats" not in other
