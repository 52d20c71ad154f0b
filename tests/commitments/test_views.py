"""The commitments pages, driven as people use them: forms posted, lists filtered, records verified and explained."""

import datetime

import pytest
from django.urls import reverse

from commitments import services
from commitments.models import Check, Commitment, Consultation, FundingDecision, RecordStatus, Result, Rule
from signatories.models import Sector
from tests import factories
from tests.conftest import client_for
from wins.concerns.models import Concern

from .builders import (
    consultation,
    consultation_form,
    date,
    funding,
    funding_form,
    signed_statutory_body,
    statutory_body,
)

D = datetime.date


@pytest.fixture
def body(compact):
    return signed_statutory_body(compact)


@pytest.fixture
def voluntary_champion(db, compact):
    organisation = factories.OrganisationFactory(name="Riverside Trust", sector=Sector.VOLUNTARY)
    return factories.champion_user(username="riverside", organisation=organisation)


def test_an_officer_records_a_short_consultation_and_sees_it_was_not_met(officer_client, body):
    response = officer_client.post(reverse("commitments:consultation_create"), consultation_form(body), follow=True)
    record = Consultation.objects.get()
    assert response.redirect_chain[-1][0] == record.get_absolute_url()
    assert record.status == RecordStatus.VERIFIED
    text = response.content.decode()
    assert "has been recorded and checked" in text
    assert "Open from 6 July 2026 to 3 August 2026: 4 weeks, shorter than 12 weeks. No reason was given." in text
    assert "Raise a concern about this" in text


def test_a_champion_reports_and_it_waits_for_an_officer(compact, body, voluntary_champion, officer_client, lsp_client):
    champion_client = client_for(voluntary_champion)
    response = champion_client.post(reverse("commitments:funding_create"), funding_form(body), follow=True)
    record = FundingDecision.objects.get()
    assert record.status == RecordStatus.REPORTED
    assert "a Compact officer will check it before it counts" in response.content.decode()
    assert lsp_client.get(record.get_absolute_url()).status_code == 404
    assert "Youth club grants" not in lsp_client.get(reverse("commitments:funding_list")).content.decode()
    assert "Verify it" in officer_client.get(record.get_absolute_url()).content.decode()

    officer_client.post(reverse("commitments:funding_verify", args=[record.pk]))
    record.refresh_from_db()
    assert record.status == RecordStatus.VERIFIED
    assert lsp_client.get(record.get_absolute_url()).status_code == 200
    assert "Youth club grants" in lsp_client.get(reverse("commitments:funding_list")).content.decode()


def test_a_statutory_bodys_champion_cannot_report_but_can_explain(compact, body, officer):
    council_champion = client_for(factories.champion_user(username="council", organisation=body))
    assert council_champion.get(reverse("commitments:consultation_create")).status_code == 403
    record = consultation(compact=compact, by=officer, body=body, weeks=4)
    page = council_champion.get(record.get_absolute_url()).content.decode()
    assert "Add the explanation" in page
    response = council_champion.post(
        reverse("commitments:consultation_explain", args=[record.pk]),
        {"explanation": "The budget timetable is set by law."},
        follow=True,
    )
    assert "The budget timetable is set by law." in response.content.decode()
    other = client_for(factories.champion_user(username="other-body", organisation=statutory_body("Anytown Police")))
    assert other.get(reverse("commitments:consultation_explain", args=[record.pk])).status_code == 403


def test_an_officer_accepts_the_reason_and_the_check_is_explained(compact, body, officer, officer_client):
    record = consultation(compact=compact, by=officer, body=body, weeks=8, shorter_reason="A deadline set by law")
    check = record.checks.get()
    page = officer_client.get(reverse("commitments:check_accept", args=[check.pk])).content.decode()
    assert "A deadline set by law" in page
    refused = officer_client.post(reverse("commitments:check_accept", args=[check.pk]), {"note": ""})
    assert "Say why the reason is accepted" in refused.content.decode()
    response = officer_client.post(
        reverse("commitments:check_accept", args=[check.pk]), {"note": "The statutory deadline is real."}, follow=True
    )
    assert Check.objects.get(pk=check.pk).result == Result.EXPLAINED
    assert "Reason accepted" in response.content.decode()


