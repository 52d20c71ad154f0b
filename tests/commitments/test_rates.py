"""The commitments' rates over periods (``commitments.selectors.commitment_results``): each commitment's and each
statutory body's results count exactly the verified checks dated in the period, its first and last days included,
whatever the period's edges within their months, and follow every change to the checks."""

import datetime
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commitments import selectors, services
from commitments.models import Check, Consultation, Result, Rule
from signatories.models import Sector
from tests import factories

from .builders import consultation, funding, statutory_body

D = datetime.date


@pytest.fixture
def voluntary_champion(db):
    return factories.champion_user(
        username="vcs-champion", organisation=factories.OrganisationFactory(sector=Sector.VOLUNTARY)
    )


def brute_force(compact, periods):
    """Each commitment's and each body's results in each period, counting every verified check."""
    by_commitment, by_body = Counter(), Counter()
    for check in Check.objects.filter(compact=compact, verified=True):
        for period, (start, end) in periods.items():
            if start <= check.dated_on <= end:
                by_commitment[(check.commitment_id, check.result, period)] += 1
                by_body[(check.body_id, check.result, period)] += 1
    return by_commitment, by_body


def from_results(results):
    by_commitment, by_body = Counter(), Counter()
    for rows, counter in ((results["commitments"], by_commitment), (results["bodies"], by_body)):
        for row in rows:
            for period in ("current", "previous"):
                for result in Result.values:
                    if row[period][result]:
                        counter[(row["id"], result, period)] += row[period][result]
    return by_commitment, by_body


def results_match_counting_every_check(compact, periods):
    return from_results(selectors.commitment_results(compact=compact, periods=periods)) == brute_force(compact, periods)


def total(compact, periods, period="current"):
    return selectors.commitment_results(compact=compact, periods=periods)["total"][period]


def test_the_rates_follow_every_change_to_the_checks(compact, officer, voluntary_champion):
    periods = {"current": (D(2026, 2, 1), D(2026, 4, 30)), "previous": (D(2025, 11, 1), D(2026, 1, 31))}
    police = statutory_body("Anytown Police")
    short = consultation(
        compact=compact, by=officer, opened_on=D(2026, 1, 31), weeks=6, shorter_reason="A statutory deadline"
    )
    funding(
        compact=compact,
        by=officer,
        body=police,
        decided_on=D(2026, 2, 1),
        change="ended",
        notice_given_on=D(2026, 3, 2),
        change_takes_effect_on=D(2026, 3, 23),
    )
    reported = consultation(compact=compact, by=voluntary_champion, opened_on=D(2026, 1, 12))
    assert results_match_counting_every_check(compact, periods)
    # the champion's report waits for an officer: not counted yet
    assert total(compact, periods, "previous")["checked"] == 1

    services.verify(record=reported, by=officer)
    assert total(compact, periods, "previous")["checked"] == 1 + reported.checks.count()
    services.update_record(
        record=short, by=officer, opened_on=D(2026, 2, 2), closes_on=D(2026, 3, 16)
    )  # into the next month, and the current period
    services.accept_explanation(check=short.checks.get(), by=officer, note="A legal deadline")
    assert results_match_counting_every_check(compact, periods)
    length = short.checks.get().commitment_id
    results = selectors.commitment_results(compact=compact, periods=periods)
    row = next(row for row in results["commitments"] if row["id"] == length)
    assert (row["current"][Result.EXPLAINED], row["previous"][Result.EXPLAINED]) == (1, 0)

    Consultation.objects.filter(pk=reported.pk).delete()
    Check.objects.filter(commitment__rule=Rule.NOTICE).update(verified=False)  # a bulk write, round the models
    assert results_match_counting_every_check(compact, periods)
    assert total(compact, periods, "previous")["checked"] == 0


@pytest.fixture
def records_across_months(compact, officer):
    police = statutory_body("Anytown Police")
    for day in (
        D(2025, 1, 31),
        D(2025, 2, 1),
        D(2025, 2, 27),
        D(2025, 6, 14),
        D(2025, 12, 1),
        D(2025, 12, 2),
        D(2025, 12, 31),
        D(2026, 1, 15),
        D(2026, 3, 31),
        D(2026, 11, 30),
        D(2026, 12, 1),
        D(2026, 12, 2),
    ):
        consultation(compact=compact, by=officer, opened_on=day, weeks=12 if day.day % 2 else 8)
        funding(
            compact=compact,
            by=officer,
            body=police,
            decided_on=day,
            starts_on=day,
            ends_on=day + datetime.timedelta(days=400),
            paid_in_advance=None if day.month > 6 else False,
        )


