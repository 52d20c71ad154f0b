"""The CSV export of the library, for officers: the filtered list, safe to open in a spreadsheet."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from tests import factories
from wins.export import _Follower, safe_cell

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
        compact=compact,
        title="Food bank referrals – one route",
        happened_on=datetime.date(2026, 2, 3),
        factors=[factor(2), factor(1)],
        organisations=[food_bank, council],
        is_quick_win=True,
        people_reached=340,
        difference_made="Referrals arrive the same day.",
    )
    draft(compact=compact, title="Not yet")

    response = officer_client.get(URL)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="compact-wins-')
    header, *body = rows(response)
    assert header == [
        "Title",
        "Happened on",
        "Factors",
        "Organisations involved",
        "Quick win",
        "People reached",
        "Difference made",
        "Link to the win",
    ]
    assert body == [
        [
            "Food bank referrals – one route",
            "2026-02-03",
            "1. Outcomes focus; 2. Establish the right structures",
            "Northbrook Council; Riverside Food Bank",
            "Yes",
            "340",
            "Referrals arrive the same day.",
            f"https://compact.example.org/wins/{win.pk}/",
        ]
    ]


def test_the_csv_follows_the_librarys_filters(compact, officer_client):
    WinFactory(compact=compact, title="Quick one", is_quick_win=True)
    WinFactory(compact=compact, title="Slow one")

    _, *body = rows(officer_client.get(URL, {"quick": "on"}))

    assert [row[0] for row in body] == ["Quick one"]


@pytest.mark.parametrize("text", ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd"])
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


def test_every_win_gets_its_own_factors_and_organisations_in_a_long_export(compact, officer_client):
    """Wins on the same day, wins with none or several organisations: each row carries its own win's."""
    organisations = [factories.OrganisationFactory(name=f"Organisation {n}") for n in range(4)]
    expected = {}
    for n in range(30):
        involved = organisations[: n % 4]
        factors = [factor(1 + n % 7)] + ([factor(7)] if n % 3 == 0 and n % 7 != 6 else [])
        win = WinFactory(
            compact=compact,
            title=f"Win {n}",
            happened_on=datetime.date(2026, 1, 1 + n % 5),
            organisations=involved,
            factors=factors,
        )
        expected[win.title] = [
            "; ".join(f"{f.number}. {f.title}" for f in sorted(factors, key=lambda f: f.number)),
            "; ".join(o.name for o in involved),
            f"https://compact.example.org/wins/{win.pk}/",
        ]

    _, *body = rows(officer_client.get(URL))

    assert {row[0]: [row[2], row[3], row[7]] for row in body} == expected
    happened = [(row[1], int(row[7].rstrip("/").rsplit("/", 1)[1])) for row in body]
    assert happened == sorted(happened, reverse=True)  # newest first, as the library lists them


def test_a_win_missing_from_one_stream_is_skipped_not_misaligned():
    day = datetime.date(2026, 1, 1)
    follower = _Follower([(day, 9, "a"), (day, 8, "stray"), (day, 7, "b"), (day, 7, "c")])

    assert follower.labels_for((day, 9)) == ["a"]
    assert follower.labels_for((day, 7)) == ["b", "c"]
    assert follower.labels_for((day, 5)) == []
