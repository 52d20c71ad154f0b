"""Committees and their meetings; an officer sends a published report to a meeting and records the committee's
recommendations; the organisation that must respond records its response; a recommendation becomes an action."""

import datetime

import pytest
from django.urls import reverse

from compact_site.reporting.committees import services
from compact_site.reporting.committees.models import Committee, CommitteeKind, Recommendation, ReportSent
from success_factors.models import Factor
from tests import factories
from tests.compact_site.reporting.builders import published_report

from .builders import MADE_ON, recommendation, scrutiny, sent_report


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def test_the_lsp_is_one_committee_among_them(officer_client, compact, officer):
    scrutiny(compact, officer)
    services.lsp_committee(compact)
    page = officer_client.get(reverse("committees:committee_list"))
    assert [c.name for c in page.context["committees"]] == [
        "Local Strategic Partnership",
        "Overview and Scrutiny Committee",
    ]


def test_a_second_lsp_is_refused(officer_client, compact):
    Committee.objects.create(compact=compact, name="LSP", kind=CommitteeKind.LSP)
    response = officer_client.post(reverse("committees:committee_create"), {"name": "Another", "kind": "lsp"})
    assert "already has its Local Strategic Partnership" in response.context["form"].errors["kind"][0]
    assert Committee.objects.count() == 1


def test_officer_sends_a_published_report_to_a_meeting_with_its_agenda_item(officer_client, compact, officer):
    report = published_report(compact, officer)
    committee = scrutiny(compact, officer)
    officer_client.post(reverse("committees:meeting_create", args=[committee.pk]), date_fields("held_on", MADE_ON))
    meeting = committee.meetings.get()
    response = officer_client.post(
        reverse("committees:report_send", args=[report.pk]),
        {"meeting": meeting.pk, "agenda_item_url": "https://democracy.example/item/7"},
    )
    assert response.url == report.get_absolute_url()
    sent = ReportSent.objects.get()
    assert (sent.report, sent.meeting, sent.agenda_item_url) == (report, meeting, "https://democracy.example/item/7")
    page = officer_client.get(report.get_absolute_url()).content.decode()
    assert "Overview and Scrutiny Committee</a>, 20 July 2026" in page
    assert 'href="https://democracy.example/item/7"' in page
    committee_page = officer_client.get(committee.get_absolute_url()).content.decode()
    assert report.title in committee_page


def test_a_draft_cannot_be_sent(officer_client, compact, officer):
    from compact_site.reporting import services as report_services

    draft = report_services.create_report(
        compact=compact, start=datetime.date(2026, 4, 1), end=datetime.date(2026, 6, 30), by=officer
    )
    response = officer_client.get(reverse("committees:report_send", args=[draft.pk]))
    assert response.url == draft.get_absolute_url()


def recommendation_form(committee, organisation, **changes):
    data = {
        "committee": committee.pk,
        "text": "Publish the Compact's funding rationale with every grant decision",
        **date_fields("made_on", MADE_ON),
        "respond_by": "Director of finance",
        "responder_organisation": organisation.pk,
        **date_fields("response_due_on", MADE_ON + datetime.timedelta(days=28)),
    }
    data.update(changes)
    return data


def test_officer_records_a_recommendation_against_a_report_sent_to_its_committee(officer_client, compact, officer):
    report, committee = sent_report(compact, officer)
    council = factories.OrganisationFactory(name="Northbrook Council")
    response = officer_client.post(
        reverse("committees:recommendation_create", args=[report.pk]), recommendation_form(committee, council)
    )
    assert response.url == report.get_absolute_url()
    saved = Recommendation.objects.get()
    assert (saved.report, saved.committee, saved.responder_organisation) == (report, committee, council)
    assert saved.response == "" and saved.response_due_on == datetime.date(2026, 8, 17)
    assert "Publish the Compact" in officer_client.get(report.get_absolute_url()).content.decode()


def test_a_recommendation_for_a_report_never_sent_to_that_committee_is_refused(officer_client, compact, officer):
    report, _ = sent_report(compact, officer)
    board = services.save_committee(
        by=officer, compact=compact, name="Health and Wellbeing Board", kind=CommitteeKind.HEALTH_AND_WELLBEING
    )
    council = factories.OrganisationFactory()
    response = officer_client.post(
        reverse("committees:recommendation_create", args=[report.pk]), recommendation_form(board, council)
    )
    assert response.status_code == 200
    assert "This report was never sent to Health and Wellbeing Board" in response.context["form"].errors["committee"][0]
    assert 'href="#id_committee"' in response.content.decode()
    assert not Recommendation.objects.exists()


