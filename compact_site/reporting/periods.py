"""Reporting periods: quarters, financial years, the previous period of the same length, and their names."""

import calendar
import datetime

from django.utils import timezone

ONE_DAY = datetime.timedelta(days=1)


def is_whole_months(start, end):
    return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]


def previous_period(start, end):
    """The period of the same length that ends the day before ``start``.

    A period of whole months is compared with the same number of whole months before it (July to September
    with April to June, a financial year with the one before), so quarters of 91 and 92 days line up; any
    other period with the same number of days before it.
    """
    previous_end = start - ONE_DAY
    if is_whole_months(start, end):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        return shift_keeping_month_end(start, -months), previous_end
    return previous_end - (end - start), previous_end


def quarter_of(day):
    """The calendar quarter a date falls in, as (first day, last day). UK financial quarters are the same blocks."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = datetime.date(day.year, first_month, 1)
    return start, shift_keeping_month_end(start, 3) - ONE_DAY


def last_full_quarter(today):
    return quarter_of(quarter_of(today)[0] - ONE_DAY)


def last_financial_year(today):
    """The last financial year (1 April to 31 March) that has ended by ``today``."""
    end_year = today.year if today.month >= 4 else today.year - 1
    return datetime.date(end_year - 1, 4, 1), datetime.date(end_year, 3, 31)


def shift_keeping_month_end(day, months):
    """``day`` moved by a number of months, the last day of a month staying the last day: 31 March + 3 is
    30 June, 28 February + 3 is 31 May. Right for reporting periods of whole months; a notice period counts to the
    corresponding day instead (``commitments.checks.corresponding_day``)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return datetime.date(year, month, last)
    return datetime.date(year, month, min(day.day, last))


def _date(day):
    return f"{day.day} {day:%B %Y}"


def period_label(start, end):
    """How people say a period: "October to December 2025", "April 2025 to March 2026", "3 to 17 May 2026"."""
    if is_whole_months(start, end):
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%B %Y}"
        if start.year == end.year:
            return f"{start:%B} to {end:%B %Y}"
        return f"{start:%B %Y} to {end:%B %Y}"
    if start == end:
        return _date(start)
    if start.year == end.year:
        if start.month == end.month:
            return f"{start.day} to {_date(end)}"
        return f"{start.day} {start:%B} to {_date(end)}"
    return f"{_date(start)} to {_date(end)}"


def period_dates(start, end):
    """The exact dates, for footers and captions: "1 October 2025 to 31 December 2025"."""
    return f"{_date(start)} to {_date(end)}"


def start_of_day(day):
    """The first moment of a local date, as an aware datetime, for filtering timestamps by date."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def timestamp_range(start, end):
    """(from, before): timestamps on the local dates ``start`` to ``end`` inclusive are ``from <= t < before``."""
    return start_of_day(start), start_of_day(end + ONE_DAY)
