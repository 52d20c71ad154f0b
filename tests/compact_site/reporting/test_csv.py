"""Each report's figures download as CSV: one row a figure, from the snapshot once published."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from commitments.selectors import NOT_MET_LISTED
from tests.commitments.builders import consultation, statutory_body

from .builders import build_everything, published_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(compact, officer, lsp_client):
    build_everything(compact)
    report = published_report(compact, officer)
    response = lsp_client.get(reverse("reports:report_csv", args=[report.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="anytown-compact-report-2026-04-01-to-2026-06-30.csv"'
    )
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def find(rows, section, measure, factor=""):
    matches = [row for row in rows if row[:3] == [section, measure, factor]]
    assert len(matches) == 1, (section, measure, factor, matches)
    return matches[0][3:]


def test_the_columns(rows):
    assert rows[0] == ["Section", "Measure", "Factor", "This period", "Previous period"]
    assert all(len(row) == 5 for row in rows)


def test_the_report_and_its_periods(rows):
    assert find(rows, "Report", "Compact") == ["Anytown Compact", ""]
    assert find(rows, "Report", "Period") == ["2026-04-01 to 2026-06-30", "2026-01-01 to 2026-03-31"]


def test_register_figures(rows):
    assert find(rows, "Signatories", "Active signatories at the end of the period") == ["4", "3"]
    assert find(rows, "Signatories", "Active signatories at the end of the period: Other") == ["0", "1"]
    assert find(rows, "Signatories", "Signed in the period") == ["2", "1"]
    assert find(rows, "Signatories", "Withdrew in the period") == ["1", "1"]
    assert find(rows, "Signatories", "Signatories without an active champion at the end of the period") == ["2", "1"]
    assert find(rows, "Champions", "Signatories with an active champion (%)") == ["50", "67"]
    assert find(rows, "Endorsements", "Endorsements in the period: Elected member") == ["1", "0"]


def test_factor_figures_compare_the_latest_round_with_the_one_before(rows):
    outcomes = "1. Outcomes focus"
    assert find(rows, "Seven factors", "Self-assessment round") == ["2026/27", "2025/26"]
    assert find(rows, "Seven factors", "Response rate (%)") == ["40", ""]
    assert find(rows, "Seven factors", "Partnership score (0 to 100)", outcomes) == ["33", "83"]
    assert find(rows, "Seven factors", "Change since the previous round (points)", outcomes) == ["-50", ""]
    gap = "Perception gap: statutory minus voluntary and community (points)"
    assert find(rows, "Seven factors", gap, outcomes) == ["67", ""]
    structures = "2. Establish the right structures"
    assert find(rows, "Seven factors", "Partnership score (0 to 100)", structures) == ["", "33"]


def test_wins_and_actions_by_factor(rows):
    assert find(rows, "Wins", "Wins published in the period") == ["2", "1"]
    assert find(rows, "Wins", "Wins published in the period", "3. Lead and champion the Compact") == ["2", "0"]
    overdue = [row for row in rows if row[0] == "Actions" and row[1].startswith("Overdue actions on ")]
    assert [row[3] for row in overdue] == ["0", "0", "1", "0", "0", "0", "0"]


def test_a_list_cut_short_says_how_many_it_leaves_out(compact, officer, lsp_client):
    body = statutory_body("Anytown Borough Council")
    for number in range(NOT_MET_LISTED + 2):  # four-week consultations: each misses the 12 weeks
        consultation(
            compact=compact,
            by=officer,
            body=body,
            title=f"Short {number}",
            opened_on=datetime.date(2026, 5, 4),
            weeks=4,
        )
    report = published_report(compact, officer)
    text = lsp_client.get(reverse("reports:report_csv", args=[report.pk])).content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert find(rows, "Commitments", "Not met: records listed") == [f"The newest {NOT_MET_LISTED} of 52", ""]
    listed = [row for row in rows if row[1] == "Not met: Consultations last 12 weeks"]
    assert len(listed) == NOT_MET_LISTED


def test_a_whole_list_says_nothing_about_cutting(rows):
    assert not [row for row in rows if row[1] == "Not met: records listed"]
