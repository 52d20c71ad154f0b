"""The report section "Representation": seats filled and vacant per board, report-backs made in the period as a count
and a share of meetings, terms ending soon, against the previous period; frozen when the report is published, and
shown on the page, in the PDF and in the CSV, never naming a representative."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from representation import services as representation_services
from tests.representation.factories import BoardFactory, MeetingFactory, ReportBackFactory, SeatFactory, TermFactory

from .builders import published_report

pytestmark = pytest.mark.django_db
D = datetime.date  # the report's period is April to June 2026; the previous one January to March


@pytest.fixture
def seats(compact):
    board = BoardFactory(compact=compact, name="Health and Wellbeing Board")
    held = SeatFactory(board=board, number=1, opened_on=D(2025, 4, 1))
    left = SeatFactory(board=board, number=2, opened_on=D(2025, 4, 1))
    SeatFactory(board=board, number=3, opened_on=D(2026, 4, 15))  # vacant since it opened
    term = TermFactory(seat=held, holder_name="Priya Secret", starts_on=D(2025, 4, 1), ends_on=D(2026, 8, 25))
    gone = TermFactory(seat=left, starts_on=D(2025, 4, 1), ends_on=D(2027, 3, 31), left_on=D(2026, 6, 15))
    for day in (D(2026, 2, 10), D(2026, 4, 14), D(2026, 6, 9)):
        MeetingFactory(board=board, held_on=day)
    ReportBackFactory(term=term, meeting=board.meetings.get(held_on=D(2026, 2, 10)))
    ReportBackFactory(term=gone, meeting=board.meetings.get(held_on=D(2026, 2, 10)))
    ReportBackFactory(term=term, meeting=board.meetings.get(held_on=D(2026, 6, 9)))
    return term


def test_a_published_report_freezes_the_representation_figures(compact, officer, seats):
    report = published_report(compact, officer)
    section = report.snapshot["figures"]["representation"]
    total = section["total"]
    assert total["seats"] == {"current": 3, "previous": 2}
    assert total["filled"] == {"current": 1, "previous": 2}
    assert total["vacant"] == {"current": 2, "previous": 0}
    assert total["meetings"] == {"current": 2, "previous": 1}
    assert total["meetings_reported"] == {"current": 1, "previous": 1}
    assert total["share_reported"] == {"current": 50, "previous": 100}
    assert total["report_backs"] == {"current": 1, "previous": 2}
    assert total["ending_soon"] == {"current": 1, "previous": 0}
    assert section["ending_soon"] == [
        {
            "board": "Health and Wellbeing Board",
            "seat": 1,
            "organisation": seats.organisation.name,
            "network": seats.nominated_by.name,
            "ends_on": "2026-08-25",
        }
    ]
    # Later changes never change what the board saw.
    representation_services.end_term(by=officer, term=seats, left_on=D(2026, 6, 1))
    report.refresh_from_db()
    assert report.snapshot["figures"]["representation"] == section


def test_the_lsp_member_reads_the_section_without_any_names(compact, officer, seats, lsp_client):
    report = published_report(compact, officer)
    text = lsp_client.get(reverse("reports:report_detail", args=[report.pk])).content.decode()
    assert 'id="representation-heading">Representation</h2>' in text
    assert "Meetings reported back on (%)" in text
    assert "Health and Wellbeing Board, seat 1" in text and "ends 25 August 2026" in text
    assert "Priya Secret" not in text


def test_the_csv_has_the_representation_rows(compact, officer, seats, lsp_client):
    report = published_report(compact, officer)
    response = lsp_client.get(reverse("reports:report_csv", args=[report.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["Representation", "Meetings reported back on (%)", "", "50", "100"] in rows
    assert ["Representation", "Health and Wellbeing Board: seats vacant at the end of the period", "", "2", "0"] in rows


def test_the_pdf_has_the_section(compact, officer, seats, lsp_client):
    report = published_report(compact, officer)
    response = lsp_client.get(reverse("reports:report_pdf", args=[report.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_a_report_published_before_representation_was_recorded_still_shows(compact, officer, lsp_client):
    report = published_report(compact, officer)
    del report.snapshot["figures"]["representation"]
    report.save()
    text = lsp_client.get(reverse("reports:report_detail", args=[report.pk])).content.decode()
    assert "representation-heading" not in text