def test_a_response_due_before_the_recommendation_is_refused(officer_client, compact, officer):
    report, committee = sent_report(compact, officer)
    council = factories.OrganisationFactory()
    data = recommendation_form(committee, council, **date_fields("response_due_on", MADE_ON - datetime.timedelta(1)))
    response = officer_client.post(reverse("committees:recommendation_create", args=[report.pk]), data)
    assert "cannot be due before" in response.context["form"].errors["response_due_on"][0]
    assert not Recommendation.objects.exists()


@pytest.fixture
def waiting(compact, officer, champion):
    report, committee = sent_report(compact, officer)
    return recommendation(
        compact, officer, report, committee, organisation=champion.champion_records.get().organisation
    )


def response_form(**changes):
    data = {
        "response": "partly_accepted",
        "text": "We will publish it for grants over £5,000.",
        **date_fields("responded_on", MADE_ON + datetime.timedelta(days=10)),
    }
    data.update(changes)
    return data


def test_the_responding_organisations_champion_records_the_response(champion_client, waiting):
    response = champion_client.post(reverse("committees:recommendation_respond", args=[waiting.pk]), response_form())
    assert response.url == waiting.get_absolute_url()
    waiting.refresh_from_db()
    assert waiting.response == "partly_accepted" and waiting.responded_on == datetime.date(2026, 7, 30)
    page = champion_client.get(waiting.get_absolute_url()).content.decode()
    assert "Partly accepted" in page and "grants over £5,000" in page


def test_a_response_dated_before_its_recommendation_is_refused(champion_client, waiting):
    data = response_form(**date_fields("responded_on", MADE_ON - datetime.timedelta(days=1)))
    response = champion_client.post(reverse("committees:recommendation_respond", args=[waiting.pk]), data)
    assert response.status_code == 200
    assert (
        "cannot be dated before the recommendation was made (20 July 2026)"
        in (response.context["form"].errors["responded_on"][0])
    )
    assert 'class="govuk-error-summary"' in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.response == "" and waiting.responded_on is None


def test_another_organisations_champion_cannot_respond(compact, officer):
    report, committee = sent_report(compact, officer)
    made = recommendation(compact, officer, report, committee)
    other = factories.champion_user(username="other-champion")
    from tests.conftest import client_for

    assert client_for(other).get(reverse("committees:recommendation_respond", args=[made.pk])).status_code == 403


def test_a_recommendation_becomes_an_action_linked_both_ways(officer_client, waiting):
    data = {
        "factor": Factor.objects.get(number=2).pk,
        "description": waiting.text,
        "owner_organisation": waiting.responder_organisation_id,
        "owner_name": "Cabinet member",
        **date_fields("due_on", datetime.date(2026, 12, 31)),
        "status": "open",
    }
    response = officer_client.post(reverse("committees:recommendation_action", args=[waiting.pk]), data)
    waiting.refresh_from_db()
    assert waiting.action is not None and response.url == waiting.action.get_absolute_url()
    action_page = officer_client.get(waiting.action.get_absolute_url()).content.decode()
    assert waiting.get_absolute_url() in action_page
    assert waiting.action.get_absolute_url() in officer_client.get(waiting.get_absolute_url()).content.decode()


def test_recommendations_list_by_state(lsp_client, compact, officer):
    report, committee = sent_report(compact, officer)
    late = recommendation(compact, officer, report, committee, due=datetime.date(2026, 8, 1), text="Late one")
    answered = recommendation(compact, officer, report, committee, text="Answered one")
    services.record_response(by=officer, recommendation=answered, response="accepted", text="Yes", responded_on=MADE_ON)
    overdue = lsp_client.get(reverse("committees:recommendation_list") + "?state=overdue")
    assert list(overdue.context["page_obj"].object_list) == [late]
    done = lsp_client.get(reverse("committees:recommendation_list") + "?state=answered")
    assert list(done.context["page_obj"].object_list) == [answered]
