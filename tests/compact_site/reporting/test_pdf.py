"""Each report downloads as an A4 PDF with its charts, and the compact's name, the period and the page number
on every page."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from compact_site.reporting import services
from compact_site.templatetags.compact import govuk_date, govuk_time

from .builders import build_everything, draft_report, published_report

pytestmark = pytest.mark.django_db

A4_POINTS = (595, 842)


@pytest.fixture
def report(compact, officer):
    build_everything(compact)
    return published_report(compact, officer)


def download(client, report):
    response = client.get(reverse("reports:report_pdf", args=[report.pk]))
    assert response.status_code == 200
    return response, PdfReader(io.BytesIO(response.content))


def test_the_pdf_is_an_attachment_named_after_the_compact_and_period(report, lsp_client):
    response, _ = download(lsp_client, report)

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="anytown-compact-report-2026-04-01-to-2026-06-30.pdf"'
    )
    assert response.content.startswith(b"%PDF")


def test_the_pdf_is_a_few_a4_pages(report, lsp_client):
    _, pdf = download(lsp_client, report)

    assert 3 <= len(pdf.pages) <= 10
    for page in pdf.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4_POINTS


def test_every_page_names_the_compact_and_the_period_and_numbers_itself(report, lsp_client):
    _, pdf = download(lsp_client, report)

    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages, start=1):
        text = page.extract_text()
        assert "Anytown Compact · 1 April 2026 to 30 June 2026" in text
        assert f"Page {number} of {total}" in text


def test_the_pdf_has_the_commentary_figures_and_the_charts(report, lsp_client):
    _, pdf = download(lsp_client, report)

    text = "\n".join(page.extract_text() for page in pdf.pages)
    # Where the title wraps depends on the fonts installed, so compare the words only.
    assert "Compact report to the LSP: April to June 2026" in " ".join(text.split())
    assert "A good quarter for the Compact." in text
    assert "Active signatories at the end of the period 4 3 up 1" in text
    assert "Factor scores, 2026/27" in text
    assert "Food bank referral route" in text
    # The three charts are drawn as vector graphics: their axis labels come through as text.
    assert text.count("7. Embed the Compact") >= 6
    assert "Wins published" in text and "Gap in points" in text


def test_an_officer_can_download_a_draft_marked_as_a_draft(compact, officer, officer_client):
    report = draft_report(compact, officer)

    response, pdf = download(officer_client, report)

    assert response["Content-Disposition"].endswith('-draft.pdf"')
    assert all("DRAFT – NOT PUBLISHED" in page.extract_text() for page in pdf.pages)
    report.refresh_from_db()
    counted = f"figures as at {govuk_time(report.draft_figures_at)} on {govuk_date(report.draft_figures_at)}"
    assert counted in " ".join(pdf.pages[0].extract_text().split())


def test_a_superseded_report_says_so_on_every_page(report, officer, lsp_client):
    services.publish_report(report=services.start_correction(report=report, by=officer), by=officer)

    _, pdf = download(lsp_client, report)

    assert all("SUPERSEDED" in page.extract_text() for page in pdf.pages)
