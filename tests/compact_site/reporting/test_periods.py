"""Reporting periods: presets, the previous period, names and the next due date."""

import datetime

import pytest

from compact_site.reporting.periods import (
    last_financial_year,
    last_full_quarter,
    period_label,
    previous_period,
    shift_keeping_month_end,
)

D = datetime.date


@pytest.mark.parametrize(
    "today, quarter",
    [
        (D(2026, 11, 25), (D(2026, 7, 1), D(2026, 9, 30))),
        (D(2026, 1, 1), (D(2025, 10, 1), D(2025, 12, 31))),
        (D(2026, 3, 31), (D(2025, 10, 1), D(2025, 12, 31))),
        (D(2026, 4, 1), (D(2026, 1, 1), D(2026, 3, 31))),
    ],
)
def test_last_quarter_is_the_last_one_that_has_ended(today, quarter):
    assert last_full_quarter(today) == quarter


@pytest.mark.parametrize(
    "today, year",
    [
        (D(2026, 11, 25), (D(2025, 4, 1), D(2026, 3, 31))),
        (D(2026, 3, 31), (D(2024, 4, 1), D(2025, 3, 31))),
        (D(2026, 4, 1), (D(2025, 4, 1), D(2026, 3, 31))),
    ],
)
def test_last_year_is_the_last_financial_year_that_has_ended(today, year):
    assert last_financial_year(today) == year


@pytest.mark.parametrize(
    "start, end, previous",
    [
        (D(2026, 7, 1), D(2026, 9, 30), (D(2026, 4, 1), D(2026, 6, 30))),  # 92 days, compared with 91
        (D(2025, 4, 1), D(2026, 3, 31), (D(2024, 4, 1), D(2025, 3, 31))),
        (D(2026, 2, 1), D(2026, 2, 28), (D(2026, 1, 1), D(2026, 1, 31))),
        (D(2026, 5, 3), D(2026, 5, 17), (D(2026, 4, 18), D(2026, 5, 2))),  # any dates: the same number of days
        (D(2026, 5, 3), D(2026, 5, 3), (D(2026, 5, 2), D(2026, 5, 2))),
    ],
)
def test_the_previous_period_ends_the_day_before(start, end, previous):
    assert previous_period(start, end) == previous


@pytest.mark.parametrize(
    "start, end, label",
    [
        (D(2026, 7, 1), D(2026, 9, 30), "July to September 2026"),
        (D(2025, 4, 1), D(2026, 3, 31), "April 2025 to March 2026"),
        (D(2026, 5, 1), D(2026, 5, 31), "May 2026"),
        (D(2026, 5, 3), D(2026, 5, 17), "3 to 17 May 2026"),
        (D(2026, 4, 3), D(2026, 5, 17), "3 April to 17 May 2026"),
        (D(2025, 12, 3), D(2026, 5, 17), "3 December 2025 to 17 May 2026"),
        (D(2026, 5, 3), D(2026, 5, 3), "3 May 2026"),
    ],
)
def test_periods_are_named_as_people_say_them(start, end, label):
    assert period_label(start, end) == label


@pytest.mark.parametrize(
    "day, months, result",
    [
        (D(2026, 3, 31), 3, D(2026, 6, 30)),
        (D(2026, 6, 30), 3, D(2026, 9, 30)),
        (D(2025, 11, 30), 3, D(2026, 2, 28)),
        (D(2026, 1, 15), 12, D(2027, 1, 15)),
        (D(2026, 1, 1), -3, D(2025, 10, 1)),
        (D(2026, 2, 28), 3, D(2026, 5, 31)),  # a reporting period: the month's end stays the month's end
    ],
)
def test_adding_months_keeps_the_end_of_a_month_at_the_end(day, months, result):
    assert shift_keeping_month_end(day, months) == result
