"""Each commitment's check on its own, at its boundaries. No database: the checks read the record's fields."""

import datetime
from types import SimpleNamespace

import pytest

from commitments import checks
from commitments.models import Result

D = datetime.date


def consultation(opened_on, closes_on, **fields):
    values = {
        "opened_on": opened_on,
        "closes_on": closes_on,
        "shorter_reason": "",
        "early_notice_on": None,
        "sector_involved": "",
        "feedback_published_on": None,
    }
    return SimpleNamespace(**(values | fields))


def funding(**fields):
    values = {
        "starts_on": D(2026, 4, 1),
        "ends_on": D(2029, 3, 31),
        "full_cost_recovery": None,
        "paid_in_advance": None,
        "rationale_published": None,
        "change": "",
        "notice_given_on": None,
        "change_takes_effect_on": None,
    }
    return SimpleNamespace(**(values | fields))


# Consultation length: 12 weeks from the day it opened
def test_a_consultation_of_exactly_12_weeks_meets_the_commitment():
    outcome = checks.consultation_length(consultation(D(2026, 1, 5), D(2026, 3, 30)), 12)
    assert outcome.result == Result.MET
    assert "12 weeks" in outcome.why


def test_a_consultation_of_11_weeks_6_days_does_not():
    outcome = checks.consultation_length(consultation(D(2026, 1, 5), D(2026, 3, 29)), 12)
    assert outcome.result == Result.NOT_MET
    assert "11 weeks and 6 days, shorter than 12 weeks" in outcome.why
    assert "No reason was given" in outcome.why


def test_a_short_consultation_says_a_reason_was_given_but_is_still_not_met():
    outcome = checks.consultation_length(
        consultation(D(2026, 1, 5), D(2026, 2, 2), shorter_reason="Statutory deadline"), 12
    )
    assert outcome.result == Result.NOT_MET
    assert "A reason was given" in outcome.why


def test_a_consultation_over_29_february_counts_the_leap_day():
    # 1 February 2028 + 12 weeks is 25 April 2028 because February 2028 has 29 days.
    assert checks.consultation_length(consultation(D(2028, 2, 1), D(2028, 4, 25)), 12).result == Result.MET
    assert checks.consultation_length(consultation(D(2028, 2, 1), D(2028, 4, 24)), 12).result == Result.NOT_MET


def test_a_consultation_opening_on_29_february():
    assert checks.consultation_length(consultation(D(2028, 2, 29), D(2028, 5, 23)), 12).result == Result.MET
    assert checks.consultation_length(consultation(D(2028, 2, 29), D(2028, 5, 22)), 12).result == Result.NOT_MET


def test_the_threshold_is_the_commitments_own_number():
    eight_weeks = consultation(D(2026, 1, 5), D(2026, 3, 2))
    assert checks.consultation_length(eight_weeks, 8).result == Result.MET
    assert checks.consultation_length(eight_weeks, 12).result == Result.NOT_MET


# Early notice, the sector's involvement and feedback (local commitments an area may add)
def test_early_notice_boundary_and_unknown():
    opened = D(2026, 3, 2)
    assert (
        checks.early_notice(consultation(opened, D(2026, 6, 1), early_notice_on=D(2026, 2, 2)), 4).result == Result.MET
    )
    assert (
        checks.early_notice(consultation(opened, D(2026, 6, 1), early_notice_on=D(2026, 2, 3)), 4).result
        == Result.NOT_MET
    )
    assert checks.early_notice(consultation(opened, D(2026, 6, 1)), 4).result == Result.UNKNOWN


def test_sector_involvement_yes_no_and_not_recorded():
    assert (
        checks.sector_involved(consultation(D(2026, 1, 5), D(2026, 4, 1), sector_involved="yes"), None).result
        == Result.MET
    )
    assert (
        checks.sector_involved(consultation(D(2026, 1, 5), D(2026, 4, 1), sector_involved="no"), None).result
        == Result.NOT_MET
    )
    assert checks.sector_involved(consultation(D(2026, 1, 5), D(2026, 4, 1)), None).result == Result.UNKNOWN


