"""Reading reports: who sees which, and what the report page shows."""

import pytest
from django.urls import reverse

from compact_site.reporting import services
from tests.success_factors.builders import page_text, row_for, rows_for

from .builders import build_everything, draft_report, published_report

pytestmark = pytest.mark.django_db

LIST_URL = reverse("reports:report_list")


@pytest.fixture
def reports(compact, officer):
    build_everything(compact)
    return {
        "published": published_report(
            compact,
            officer,
            summary="The Compact is growing.",
            issues="Fund the support post\nName champions",
            recommendations="1. Agree the budget\n- Write to partners",
        ),
        "draft": draft_report(compact, officer, summary="Work in progress."),
    }


def test_lsp_members_see_published_reports_only(reports, lsp_client):
    text = page_text(lsp_client.get(LIST_URL))

    assert "Published reports" in text
    assert rows_for(lsp_client.get(LIST_URL), "Compact report to the LSP: April to June 2026") == [
        f"Compact report to the LSP: April to June 2026 1 April 2026 to 30 June 2026 Published "
        f"{reports['published'].published_at:%-d %B %Y}"
    ]
    assert "Draft" not in text


def test_officers_see_drafts_and_published_reports_with_status_tags(reports, officer_client):
    rows = rows_for(officer_client.get(LIST_URL), "Compact report to the LSP")

    assert len(rows) == 2
    assert any("Draft Not yet" in row for row in rows)
    assert any(" Published " in row for row in rows)


@pytest.mark.parametrize("url_name", ["reports:report_detail", "reports:report_pdf", "reports:report_csv"])
def test_a_draft_is_not_found_for_lsp_members_and_champions(url_name, reports, lsp_client, champion_client):
    url = reverse(url_name, args=[reports["draft"].pk])

    assert lsp_client.get(url).status_code == 404
    assert champion_client.get(url).status_code == 404


def test_the_report_page_puts_the_commentary_first(reports, lsp_client):
    text = page_text(lsp_client.get(reports["published"].get_absolute_url()))

    assert "Anytown Compact Compact report to the LSP: April to June 2026 1 April 2026 to 30 June 2026" in text
    commentary, glance = text.index("Summary The Compact is growing."), text.index("4 active signatories")
    assert commentary < glance < text.index("Signed the Compact")
    assert "Issues for the LSP to resolve 1. Fund the support post 2. Name champions" not in text  # a list
    assert "Fund the support post Name champions" in text
    assert "The LSP is asked to: Agree the budget Write to partners" in text


def test_the_report_page_shows_headlines_and_tables_beside_the_charts(reports, lsp_client):
    response = lsp_client.get(reports["published"].get_absolute_url())
    text = page_text(response)

    assert "4 active signatories up 1 on the previous period" in text
    assert "2 active Compact Champions 50% of signatories have one" in text
    assert "2 wins published up 1 on the previous period; 1 quick win" in text
    assert row_for(response, "Active signatories at the end of the period") == (
        "Active signatories at the end of the period 4 3 up 1"
    )
    assert row_for(response, "1. Outcomes focus 33") == "1. Outcomes focus 33 83 down 50 2"
    assert row_for(response, "3. Lead and champion the Compact 2") == "3. Lead and champion the Compact 2 0 up 2"
    assert response.content.decode().count('src="data:image/svg+xml;base64,') == 4  # factors, gap, wins, commitments
    assert "Concerns are not recorded yet." in text or "Concerns raised" in text


def test_the_draft_preview_has_a_banner_and_uses_the_same_page(reports, officer_client):
    response = officer_client.get(reports["draft"].get_absolute_url())
    text = page_text(response)

    assert "Draft – not published This is a preview with the figures as they were at" in text
    assert "Count the figures again now" in text
    assert "Work in progress." in text
    assert "At a glance" in text and "The seven success factors" in text
    assert reverse("reports:report_publish", args=[reports["draft"].pk]) in response.content.decode()


def test_a_superseded_report_links_to_its_correction(reports, officer, lsp_client):
    correction = services.start_correction(report=reports["published"], by=officer)
    services.publish_report(report=correction, by=officer)

    response = lsp_client.get(reports["published"].get_absolute_url())

    assert "Superseded This report was corrected on" in page_text(response)
    assert f'href="{correction.get_absolute_url()}">Read the corrected report' in response.content.decode()
    corrected_text = page_text(lsp_client.get(correction.get_absolute_url()))
    assert "corrects the version published" in corrected_text
    list_text = page_text(lsp_client.get(LIST_URL))
    assert "Superseded" in list_text and "Replaced by a correction published" in list_text


def test_officers_are_offered_email_and_correction_on_a_published_report(reports, officer_client, lsp_client):
    url = reports["published"].get_absolute_url()

    assert "Email the link to the LSP" in page_text(officer_client.get(url))
    assert "Publish a correction" in page_text(officer_client.get(url))
    assert "Email the link" not in page_text(lsp_client.get(url))
    assert "Download the report as a PDF" in page_text(lsp_client.get(url))