def test_a_second_officer_editing_at_once_is_told_and_keeps_what_they_typed(compact, body, officer, officer_client):
    record = consultation(compact=compact, by=officer, body=body)
    page = officer_client.get(reverse("commitments:consultation_edit", args=[record.pk])).content.decode()
    version = page.split('name="version" value="')[1].split('"')[0]
    other = client_for(factories.officer(username="other-officer"))
    other.post(
        reverse("commitments:consultation_edit", args=[record.pk]),
        consultation_form(body, title="Their title", version=version),
    )
    response = officer_client.post(
        reverse("commitments:consultation_edit", args=[record.pk]),
        consultation_form(body, title="My title", version=version),
    )
    text = response.content.decode()
    assert "Someone else changed this record (closes on, opened on, title) while you were editing it" in text
    assert 'value="My title"' in text
    record.refresh_from_db()
    assert record.title == "Their title"
    assert record.history.count() == 2


def test_funding_decisions_refuse_a_stale_save_and_keep_their_history(compact, body, officer, officer_client):
    record = funding(compact=compact, by=officer, body=body)
    page = officer_client.get(reverse("commitments:funding_edit", args=[record.pk])).content.decode()
    version = page.split('name="version" value="')[1].split('"')[0]
    other = client_for(factories.officer(username="other-officer"))
    other.post(
        reverse("commitments:funding_edit", args=[record.pk]), funding_form(body, amount="9000", version=version)
    )
    response = officer_client.post(
        reverse("commitments:funding_edit", args=[record.pk]), funding_form(body, amount="7000", version=version)
    )
    assert "Someone else changed this record" in response.content.decode()
    record.refresh_from_db()
    assert record.amount == 9000
    history = officer_client.get(reverse("history", args=["funding_decision", record.pk])).content.decode()
    assert "9000" in history.replace(",", "")


def test_a_statutory_champion_is_not_offered_to_report(compact, body, officer):
    council_champion = client_for(factories.champion_user(username="council-2", organisation=body))
    page = council_champion.get(reverse("commitments:overview")).content.decode()
    assert "Report a consultation" not in page


def test_an_officer_changes_a_threshold_and_it_is_kept_in_the_history(officer_client):
    commitment = Commitment.objects.get(rule=Rule.CONSULTATION_LENGTH)
    page = officer_client.get(reverse("commitments:commitment_edit", args=[commitment.pk])).content.decode()
    version = page.split('name="version" value="')[1].split('"')[0]
    response = officer_client.post(
        reverse("commitments:commitment_edit", args=[commitment.pk]),
        {
            "title": "Consultations last 10 weeks",
            "description": "",
            "rule": Rule.CONSULTATION_LENGTH,
            "threshold": "10",
            "factor": str(commitment.factor_id),
            "version": version,
        },
        follow=True,
    )
    assert "10 weeks" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.threshold == 10
    assert [h.threshold for h in commitment.history.order_by("history_date")][-1] == 10
    history = officer_client.get(reverse("history", args=["commitment", commitment.pk])).content.decode()
    assert "Consultations last 10 weeks" in history


def test_a_local_commitment_needs_its_number(officer_client):
    data = {
        "title": "Feedback within 8 weeks",
        "description": "",
        "rule": Rule.FEEDBACK,
        "threshold": "",
        "factor": str(Commitment.objects.first().factor_id),
    }
    response = officer_client.post(reverse("commitments:commitment_create"), data)
    assert "Enter the number of weeks" in response.content.decode()
    officer_client.post(reverse("commitments:commitment_create"), data | {"threshold": "8"})
    assert Commitment.objects.get(title="Feedback within 8 weeks").is_local


def test_the_lists_filter_by_commitment_result_and_body(compact, body, officer, lsp_client):
    consultation(compact=compact, by=officer, body=body, title="Short one", weeks=3)
    consultation(compact=compact, by=officer, body=body, title="Full one")
    consultation(compact=compact, by=officer, body=statutory_body("Anytown Police"), title="Police one", weeks=2)
    length = Commitment.objects.get(rule=Rule.CONSULTATION_LENGTH)
    url = reverse("commitments:consultation_list")
    text = lsp_client.get(url, {"commitment": length.pk, "result": "not_met", "body": body.pk}).content.decode()
    assert "Short one" in text and "Full one" not in text and "Police one" not in text
    text = lsp_client.get(url, {"result": "met"}).content.decode()
    assert "Full one" in text and "Short one" not in text


def test_the_commitments_page_shows_each_commitment_and_body_and_what_closes_soon(compact, body, officer, lsp_client):
    today = datetime.date.today()
    consultation(
        compact=compact, by=officer, body=body, title="Closing soon", opened_on=today - datetime.timedelta(weeks=11)
    )
    consultation(
        compact=compact,
        by=officer,
        body=body,
        title="Too short",
        opened_on=today - datetime.timedelta(days=30),
        weeks=2,
    )
    text = " ".join(lsp_client.get(reverse("commitments:overview")).content.decode().split())
    assert "Consultations last 12 weeks" in text
    assert '50%<span class="govuk-body-s compact-muted govuk-!-display-block">1 of 2 met, 0 not known</span>' in text
    assert "Anytown Borough Council" in text
    assert "Too short" in text  # listed as not met
    assert "Closing soon</a> – Anytown Borough Council, closes" in text
    quarter = lsp_client.get(reverse("commitments:overview"), {"period": "quarter"}).content.decode()
    assert "The last full quarter" in quarter


