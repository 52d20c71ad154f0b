"""A page's SQL query count does not grow with the data: the same with a little and with ten times more.

Never wall-clock times (those are ``make bench``'s job); only the number of queries, so an N+1 or a
per-row aggregate fails here first.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from compact_site.reporting import services as reporting
from signatories.models import Sector
from tests import factories
from tests.conftest import client_for
from tests.success_factors.builders import rate_everything, signed_organisation, submitted_assessment
from tests.wins.factories import WinFactory, factor

SMALL = 2
TEN_TIMES = 10 * SMALL
MOST_QUERIES = 20  # the ceiling for every page, whatever the data
WRITES = ("INSERT", "UPDATE", "DELETE")  # none on a normal GET (the signed-in floor: tests/compact_site/accounts)


class Area:
    """A compact whose data grows in units: each unit adds signatories, champions, wins, assessments and more."""

    def __init__(self, *, compact, officer, champion, lsp_member):
        self.compact = compact
        self.officer = officer
        self.users = {"officer": officer, "champion": champion, "lsp": lsp_member}
        self.home = champion.champion_records.get().organisation
        factories.SignatureFactory(compact=compact, organisation=self.home)
        self.units = 0

    def grow_to(self, units):
        while self.units < units:
            self.add_unit(self.units)
            self.units += 1

    def add_unit(self, n):
        sector = Sector.STATUTORY if n % 3 == 0 else Sector.VOLUNTARY
        organisation = signed_organisation(self.compact, sector=sector)
        factories.ChampionFactory(organisation=organisation)
        factories.ChampionFactory(organisation=self.home)
        for number in (1 + n % 7, 1 + (n + 3) % 7):
            WinFactory(compact=self.compact, factors=[factor(number), factor(3)],
                       organisations=[organisation, self.home], organisation=organisation,
                       happened_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
        WinFactory(compact=self.compact, status="submitted", organisations=[self.home])
        for round_name in ("2025/26", "2026/27"):
            assessment = submitted_assessment(compact=self.compact, organisation=organisation, round_name=round_name)
            rate_everything(assessment, 1 + n % 4)
        factories.ActionFactory(compact=self.compact, factor=factor(3), owner_organisation=organisation,
                                due_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=30 * n))
        self.add_report(n)

    def add_report(self, n):
        today = timezone.localdate()
        end = today.replace(day=1) - datetime.timedelta(days=1 + 92 * n)
        report = reporting.create_report(compact=self.compact, start=end.replace(day=1), end=end, by=self.officer)
        if n % 2 == 0:
            reporting.update_report(report=report, by=self.officer, title=report.title, summary="A good period.",
                                    highlighted_wins=report.highlighted_wins.all())
            reporting.publish_report(report=report, by=self.officer)

    def latest_report(self, status):
        return self.compact.reports.filter(status=status).order_by("-period_end").first()

    def queries(self, who, url):
        client = client_for(self.users[who])
        client.get(url)  # the first visit may fill per-process caches; count the second
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        assert response.status_code == 200, url
        written = [q["sql"] for q in captured.captured_queries if q["sql"].upper().startswith(WRITES)]
        assert written == [], f"a GET of {url} wrote: {written}"
        return len(captured)


@pytest.fixture
def area(compact, officer, champion, lsp_member):
    return Area(compact=compact, officer=officer, champion=champion, lsp_member=lsp_member)


PAGES = [
    ("officer", "dashboard", lambda area: reverse("dashboard")),
    ("champion", "dashboard", lambda area: reverse("dashboard")),
    ("lsp", "dashboard", lambda area: reverse("dashboard")),
    ("officer", "organisation list", lambda area: reverse("signatories:organisation_list")),
    ("officer", "organisation detail", lambda area: reverse("signatories:organisation_detail", args=[area.home.pk])),
    ("lsp", "partnership results", lambda area: reverse("success_factors:partnership")),
    ("lsp", "factor page", lambda area: reverse("success_factors:factor_detail", args=[3])),
    ("champion", "wins library", lambda area: reverse("wins:library")),
    ("champion", "wins library search", lambda area: reverse("wins:library") + "?q=shared+approach"),
    ("lsp", "report list", lambda area: reverse("reports:report_list")),
    ("officer", "report list", lambda area: reverse("reports:report_list")),
    ("officer", "draft report", lambda area: area.latest_report("draft").get_absolute_url()),
    ("lsp", "published report", lambda area: area.latest_report("published").get_absolute_url()),
    ("officer", "draft report PDF", lambda area: reverse("reports:report_pdf", args=[area.latest_report("draft").pk])),
    ("officer", "wins CSV export", lambda area: reverse("wins:export")),
]


@pytest.mark.parametrize(("who", "page", "url"), PAGES, ids=[f"{page} ({who})" for who, page, _ in PAGES])
def test_query_count_does_not_grow_with_ten_times_the_data(area, who, page, url):
    area.grow_to(SMALL)
    small = area.queries(who, url(area))

    area.grow_to(TEN_TIMES)
    large = area.queries(who, url(area))

    assert large == small, f"{page} as {who}: {small} queries with {SMALL} units of data, {large} with {TEN_TIMES}"
    assert large <= MOST_QUERIES


def test_the_larger_data_set_really_is_ten_times_larger(area):
    from wins.models import Win

    area.grow_to(SMALL)
    small = Win.objects.count()
    area.grow_to(TEN_TIMES)

    assert Win.objects.count() == 10 * small