def test_feedback_within_the_weeks_after_closing():
    closes = D(2026, 3, 30)
    assert (
        checks.feedback(consultation(D(2026, 1, 5), closes, feedback_published_on=D(2026, 5, 25)), 8).result
        == Result.MET
    )
    assert (
        checks.feedback(consultation(D(2026, 1, 5), closes, feedback_published_on=D(2026, 5, 26)), 8).result
        == Result.NOT_MET
    )
    assert checks.feedback(consultation(D(2026, 1, 5), closes), 8).result == Result.UNKNOWN


# Funding
@pytest.mark.parametrize(
    "check,field",
    [
        (checks.rationale, "rationale_published"),
        (checks.full_cost_recovery, "full_cost_recovery"),
        (checks.payment_in_advance, "paid_in_advance"),
    ],
)
def test_yes_no_commitments(check, field):
    assert check(funding(**{field: True}), None).result == Result.MET
    assert check(funding(**{field: False}), None).result == Result.NOT_MET
    unknown = check(funding(**{field: None}), None)
    assert unknown.result == Result.UNKNOWN
    assert "not recorded" in unknown.why


def test_three_years_of_funding_ends_the_day_before_the_third_anniversary():
    assert checks.multi_year(funding(starts_on=D(2026, 4, 1), ends_on=D(2029, 3, 31)), 3).result == Result.MET
    short = checks.multi_year(funding(starts_on=D(2026, 4, 1), ends_on=D(2029, 3, 30)), 3)
    assert short.result == Result.NOT_MET
    assert "less than 3 years" in short.why


def test_one_year_grant_against_three_years_and_against_one():
    one_year = funding(starts_on=D(2026, 4, 1), ends_on=D(2027, 3, 31))
    assert checks.multi_year(one_year, 3).result == Result.NOT_MET
    assert checks.multi_year(one_year, 1).result == Result.MET


def test_multi_year_funding_from_29_february():
    # Three years from 29 February 2028 is 28 February 2031 (no 29th): it ends on the 27th at the earliest.
    assert checks.multi_year(funding(starts_on=D(2028, 2, 29), ends_on=D(2031, 2, 27)), 3).result == Result.MET
    assert checks.multi_year(funding(starts_on=D(2028, 2, 29), ends_on=D(2031, 2, 26)), 3).result == Result.NOT_MET


def test_multi_year_without_an_end_date_is_not_known_yet():
    assert checks.multi_year(funding(ends_on=None), 3).result == Result.UNKNOWN


def ending(notice_given_on, takes_effect_on):
    return funding(change="ended", notice_given_on=notice_given_on, change_takes_effect_on=takes_effect_on)


def test_notice_applies_only_to_funding_ended_or_cut():
    assert checks.notice(funding(), 3) is None
    assert checks.notice(funding(change="reduced"), 3).result == Result.UNKNOWN


def test_exactly_three_months_notice_is_enough_and_a_day_less_is_not():
    assert checks.notice(ending(D(2026, 1, 15), D(2026, 4, 15)), 3).result == Result.MET
    short = checks.notice(ending(D(2026, 1, 15), D(2026, 4, 14)), 3)
    assert short.result == Result.NOT_MET
    assert "less than 3 months" in short.why


def test_notice_ending_on_29_february():
    # 30 November 2027 + 3 months is 29 February 2028 (a leap year), the last day of the month.
    assert checks.notice(ending(D(2027, 11, 30), D(2028, 2, 29)), 3).result == Result.MET
    assert checks.notice(ending(D(2027, 11, 30), D(2028, 2, 28)), 3).result == Result.NOT_MET


def test_notice_given_on_29_february():
    assert checks.notice(ending(D(2028, 2, 29), D(2028, 5, 29)), 3).result == Result.MET
    assert checks.notice(ending(D(2028, 2, 29), D(2028, 5, 28)), 3).result == Result.NOT_MET


def test_three_weeks_notice_says_so():
    outcome = checks.notice(ending(D(2026, 3, 2), D(2026, 3, 23)), 3)
    assert outcome.result == Result.NOT_MET
    assert "only 3 weeks of notice" in outcome.why


@pytest.mark.parametrize(
    "day,months,expected",
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2026, 5, 15), -12, D(2025, 5, 15)),
        (D(2026, 12, 1), 1, D(2027, 1, 1)),
        (D(2026, 2, 28), 3, D(2026, 5, 28)),  # a notice period: the corresponding day, not the month's end
    ],
)
def test_corresponding_day_is_the_same_day_or_the_end_of_a_shorter_month(day, months, expected):
    assert checks.corresponding_day(day, months) == expected
