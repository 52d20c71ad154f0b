"""Officers plan, follow, extend and close self-assessment rounds through the pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from success_factors.rounds.models import DeadlineExtension, Round, RoundStatus
from tests import factories
from tests.success_factors.builders import page_text, rate_everything, row_for, signed_organisation

from .builders import a_round, open_round

pytestmark = pytest.mark.django_db


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def round_post(**overrides):
    data = {
        "year": "2027/28",
        "reminder_days": "14, 3",
        "message": "Please take part.",
        **date_fields("opens_on", datetime.date(2027, 5, 1)),
        **date_fields("deadline", datetime.date(2027, 6, 30)),
    }
    data.update(overrides)
    return data


def test_officer_plans_a_round(officer_client, compact):
    response = officer_client.post(reverse("success_factors:round_create"), round_post(reminder_days="3,21 ,7"))

    round_ = Round.objects.get()
    assert response.status_code == 302 and response["Location"] == round_.get_absolute_url()
    assert (round_.compact, round_.year, round_.status) == (compact, "2027/28", RoundStatus.PLANNED)
    assert (round_.opens_on, round_.deadline) == (datetime.date(2027, 5, 1), datetime.date(2027, 6, 30))
    assert round_.reminder_days == [21, 7, 3]
    assert round_.message == "Please take part."


def test_the_planning_form_suggests_this_financial_year_and_the_usual_reminders(officer_client, compact):
    response = officer_client.get(reverse("success_factors:round_create"))

    assert 'value="14, 3"' in response.content.decode()
    year = timezone.localdate().year if timezone.localdate().month >= 4 else timezone.localdate().year - 1
    assert f'value="{year}/{(year + 1) % 100:02d}"' in response.content.decode()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({**date_fields("deadline", datetime.date(2027, 4, 30))}, "The deadline must be on or after the opening date"),
        ({"reminder_days": "fourteen"}, "Enter the reminder days as whole numbers separated by commas, like 14, 3"),
        ({"reminder_days": "14, -3"}, "Enter the reminder days as whole numbers separated by commas, like 14, 3"),
        ({"reminder_days": "14, ²"}, "Enter the reminder days as whole numbers separated by commas, like 14, 3"),
        ({"reminder_days": "0"}, "Reminder days must be between 1 and 90 days before the deadline"),
        ({"reminder_days": ""}, "Enter the days before the deadline when reminders go out, like 14, 3"),
        ({"year": "2027"}, "Enter the round as a financial year, like 2026/27"),
        ({"year": "2027/29"}, "Enter one financial year, like 2027/28"),
        ({"deadline_0": "31", "deadline_1": "2"}, "Enter a real date, for example 27 3 2026"),
        ({"opens_on_0": "", "opens_on_1": "", "opens_on_2": ""}, "Enter opening date"),
    ],
)
def test_bad_input_is_explained_in_the_error_summary_and_kept(officer_client, compact, overrides, message):
    response = officer_client.post(reverse("success_factors:round_create"), round_post(**overrides))

    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html and message in page_text(response)
    assert "Please take part." in html  # nothing typed is lost
    assert not Round.objects.exists()


def test_a_second_round_for_the_same_year_is_refused(officer_client, compact):
    a_round(compact, year="2027/28")

    response = officer_client.post(reverse("success_factors:round_create"), round_post())

    assert "There is already a 2027/28 round. Change that one instead" in page_text(response)
    assert Round.objects.count() == 1


def test_officer_changes_a_rounds_deadline_and_reminders(officer_client, compact):
    round_ = a_round(compact)

    response = officer_client.post(
        reverse("success_factors:round_edit", args=[round_.pk]),
        {
            "reminder_days": "10",
            "message": "New message",
            **date_fields("opens_on", datetime.date(2026, 5, 1)),
            **date_fields("deadline", datetime.date(2026, 7, 15)),
        },
    )

    assert response.status_code == 302
    round_.refresh_from_db()
    assert (round_.deadline, round_.reminder_days, round_.message) == (datetime.date(2026, 7, 15), [10], "New message")


def test_a_closed_round_cannot_be_changed(officer_client, compact):
    round_ = a_round(compact, status=RoundStatus.CLOSED)

    response = officer_client.get(reverse("success_factors:round_edit", args=[round_.pk]), follow=True)

    assert "This round is closed, so it can no longer be changed." in page_text(response)


def test_round_list_shows_each_round_with_its_responses(officer_client, compact):
    organisation = signed_organisation(compact, name="Riverside Trust")
    signed_organisation(compact, name="Hillside Trust")
    factories.AssessmentFactory(
        compact=compact, organisation=organisation, round="2026/27", status="submitted", submitted_at=timezone.now()
    )
    a_round(compact, status=RoundStatus.OPEN)

    response = officer_client.get(reverse("success_factors:round_list"))

    assert row_for(response, "2026/27") == "2026/27 Open 1 May 2026 30 June 2026 1 of 2"


@pytest.fixture
def progress_round(compact):
    """A round part-way through: one submitted on time, one late, one in progress, one not started."""
    round_ = open_round(compact)
    on_time = signed_organisation(compact, name="Alder Trust")
    late = signed_organisation(compact, name="Beech Trust")
    drafting = signed_organisation(compact, name="Cedar Trust")
    signed_organisation(compact, name="Damson Trust")

    def submitted(organisation, day):
        return factories.AssessmentFactory(
            compact=compact,
            organisation=organisation,
            round="2026/27",
            status="submitted",
            submitted_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(12))),
        )

    submitted(on_time, datetime.date(2026, 6, 2))
    submitted(late, datetime.date(2026, 7, 3))
    draft = factories.AssessmentFactory(compact=compact, organisation=drafting, round="2026/27")
    rate_everything(draft, 3)
    return round_


def test_rounds_page_shows_each_signatorys_progress(officer_client, progress_round):
    response = officer_client.get(progress_round.get_absolute_url())

    assert row_for(response, "Alder Trust") == "Alder Trust Submitted 2 June 2026 30 June 2026"
    assert row_for(response, "Beech Trust") == "Beech Trust Late 3 July 2026 30 June 2026"
    assert (
        row_for(response, "Cedar Trust")
        == "Cedar Trust In progress 7 of 7 factors done 30 June 2026 Extend the deadline for Cedar Trust"
    )
    assert (
        row_for(response, "Damson Trust")
        == "Damson Trust Not started 30 June 2026 Extend the deadline for Damson Trust"
    )
    assert "2 of 4 signatories responded (50%)" in page_text(response)


def test_a_submission_before_an_organisations_extended_deadline_is_not_late(officer_client, progress_round, officer):
    beech = progress_round.compact.assessments.get(organisation__name="Beech Trust").organisation
    DeadlineExtension.objects.create(round=progress_round, organisation=beech, deadline=datetime.date(2026, 7, 10))

    response = officer_client.get(progress_round.get_absolute_url())

    assert row_for(response, "Beech Trust") == "Beech Trust Submitted 3 July 2026 10 July 2026 (extended)"


@pytest.mark.parametrize(
    "query, shown",
    [
        ("?state=late", ["Beech"]),
        ("?state=not_started", ["Damson"]),
        ("?q=cedar", ["Cedar"]),
        ("?state=submitted&q=alder", ["Alder"]),
        ("?state=bogus", ["Alder", "Beech", "Cedar", "Damson"]),
    ],
)
def test_progress_can_be_filtered(officer_client, progress_round, query, shown):
    response = officer_client.get(progress_round.get_absolute_url() + query)

    listed = [name for name in ("Alder", "Beech", "Cedar", "Damson") if row_for(response, f"{name} Trust")]
    assert listed == shown


def test_rounds_page_charts_the_response_rate_day_by_day_with_a_table(officer_client, progress_round):
    import time_machine

    with time_machine.travel(datetime.datetime(2026, 7, 5, 12, tzinfo=datetime.UTC)):
        response = officer_client.get(progress_round.get_absolute_url())

    assert 'src="data:image/svg+xml;base64,' in response.content.decode()
    assert row_for(response, "1 May 2026") == "1 May 2026 0 0%"
    assert row_for(response, "2 June 2026") == "2 June 2026 1 25%"
    assert row_for(response, "3 July 2026") == "3 July 2026 2 50%"
    assert row_for(response, "5 July 2026") == "5 July 2026 2 50%"
    assert row_for(response, "6 July 2026") is None


def test_officer_extends_one_organisations_deadline(officer_client, progress_round, officer):
    damson = progress_round.compact.rounds.get().compact.signatures.get(organisation__name="Damson Trust").organisation
    url = reverse("success_factors:round_extend", args=[progress_round.pk, damson.pk])

    response = officer_client.post(url, {**date_fields("deadline", datetime.date(2026, 7, 14)), "reason": "Staff ill"})

    assert response.status_code == 302
    extension = DeadlineExtension.objects.get()
    assert (extension.organisation, extension.deadline, extension.reason, extension.granted_by) == (
        damson,
        datetime.date(2026, 7, 14),
        "Staff ill",
        officer,
    )
    page = officer_client.get(progress_round.get_absolute_url())
    assert row_for(page, "Damson Trust").startswith("Damson Trust Not started 14 July 2026 (extended)")


@pytest.mark.parametrize(
    "day, message",
    [
        (datetime.date(2026, 6, 30), "The new deadline must be after the round's deadline, 30 June 2026."),
        (datetime.date(2026, 6, 1), "The new deadline must be after the round's deadline, 30 June 2026."),
    ],
)
def test_an_extension_must_be_later_than_the_rounds_deadline(officer_client, progress_round, day, message):
    damson = progress_round.compact.signatures.get(organisation__name="Damson Trust").organisation
    url = reverse("success_factors:round_extend", args=[progress_round.pk, damson.pk])

    response = officer_client.post(url, {**date_fields("deadline", day), "reason": "Kept reason"})

    assert "govuk-error-summary" in response.content.decode() and message in page_text(response)
    assert "Kept reason" in response.content.decode()
    assert not DeadlineExtension.objects.exists()


def test_an_extension_needs_a_real_date(officer_client, progress_round):
    damson = progress_round.compact.signatures.get(organisation__name="Damson Trust").organisation
    url = reverse("success_factors:round_extend", args=[progress_round.pk, damson.pk])

    response = officer_client.post(url, {"deadline_0": "40", "deadline_1": "7", "deadline_2": "2026"})

    assert "Enter a real date, for example 27 3 2026" in page_text(response)


def test_officer_closes_a_round_after_confirming(officer_client, progress_round, officer):
    url = reverse("success_factors:round_close", args=[progress_round.pk])

    assert "Close the 2026/27 round?" in page_text(officer_client.get(url))
    response = officer_client.post(url)

    progress_round.refresh_from_db()
    assert response.status_code == 302
    assert (progress_round.status, progress_round.closed_by) == (RoundStatus.CLOSED, officer)


def test_every_error_on_the_extension_and_chase_forms_links_to_its_field(officer_client, progress_round):
    from tests.test_error_summaries import summary_targets

    damson = progress_round.compact.signatures.get(organisation__name="Damson Trust").organisation
    for url in (
        reverse("success_factors:round_extend", args=[progress_round.pk, damson.pk]),
        reverse("success_factors:round_chase", args=[progress_round.pk]),
    ):
        html = officer_client.post(url, {"csrfmiddlewaretoken": "x"}).content.decode()
        targets = summary_targets(html)
        assert targets and all(f'id="{target}"' in html for target in targets), url
