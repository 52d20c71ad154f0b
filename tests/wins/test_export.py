"""The CSV export of the library, for officers: the filtered list, safe to open in a spreadsheet."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from tests import factories
from wins.export import safe_cell

from .factories import WinFactory, draft, factor

pytestmark = pytest.mark.django_db
URL = reverse("wins:export")


def rows(response):
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")  # so spreadsheet programs read it as UTF-8
    return list(csv.reader(io.StringIO(content.lstrip("\ufeff"))))


def test_the_csv_has_a_header_and_a_row_for_each_published_win(compact, officer_client):
    food_bank = factories.OrganisationFactory(name="Riverside Food Bank")
    council = factories.OrganisationFactory(name="Northbrook Council")
    win = WinFactory(
        compact=compact, title="Food bank referrals – one route", happened_on=datetime.date(2026, 2, 3),
        factors=[factor(2), factor(1)], organisations=[food_bank, council], is_quick_win=True, people_reached=340,
        difference_made="Referrals arrive the same day.",
    )
    draft(compact=compact, title="Not yet")

    response = officer_client.get(URL)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="compact-wins-')
    header, *body = rows(response)
    assert header == ["Title", "Happened on", "Factors", "Organisations involved", "Quick win", "People reached",
                      "Difference made", "Link to the win"]
    assert body == [[
        "Food bank referrals – one route", "2026-02-03", "1. Outcomes focus; 2. Establish the right structures",
        "Northbrook Council; Riverside Food Bank", "Yes", "340", "Referrals arrive the same day.",
        f"https://compact.example.org/wins/{win.pk}/",
    ]]


def test_the_csv_follows_the_librarys_filters(compact, officer_client):
    WinFactory(compact=compact, title="Quick one", is_quick_win=True)
    WinFactory(compact=compact, title="Slow one")

    _, *body = rows(officer_client.get(URL, {"quick": "on"}))

    assert [row[0] for row in body] == ["Quick one"]


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd"])
def test_cells_that_a_spreadsheet_would_run_as_formulas_are_made_text(text):
    assert safe_cell(text) == "'" + text


def test_ordinary_text_is_left_alone():
    assert safe_cell("Fair = success") == "Fair = success"
    assert safe_cell(None) == ""


def test_formula_injection_is_defused_in_the_download(compact, officer_client):
    WinFactory(compact=compact, title="=cmd|' /C calc'!A0", difference_made="@SUM(1+1)")

    _, row = rows(officer_client.get(URL))

    assert row[0] == "'=cmd|' /C calc'!A0"
    assert row[6] == "'@SUM(1+1)"


@pytest.mark.parametrize("client_name", ["champion_client", "lsp_client"])
def test_only_officers_export(client_name, compact, request):
    assert request.getfixturevalue(client_name).get(URL).status_code == 403
