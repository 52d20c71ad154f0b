"""Building a report's figures takes the same number of queries however much data there is."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compact_site.reporting.content import build_content
from compact_site.reporting.figures import figures
from signatories.models import Sector
from success_factors.models import Level
from tests import factories
from tests.success_factors.builders import rate_everything, submitted_assessment
from tests.wins.factories import WinFactory, factor

from .builders import END, START, build_everything, draft_report, local, sign

pytestmark = pytest.mark.django_db


def add_more(compact, n):
    """``n`` more of everything: signatories with champions and endorsements, assessments, wins and actions."""
    for i in range(n):
        sector = [Sector.STATUTORY, Sector.VOLUNTARY, Sector.OTHER][i % 3]
        organisation = sign(compact, f"Extra {n} {i}", sector, START + datetime.timedelta(days=i % 80))
        factories.ChampionFactory(organisation=organisation, appointed_on=START)
        factories.EndorsementFactory(compact=compact, organisation=organisation, endorsed_on=START)
        for round_name in ("2025/26", "2026/27"):
            rate_everything(
                submitted_assessment(compact=compact, organisation=organisation, round_name=round_name),
                Level.DEVELOPING,
            )
        WinFactory(
            compact=compact,
            published_at=local(2026, 5, 1 + i % 28),
            factors=[factor(1 + i % 7), factor(2)],
            organisations=[organisation],
        )
        factories.ActionFactory(compact=compact, factor=factor(1 + i % 7))


def count_queries(function):
    with CaptureQueriesContext(connection) as context:
        function()
    return len(context.captured_queries)


def test_figures_take_a_fixed_number_of_queries(compact):
    build_everything(compact)
    small = count_queries(lambda: figures(compact, START, END))

    add_more(compact, 25)
    larger = count_queries(lambda: figures(compact, START, END))

    assert small == larger
    assert larger <= 25


def test_a_whole_report_takes_a_fixed_number_of_queries(compact, officer):
    build_everything(compact)
    report = draft_report(compact, officer)
    small = count_queries(lambda: build_content(report))

    add_more(compact, 25)
    report = draft_report(compact, officer)
    assert report.highlighted_wins.count() == 3
    larger = count_queries(lambda: build_content(report))

    assert small == larger
