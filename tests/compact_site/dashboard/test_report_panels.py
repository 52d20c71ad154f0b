"""The home page: LSP members see the latest report and the factor trend; officers see when the next report
is due and what is waiting for them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from compact_site.reporting import selectors
from tests import factories
from tests.compact_site.reporting.builders import build_everything, draft_report, published_report
from tests.success_factors.builders import page_text, row_for

pytestmark = pytest.mark.django_db

DASHBOARD_URL = reverse("dashboard")


@pytest.fixture
def two_quarters(compact, officer):
    build_everything(compact)
    first = published_report(compact, officer, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31))
    second = published_report(compact, officer)
    return first, second


def test_lsp_member_sees_the_latest_reports_headlines_and_link(two_quarters, lsp_client):
    response = lsp_client.get(DASHBOARD_URL)
    text = page_text(response)

    assert "The latest report to the LSP Compact report to the LSP: April to June 2026" in text
    assert "4 active signatories (up 1)" in text
    assert "2 Compact Champions (50% of signatories have one)" in text
    assert "2 wins published in April to June 2026" in text
    assert "0 of 7 factors improved since 2025/26; weakest: 1. Outcomes focus" in text
    assert f'href="{two_quarters[1].get_absolute_url()}"' in response.content.decode()


def test_lsp_member_sees_the_factor_scores_across_published_reports(two_quarters, lsp_client):
    response = lsp_client.get(DASHBOARD_URL)

    assert "The seven factor scores in the last 2 reports" in page_text(response)
    # January to March: round 2025/26 (83); April to June: round 2026/27 (33).
    assert row_for(response, "1. Outcomes focus") == "1. Outcomes focus 83 33"
    assert row_for(response, "2. Establish the right structures") == (
        "2. Establish the right structures 33 Not enough evidence"
    )


def test_the_trend_reads_only_published_reports(two_quarters, compact, officer):
    draft_report(compact, officer)

    columns, rows = selectors.factor_trend(compact=compact)

    assert [column["label"] for column in columns] == ["January to March 2026", "April to June 2026"]
    assert [column["round"] for column in columns] == ["2025/26", "2026/27"]
    assert len(rows) == 7


def test_lsp_member_before_any_report_is_published(compact, lsp_client):
    assert "No report has been published yet." in page_text(lsp_client.get(DASHBOARD_URL))


def test_officer_sees_the_next_report_is_due_after_the_last_period(two_quarters, officer_client):
    text = page_text(officer_client.get(DASHBOARD_URL))

    assert "Next report to the LSP Due by 30 September 2026" in text
    assert "Every 3 months; the last report covered up to 30 June 2026." in text


def test_the_reporting_frequency_is_set_per_compact(two_quarters, compact):
    compact.report_every_months = 12
    compact.save()

    due = selectors.next_report_due(compact=compact)

    assert due["due_on"] == datetime.date(2027, 6, 30)


def test_an_overdue_report_is_flagged(compact, officer, officer_client):
    published_report(compact, officer, start=datetime.date(2020, 1, 1), end=datetime.date(2020, 3, 31))

    text = page_text(officer_client.get(DASHBOARD_URL))

    assert "Due by 30 June 2020 Overdue" in text


def test_officer_before_any_report_and_what_is_waiting(compact, officer, officer_client):
    draft = draft_report(compact, officer)
    factories.ActionFactory(compact=compact, due_on=timezone.localdate() - datetime.timedelta(days=1))
    factories.ActionFactory(compact=compact, due_on=timezone.localdate() + datetime.timedelta(days=1))

    response = officer_client.get(DASHBOARD_URL)

    text = page_text(response)
    assert "Next report to the LSP No report published yet" in text
    assert f"Draft: {draft.title}" in text
    assert "Overdue actions 1" in text
    assert "Wins to moderate 0" in text
    assert "Open concerns 0" in text


def test_champions_are_not_shown_the_report_panels(two_quarters, champion_client):
    text = page_text(champion_client.get(DASHBOARD_URL))

    assert "The latest report to the LSP" not in text
    assert "Next report to the LSP" not in text