def test_the_kept_rates_are_counted_again_when_a_record_is_added_verified_a_commitment_or_a_body_changes(
    compact, body, officer, lsp_client, voluntary_champion
):
    today = datetime.date.today()
    url = reverse("commitments:overview")

    def rate_text():
        return " ".join(lsp_client.get(url).content.decode().split())

    consultation(compact=compact, by=officer, body=body, title="Full", opened_on=today - datetime.timedelta(days=100))
    assert "1 of 1" in rate_text()
    consultation(
        compact=compact, by=officer, body=body, title="Short", opened_on=today - datetime.timedelta(days=40), weeks=3
    )
    assert "1 of 2" in rate_text()
    reported = consultation(
        compact=compact,
        by=voluntary_champion,
        body=body,
        title="Reported",
        opened_on=today - datetime.timedelta(days=60),
    )
    assert "1 of 2" in rate_text()  # not counted until an officer verifies it
    services.verify(record=reported, by=officer)
    assert "2 of 3" in rate_text()
    length = Commitment.objects.get(rule=Rule.CONSULTATION_LENGTH)
    length.title = "Consultations run for twelve weeks"
    length.save()
    assert "Consultations run for twelve weeks" in rate_text()
    body.name = "Anytown Council"  # the bodies' results name them
    body.save()
    text = rate_text()
    assert "Anytown Council" in text and "Anytown Borough Council" not in text


def test_the_officers_kept_page_tells_them_at_once_when_a_champion_reports_a_record(
    compact, body, officer, officer_client, voluntary_champion
):
    url = reverse("commitments:overview")
    assert "waits for you to check" not in officer_client.get(url).content.decode()

    consultation(compact=compact, by=voluntary_champion, body=body, title="Library closures")

    assert "1 record reported by champions waits for you to check it" in " ".join(
        officer_client.get(url).content.decode().split()
    )


def test_a_concern_raised_from_a_missed_commitment_is_prefilled_and_linked_both_ways(
    compact, body, officer, voluntary_champion
):
    record = funding(
        compact=compact,
        by=officer,
        body=body,
        name="Floating support",
        change="ended",
        notice_given_on=D(2026, 3, 2),
        change_takes_effect_on=D(2026, 3, 23),
    )
    check = record.checks.get(commitment__rule=Rule.NOTICE)
    client = client_for(voluntary_champion)
    url = reverse("wins:concern_create") + f"?funding={record.pk}&check={check.pk}"
    page = client.get(url).content.decode()
    assert "Three months&#x27; notice of ending or reducing funding not met: Floating support" in page
    assert "only 3 weeks of notice" in page
    assert f'name="funding_decision" value="{record.pk}"' in page
    form = {
        "title": "Three months' notice not met: Floating support",
        "details": "Staff were given notice at once.",
        "factor": str(check.commitment.factor_id),
        "funding_decision": str(record.pk),
        "consultation": "",
        **date("raised_on", datetime.date.today()),
    }
    response = client.post(url, form, follow=True)
    concern = Concern.objects.get()
    assert concern.funding_decision == record
    assert "Floating support</a> (Anytown Borough Council)" in response.content.decode()
    officer_page = client_for(officer).get(record.get_absolute_url()).content.decode()
    assert f'href="{concern.get_absolute_url()}"' in officer_page


def test_a_concern_cannot_be_linked_to_a_record_the_person_may_not_see(compact, body, voluntary_champion):
    someone = factories.champion_user(
        username="someone", organisation=factories.OrganisationFactory(sector=Sector.VOLUNTARY)
    )
    hidden = consultation(compact=compact, by=someone, body=body)  # reported, not verified
    client = client_for(voluntary_champion)
    page = client.get(reverse("wins:concern_create") + f"?consultation={hidden.pk}").content.decode()
    assert 'type="hidden" name="consultation" id="id_consultation"' in page  # not linked
    assert "About the consultation" not in page


def test_the_officers_home_page_warns_of_funding_ending_without_notice(compact, body, officer, officer_client):
    funding(
        compact=compact,
        by=officer,
        body=body,
        name="Befriending grant",
        ends_on=datetime.date.today() + datetime.timedelta(days=60),
    )
    text = officer_client.get(reverse("dashboard")).content.decode()
    assert "Funding ending within four months with no notice recorded: 1 decision." in text
    assert "Befriending grant" in text
