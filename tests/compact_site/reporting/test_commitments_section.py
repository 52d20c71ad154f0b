"""The report section "Keeping the Compact's commitments": rates this period against the last and the records
not met, frozen when the report is published, and shown on the page, in the PDF and in the CSV."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from commitments import services as commitment_services
from tests.commitments.builders import consultation, funding, statutory_body

from .builders import draft_report, published_report

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def records(compact, officer):
    body = statutory_body("Anytown Borough Council")
    consultation(compact=compact, by=officer, body=body, title="Library review", opened_on=D(2026, 5, 4), weeks=3)
    consultation(compact=compact, by=officer, body=body, title="Budget 2026", opened_on=D(2026, 4, 6))
    consultation(
        compact=compact, by=officer, body=body, title="Budget 2025", opened_on=D(2026, 2, 2)
    )  # previous quarter
    return funding(
        compact=compact,
        by=officer,
        body=statutory_body("Anytown Police"),
        name="Street pastors",
        decided_on=D(2026, 5, 1),
        starts_on=D(2026, 6, 1),
        ends_on=D(2027, 5, 31),
    )


def commitment_row(section, title):
    return next(row for row in section["commitments"] if row["title"] == title)


def test_a_published_report_freezes_the_commitment_figures(compact, officer, records):
    report = published_report(compact, officer)
    section = report.snapshot["figures"]["commitments"]
    row = commitment_row(section, "Consultations last 12 weeks")
    assert (row["current"]["met"], row["current"]["not_met"], row["current"]["rate"]) == (1, 1, 50)
    assert (row["previous"]["met"], row["previous"]["rate"]) == (1, 100)
    assert [(r["title"], r["commitment"]) for r in section["not_met"]] == [
        ("Library review", "Consultations last 12 weeks"),
        ("Street pastors", "Multi-year funding where appropriate"),
    ]
    # Later changes to the records never change what the board saw.
    commitment_services.update_record(record=records, by=officer, ends_on=D(2029, 5, 31))
    report.refresh_from_db()
    assert report.snapshot["figures"]["commitments"] == section
    assert "commitments" in report.snapshot["charts"]


def test_the_report_page_shows_the_section_with_the_records_not_met(compact, officer, records, lsp_client):
    report = published_report(compact, officer)
    response = lsp_client.get(report.get_absolute_url())
    text = " ".join(response.content.decode().split())
    assert "Keeping the Compact’s commitments" in text
    assert (
        "<strong>Library review</strong> (consultation, Anytown Borough Council) – Consultations last 12 weeks: "
        "Open from 4 May 2026 to 25 May 2026: 3 weeks, shorter than 12 weeks." in text
    )
    assert "Anytown Police" in text


def test_a_draft_report_shows_a_consultation_recorded_since(compact, officer, officer_client):
    report = draft_report(compact, officer)
    consultation(compact=compact, by=officer, title="Youth services review", opened_on=D(2026, 6, 1), weeks=4)
    officer_client.post(reverse("reports:report_recount", args=[report.pk]))
    response = officer_client.get(report.get_absolute_url())
    assert "<strong>Youth services review</strong>" in response.content.decode()


def test_the_csv_has_the_commitment_rows(compact, officer, records, lsp_client):
    report = published_report(compact, officer)
    response = lsp_client.get(reverse("reports:report_csv", args=[report.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["Commitments", "Consultations last 12 weeks: Records meeting the commitment (%)", "", "50", "100"] in rows
    assert ["Commitments", "Anytown Police: records meeting the commitments (%)", "", "75", ""] in rows
    not_met = [row for row in rows if row[1].startswith("Not met:")]
    assert not_met[0][1] == "Not met: Consultations last 12 weeks"
    assert not_met[0][3].startswith("Consultation: Library review (Anytown Borough Council, 2026-05-04). Open from")


def test_the_pdf_has_the_section(compact, officer, records, lsp_client):
    report = published_report(compact, officer)
    response = lsp_client.get(reverse("reports:report_pdf", args=[report.pk]))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Keeping the Compact’s commitments" in text or "Keeping the Compact's commitments" in text
    assert "Library review" in text


def test_a_report_published_before_commitments_still_shows(compact, officer, records, lsp_client):
    report = published_report(compact, officer)
    snapshot = report.snapshot
    del snapshot["figures"]["commitments"]
    del snapshot["charts"]["commitments"]
    type(report).objects.filter(pk=report.pk).update(snapshot=snapshot)
    assert lsp_client.get(report.get_absolute_url()).status_code == 200
    assert "Keeping the Compact" not in lsp_client.get(report.get_absolute_url()).content.decode()
    assert lsp_client.get(reverse("reports:report_csv", args=[report.pk])).status_code == 200
