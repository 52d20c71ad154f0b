"""The lists of consultations and funding decisions, and the consultations closing soon, as the records grow: the
counts stay exact for each reader and follow every change, and a page costs the same queries with more records."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commitments import services
from commitments.models import Rule
from signatories.models import Sector
from tests import factories
from tests.conftest import client_for

from .builders import consultation, funding, signed_statutory_body

D = datetime.date


@pytest.fixture
def body(compact):
    return signed_statutory_body(compact)


@pytest.fixture
def voluntary_champion(db):
    return factories.champion_user(
        username="riverside", organisation=factories.OrganisationFactory(sector=Sector.VOLUNTARY)
    )


def short_funding(compact, by, body, n, **fields):
    """A funding decision for one year: it does not meet the multi-year commitment."""
    return funding(
        compact=compact,
        by=by,
        body=body,
        name=f"One-year grant {n}",
        ends_on=D(2027, 3, 31),
        decided_on=D(2026, 2, 1) + datetime.timedelta(days=n),
        **fields,
    )


def shown(client, url, **params):
    return " ".join(client.get(url, params).content.decode().split())


def test_the_not_met_list_counts_every_match_on_every_page_and_follows_each_change(
    compact, body, officer, officer_client
):
    for n in range(30):
        short_funding(compact, officer, body, n)
    funding(compact=compact, by=officer, body=body, name="Three-year grant")
    url = reverse("commitments:funding_list")

    first = shown(officer_client, url, result="not_met")
    assert "<strong>30</strong> funding decisions" in first
    assert "One-year grant 29" in first and "One-year grant 4" not in first  # newest first, 25 to a page
    second = shown(officer_client, url, result="not_met", page=2)
    assert "<strong>30</strong> funding decisions" in second
    assert "One-year grant 4" in second and "Three-year grant" not in second

    latest = short_funding(compact, officer, body, 30, rationale_published=False)
    assert "<strong>31</strong> funding decisions" in shown(officer_client, url, result="not_met")
    services.update_record(record=latest, by=officer, ends_on=D(2029, 3, 31), rationale_published=True)
    assert "<strong>30</strong> funding decisions" in shown(officer_client, url, result="not_met")
    assert "<strong>1</strong> funding decision" in shown(
        officer_client,
        url,
        result="met",
        commitment=latest.checks.get(commitment__rule=Rule.MULTI_YEAR).commitment_id,
        dated_from_0="2",
        dated_from_1="3",
        dated_from_2="2026",
    )


def test_each_reader_counts_the_records_they_may_see(
    compact, body, officer, officer_client, lsp_client, voluntary_champion
):
    short_funding(compact, officer, body, 1)
    short_funding(compact, officer, body, 2)
    short_funding(compact, voluntary_champion, body, 3)  # waits for an officer
    other_champion = factories.champion_user(
        username="hillside", organisation=factories.OrganisationFactory(sector=Sector.VOLUNTARY)
    )
    url = reverse("commitments:funding_list")

    assert "<strong>2</strong> funding decisions" in shown(lsp_client, url, result="not_met")
    assert "<strong>3</strong> funding decisions" in shown(client_for(voluntary_champion), url, result="not_met")
    assert "<strong>2</strong> funding decisions" in shown(client_for(other_champion), url, result="not_met")
    assert "<strong>3</strong> funding decisions" in shown(officer_client, url, result="not_met")
    assert "<strong>1</strong> funding decision" in shown(officer_client, url, result="not_met", status="reported")


def queries(client, url):
    client.get(url)  # counts the matches once after a change; the next visit finds them kept
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["consultation_list", "funding_list"])
def test_a_list_costs_the_same_queries_with_ten_times_the_records(
    compact, body, officer, officer_client, lsp_client, page
):
    def add(start, count):
        for n in range(start, start + count):
            consultation(compact=compact, by=officer, body=body, title=f"Consultation {n}", weeks=4 + n % 10)
            short_funding(compact, officer, body, n)

    url = reverse(f"commitments:{page}")
    add(0, 3)
    few = [queries(lsp_client, url), queries(officer_client, url + "?result=not_met")]
    add(3, 27)
    assert [queries(lsp_client, url), queries(officer_client, url + "?result=not_met")] == few


def test_the_commitments_page_lists_the_ten_consultations_closing_soonest_and_counts_them_all(
    compact, body, officer, lsp_client
):
    today = datetime.date.today()
    for n in range(12):
        consultation(
            compact=compact,
            by=officer,
            body=body,
            title=f"Closes in {n + 1} days",
            opened_on=today - datetime.timedelta(weeks=12) + datetime.timedelta(days=n + 1),
        )
    text = shown(lsp_client, reverse("commitments:overview"))
    assert "Closes in 1 days</a>" in text and "Closes in 10 days</a>" in text
    assert "Closes in 11 days</a>" not in text
    assert "The 10 closing soonest of 12 are shown." in text
