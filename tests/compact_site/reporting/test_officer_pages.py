"""The officer prepares, previews, publishes, corrects and deletes reports through the pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from compact_site.reporting.models import Report, ReportStatus
from compact_site.reporting.periods import last_financial_year, last_full_quarter
from tests.success_factors.builders import page_text

from .builders import END, START, build_everything, draft_report, published_report

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("reports:report_create")


def date_fields(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_the_create_page_offers_last_quarter_last_year_and_other_dates(compact, officer_client):
    text = page_text(officer_client.get(CREATE_URL))

    assert "Last quarter: " in text and "Last financial year: " in text and "Other dates" in text


@pytest.mark.parametrize(
    "choice, dates",
    [
        ("last_quarter", last_full_quarter),
        ("last_year", last_financial_year),
    ],
)
def test_a_preset_starts_a_draft_for_that_period(choice, dates, compact, officer_client):
    response = officer_client.post(CREATE_URL, {"compact": compact.pk, "period": choice, "title": ""})

    report = Report.objects.get()
    assert (report.period_start, report.period_end) == dates(timezone.localdate())
    assert report.compact == compact and report.status == ReportStatus.DRAFT
    assert response["Location"] == reverse("reports:report_edit", args=[report.pk])


def test_other_dates_start_a_draft_with_its_own_title(compact, officer_client):
    data = {
        "compact": compact.pk,
        "period": "custom",
        "title": "Special report on funding",
        **date_fields("start", START),
        **date_fields("end", END),
    }

    officer_client.post(CREATE_URL, data)

    report = Report.objects.get()
    assert (report.period_start, report.period_end, report.title) == (START, END, "Special report on funding")


def test_mistakes_in_the_dates_are_summarised_and_nothing_typed_is_lost(compact, officer_client):
    data = {
        "compact": compact.pk,
        "period": "custom",
        "title": "Funding",
        **date_fields("start", END),
        **date_fields("end", START),
    }

    response = officer_client.post(CREATE_URL, data)

    text = page_text(response)
    assert "There is a problem The end of the period must be the same as or after the start" in text
    html = response.content.decode()
    assert 'value="Funding"' in html and 'value="30"' in html and 'value="2026"' in html
    assert not Report.objects.exists()


def test_other_dates_need_both_dates(compact, officer_client):
    response = officer_client.post(CREATE_URL, {"compact": compact.pk, "period": "custom"})

    assert "Enter the start date" in page_text(response)
    assert "Enter the end date" in page_text(response)


def test_the_period_must_be_chosen(compact, officer_client):
    response = officer_client.post(CREATE_URL, {"compact": compact.pk})

    assert "Select the period the report covers" in page_text(response)


def test_half_typed_dates_do_not_matter_when_a_preset_is_chosen(compact, officer_client):
    officer_client.post(CREATE_URL, {"compact": compact.pk, "period": "last_quarter", "start_0": "3"})

    assert Report.objects.count() == 1


def test_without_a_compact_the_officer_is_sent_back(officer_client):
    response = officer_client.get(CREATE_URL)

    assert response["Location"] == reverse("reports:report_list")


def test_editing_saves_the_commentary_and_the_chosen_wins(compact, officer, officer_client):
    _, wins = build_everything(compact)
    report = draft_report(compact, officer)
    url = reverse("reports:report_edit", args=[report.pk])
    assert "Food bank referral route (20 March 2026)" in page_text(officer_client.get(url))

    response = officer_client.post(
        url,
        {
            "title": "Quarter one",
            "summary": "All well.",
            "issues": "Funding",
            "recommendations": "",
            "highlighted_wins": [wins["last_day"].pk],
        },
    )

    assert response["Location"] == report.get_absolute_url()
    report.refresh_from_db()
    assert (report.title, report.summary, report.issues) == ("Quarter one", "All well.", "Funding")
    assert list(report.highlighted_wins.all()) == [wins["last_day"]]


def test_an_edit_without_a_title_shows_the_error_and_keeps_the_commentary(compact, officer, officer_client):
    report = draft_report(compact, officer)

    response = officer_client.post(
        reverse("reports:report_edit", args=[report.pk]), {"title": "", "summary": "My careful summary."}
    )

    assert "There is a problem Enter a title for the report" in page_text(response)
    assert "My careful summary." in response.content.decode()


def test_changing_the_period(compact, officer, officer_client):
    report = draft_report(compact, officer)
    data = {"period": "custom", **date_fields("start", START), **date_fields("end", datetime.date(2026, 5, 31))}

    officer_client.post(reverse("reports:report_period", args=[report.pk]), data)

    report.refresh_from_db()
    assert report.period_end == datetime.date(2026, 5, 31)


def test_publishing_asks_for_confirmation_then_publishes(compact, officer, officer_client):
    report = draft_report(compact, officer, summary="Ready.")
    url = reverse("reports:report_publish", args=[report.pk])

    assert "Publish the report to the LSP" in page_text(officer_client.get(url))
    assert Report.objects.get().status == ReportStatus.DRAFT

    response = officer_client.post(url, follow=True)

    assert "The report has been published. LSP members can now read it." in page_text(response)
    assert Report.objects.get().status == ReportStatus.PUBLISHED


def test_publishing_without_a_summary_says_what_to_do(compact, officer, officer_client):
    report = draft_report(compact, officer)
    url = reverse("reports:report_publish", args=[report.pk])

    response = officer_client.post(url)

    assert "There is a problem Write a summary for the LSP before publishing" in page_text(response)
    assert Report.objects.get().status == ReportStatus.DRAFT


def test_a_published_report_cannot_be_edited_through_the_pages(compact, officer, officer_client):
    report = published_report(compact, officer)

    for name in ("report_edit", "report_period", "report_publish", "report_delete"):
        response = officer_client.post(reverse(f"reports:{name}", args=[report.pk]), {"title": "Changed"})
        assert response["Location"] == report.get_absolute_url()
    report.refresh_from_db()
    assert report.title == "Compact report to the LSP: April to June 2026" and report.status == "published"


def test_publishing_a_correction_through_the_pages(compact, officer, officer_client):
    original = published_report(compact, officer)
    url = reverse("reports:report_correct", args=[original.pk])
    assert "Publish a correction" in page_text(officer_client.get(url))

    response = officer_client.post(url)

    correction = Report.objects.get(supersedes=original)
    assert response["Location"] == reverse("reports:report_edit", args=[correction.pk])
    assert officer_client.post(url)["Location"] == correction.get_absolute_url()  # the same draft again
    officer_client.post(reverse("reports:report_publish", args=[correction.pk]))
    original.refresh_from_db()
    assert original.status == ReportStatus.SUPERSEDED


def test_deleting_a_draft(compact, officer, officer_client):
    report = draft_report(compact, officer)
    url = reverse("reports:report_delete", args=[report.pk])
    assert "Delete this draft?" in page_text(officer_client.get(url))

    response = officer_client.post(url)

    assert response["Location"] == reverse("reports:report_list")
    assert not Report.objects.exists()