@pytest.mark.parametrize(
    "current,previous",
    [
        (
            (D(2025, 12, 2), D(2026, 12, 1)),
            (D(2024, 12, 2), D(2025, 12, 1)),
        ),  # the 12 months to a day: days either side
        ((D(2025, 4, 1), D(2026, 3, 31)), (D(2024, 4, 1), D(2025, 3, 31))),  # financial years: whole months only
        ((D(2026, 1, 10), D(2026, 1, 20)), (D(2025, 12, 30), D(2026, 1, 9))),  # no whole month at all
        ((D(2025, 12, 2), D(2025, 12, 30)), (D(2025, 11, 3), D(2025, 12, 1))),  # most of a month, less two days
        ((D(2025, 1, 20), D(2025, 2, 26)), (D(2024, 12, 13), D(2025, 1, 19))),
        ((D(2025, 2, 1), D(2026, 11, 30)), (D(2023, 4, 1), D(2025, 1, 31))),
    ],
)
def test_results_are_those_of_counting_every_check(compact, records_across_months, current, previous):
    periods = {"current": current, "previous": previous}
    results = selectors.commitment_results(compact=compact, periods=periods)
    assert from_results(results) == brute_force(compact, periods)
    every = sum(n for (_, _, period), n in brute_force(compact, periods)[0].items() if period == "current")
    assert results["total"]["current"]["checked"] == every


def test_a_check_on_the_first_or_last_day_of_a_period_counts_in_it_and_not_in_the_next(compact, officer):
    for day in (D(2025, 12, 31), D(2026, 1, 1), D(2026, 3, 31), D(2026, 4, 1)):
        consultation(compact=compact, by=officer, opened_on=day)
    first_quarter = {"current": (D(2026, 1, 1), D(2026, 3, 31)), "previous": (D(2025, 10, 1), D(2025, 12, 31))}
    one_record = total(compact, first_quarter, "previous")["checked"]  # 31 December's alone
    assert one_record > 0
    assert total(compact, first_quarter)["checked"] == 2 * one_record
    second_quarter = {"current": (D(2026, 4, 1), D(2026, 6, 30)), "previous": first_quarter["current"]}
    assert total(compact, second_quarter)["checked"] == one_record
    assert results_match_counting_every_check(compact, first_quarter)

    def one_day(day):
        periods = {"current": (day, day), "previous": (day - datetime.timedelta(days=1),) * 2}
        return total(compact, periods)["checked"], total(compact, periods, "previous")["checked"]

    assert one_day(D(2025, 12, 31)) == (one_record, 0)
    assert one_day(D(2026, 1, 1)) == (one_record, one_record)
    assert one_day(D(2026, 1, 2)) == (0, one_record)


def test_checks_between_two_periods_that_are_not_side_by_side_count_in_neither(compact, officer):
    consultation(compact=compact, by=officer, body=statutory_body("Anytown Police"), opened_on=D(2026, 2, 2))
    periods = {"current": (D(2026, 3, 1), D(2026, 3, 31)), "previous": (D(2026, 1, 1), D(2026, 1, 31))}
    results = selectors.commitment_results(compact=compact, periods=periods)
    assert results["bodies"] == []
    assert results["total"]["current"]["checked"] == results["total"]["previous"]["checked"] == 0


def test_results_cost_three_queries_whatever_the_period(compact, records_across_months):
    for current, previous in [
        ((D(2025, 12, 2), D(2026, 12, 1)), (D(2024, 12, 2), D(2025, 12, 1))),
        ((D(2025, 4, 1), D(2026, 3, 31)), (D(2024, 4, 1), D(2025, 3, 31))),
        ((D(2026, 1, 10), D(2026, 1, 20)), (D(2025, 12, 30), D(2026, 1, 9))),
    ]:
        with CaptureQueriesContext(connection) as queries:
            selectors.commitment_results(compact=compact, periods={"current": current, "previous": previous})
        assert len(queries.captured_queries) == 3


def test_a_body_whose_checks_all_went_is_no_longer_listed(compact, officer):
    record = consultation(compact=compact, by=officer, body=statutory_body("Anytown Police"), opened_on=D(2026, 2, 2))
    periods = {"current": (D(2026, 1, 1), D(2026, 3, 31)), "previous": (D(2025, 10, 1), D(2025, 12, 31))}
    assert [row["name"] for row in selectors.commitment_results(compact=compact, periods=periods)["bodies"]] == [
        "Anytown Police"
    ]
    record.delete()
    assert selectors.commitment_results(compact=compact, periods=periods)["bodies"] == []


def test_a_period_ending_on_the_calendars_last_day(compact, officer):
    periods = {"current": (D(9999, 12, 2), D(9999, 12, 31)), "previous": (D(9999, 11, 2), D(9999, 12, 1))}
    assert selectors.commitment_results(compact=compact, periods=periods)["total"]["current"]["checked"] == 0
