"""The open data: the register and the partnership scores as CSV and JSON, under the Open Government Licence."""

import csv
import io

import pytest
from django.utils import timezone

from compact_site.public import services
from compact_site.public.selectors import REGISTER_COLUMNS, SCORE_COLUMNS, scores_by_round
from signatories.models import Sector
from success_factors.models import Level
from success_factors.selectors import partnership_results
from tests import factories
from tests.compact_site.public.builders import build_world
from tests.success_factors.builders import submitted_assessment

OGL = "Open Government Licence v3.0"


@pytest.fixture
def world(compact):
    return build_world(compact)


def rows_of(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_register_csv_has_the_documented_columns_and_every_signature(world, client):
    response = client.get("/open-data/register.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="register-of-signatories-{today}.csv"'
    assert 'rel="license"' in response["Link"] and "open-government-licence/version/3" in response["Link"]
    assert response.content.decode().splitlines()[0] == ",".join(REGISTER_COLUMNS)
    rows = {row["organisation"]: row for row in rows_of(response)}
    assert rows["Riverside Food Bank"] == {
        "organisation": "Riverside Food Bank",
        "sector": "voluntary",
        "sector_name": "Voluntary and community",
        "signed_on": "2022-04-01",
        "status": "signed",
        "withdrawn_on": "",
    }
    assert rows["Old Mill Trust"]["status"] == "withdrawn"
    assert rows["Old Mill Trust"]["withdrawn_on"] == "2023-02-01"


def test_register_json_carries_the_licence_and_the_date_of_the_data(world, client):
    data = client.get("/open-data/register.json").json()
    assert data["licence"] == OGL
    assert data["licence_url"] == "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    assert data["data_date"] == timezone.localdate().isoformat()
    assert data["columns"] == list(REGISTER_COLUMNS)
    assert {row["organisation"] for row in data["rows"]} == {"Riverside Food Bank", "Old Mill Trust"}
    assert all(list(row) == list(REGISTER_COLUMNS) for row in data["rows"])


def test_open_data_page_documents_every_column_and_the_licence(world, client):
    text = client.get("/open-data/").content.decode()
    assert f'rel="license">{OGL}</a>' in text
    for column in REGISTER_COLUMNS + SCORE_COLUMNS:
        assert f"<code>{column}</code>" in text


def test_scores_are_open_data_only_while_officers_publish_them(world, client):
    assert client.get("/open-data/partnership-scores.csv").status_code == 200
    services.update_site_settings(by=world.officer, is_on=True, publish_scores=False)
    assert client.get("/open-data/partnership-scores.csv").status_code == 404
    assert client.get("/open-data/partnership-scores.json").status_code == 404
    assert "The partnership scores are not published at the moment." in client.get("/open-data/").content.decode()


def test_scores_by_round_agree_with_the_results_page(compact, officer):
    statutory = factories.OrganisationFactory(sector=Sector.STATUTORY)
    voluntary = factories.OrganisationFactory(sector=Sector.VOLUNTARY)
    for organisation in (statutory, voluntary):
        factories.SignatureFactory(compact=compact, organisation=organisation)
    submitted_assessment(
        compact=compact, organisation=statutory, round_name="2025/26", levels={1: Level.EMBEDDED, 2: Level.DEVELOPING}
    )
    submitted_assessment(
        compact=compact, organisation=voluntary, round_name="2025/26", levels={1: Level.DEVELOPING, 2: Level.DONT_KNOW}
    )
    submitted_assessment(compact=compact, organisation=voluntary, round_name="2024/25", levels={1: Level.NOT_IN_PLACE})

    rows = scores_by_round(compact=compact)

    assert [row["round"] for row in rows] == ["2024/25"] * 7 + ["2025/26"] * 7
    latest = {row["factor_number"]: row for row in rows if row["round"] == "2025/26"}
    results = {result.factor.number: result for result in partnership_results(compact=compact).factors}
    for number in range(1, 8):
        expected = results[number].score
        assert latest[number]["score"] == (None if expected is None else round(expected, 1))
    assert latest[1]["score"] == 66.7  # (100 + 33.3) / 2
    assert latest[2] == {
        "round": "2025/26",
        "factor_number": 2,
        "factor_title": "Establish the right structures",
        "score": 33.3,
        "organisations_scored": 1,
        "organisations_responded": 2,
    }
    assert latest[3]["score"] is None


def test_scores_csv_leaves_a_factor_nobody_scored_empty(world, client):
    rows = rows_of(client.get("/open-data/partnership-scores.csv"))
    by_factor = {row["factor_number"]: row for row in rows}
    assert by_factor["1"]["score"] == "66.7"  # one organisation, "Established"
    assert by_factor["2"]["score"] == ""
    assert client.get("/open-data/partnership-scores.csv").content.decode().splitlines()[0] == ",".join(SCORE_COLUMNS)
