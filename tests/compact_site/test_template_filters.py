"""Dates and times written the GOV.UK way."""

import datetime
import zoneinfo

import pytest

from compact_site.templatetags.compact import govuk_date, govuk_time

LONDON = zoneinfo.ZoneInfo("Europe/London")


def test_a_date_has_no_leading_zero():
    assert govuk_date(datetime.date(2026, 1, 5)) == "5 January 2026"
    assert govuk_date(None) == ""


@pytest.mark.parametrize(
    ("hour", "minute", "written"),
    [
        (9, 0, "9am"),
        (15, 42, "3:42pm"),
        (12, 0, "midday"),
        (0, 0, "midnight"),
        (12, 30, "12:30pm"),
        (0, 5, "12:05am"),
    ],
)
def test_a_time_is_written_as_govuk_style_asks(hour, minute, written):
    assert govuk_time(datetime.datetime(2026, 7, 1, hour, minute, tzinfo=LONDON)) == written


def test_a_time_is_shown_in_local_time(settings):
    settings.TIME_ZONE = "Europe/London"
    summer_utc = datetime.datetime(2026, 7, 1, 14, 42, tzinfo=datetime.UTC)

    assert govuk_time(summer_utc) == "3:42pm"  # British Summer Time
