"""The check of a record against each commitment: one small function per rule.

Each function takes the record and the commitment's threshold and returns an ``Outcome``: met, not met,
or not known yet (a field it needs is missing), with the reason in a sentence. ``None`` means the
commitment does not apply to this record (the notice rule, for funding that is neither ended nor cut).
"Explained" is never worked out here: it is an officer accepting a stated reason for a record that did
not meet a commitment (``commitments.services.accept_explanation``).

Dates, so the results can be checked by hand:
- a consultation lasts N weeks when it closes on or after the day N weeks after it opened
  (opened Monday 5 January 2026, 12 weeks is Monday 30 March 2026);
- notice of N months is given when the change takes effect on or after the same day N months after the
  notice (30 November → 29 February in a leap year, the last day of a shorter month);
- funding lasts N years when it ends no earlier than the day before the same date N years on
  (1 April 2026 to 31 March 2029 is three years).
"""

import calendar
import datetime
from dataclasses import dataclass

from .models import Result, Rule


@dataclass(frozen=True)
class Outcome:
    result: str
    why: str


def corresponding_day(day, months):
    """The same day of the month ``months`` later (earlier when negative), or the last day of that month when it
    is shorter: 28 February + 3 months is 28 May, 30 November + 3 is 28 (or 29) February. Right for a notice
    period or a length of funding; a reporting period keeps month ends instead
    (``compact_site.reporting.periods.shift_keeping_month_end``)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _d(day):
    return f"{day.day} {day:%B %Y}"


def _weeks_and_days(days):
    weeks, rest = divmod(days, 7)
    parts = [f"{weeks} week{'s' if weeks != 1 else ''}"] if weeks else []
    if rest or not weeks:
        parts.append(f"{rest} day{'s' if rest != 1 else ''}")
    return " and ".join(parts)


def _plural(n, unit):
    return f"{n} {unit if n != 1 else unit[:-1]}"


def consultation_length(consultation, weeks):
    length = (consultation.closes_on - consultation.opened_on).days
    lasted = f"Open from {_d(consultation.opened_on)} to {_d(consultation.closes_on)}: {_weeks_and_days(length)}"
    if consultation.closes_on >= consultation.opened_on + datetime.timedelta(weeks=weeks):
        return Outcome(Result.MET, f"{lasted}.")
    reason = " A reason was given." if consultation.shorter_reason else " No reason was given."
    return Outcome(Result.NOT_MET, f"{lasted}, shorter than {_plural(weeks, 'weeks')}.{reason}")


def early_notice(consultation, weeks):
    if consultation.early_notice_on is None:
        return Outcome(Result.UNKNOWN, "No date of early notice is recorded.")
    ahead = (consultation.opened_on - consultation.early_notice_on).days
    said = f"Notice given on {_d(consultation.early_notice_on)}, {_weeks_and_days(max(ahead, 0))} before it opened"
    if consultation.early_notice_on <= consultation.opened_on - datetime.timedelta(weeks=weeks):
        return Outcome(Result.MET, f"{said}.")
    return Outcome(Result.NOT_MET, f"{said}: less than {_plural(weeks, 'weeks')}.")


def sector_involved(consultation, _threshold):
    if consultation.sector_involved == "yes":
        return Outcome(Result.MET, "The sector was involved in designing it.")
    if consultation.sector_involved == "no":
        return Outcome(Result.NOT_MET, "The sector was not involved in designing it.")
    return Outcome(Result.UNKNOWN, "Whether the sector was involved in designing it is not recorded.")


def feedback(consultation, weeks):
    due = consultation.closes_on + datetime.timedelta(weeks=weeks)
    published = consultation.feedback_published_on
    if published is None:
        return Outcome(Result.UNKNOWN, f"No feedback is recorded yet; it is due by {_d(due)}.")
    if published <= due:
        return Outcome(
            Result.MET, f"Feedback published on {_d(published)}, within {_plural(weeks, 'weeks')} of closing."
        )
    return Outcome(Result.NOT_MET, f"Feedback published on {_d(published)}, after {_d(due)}.")


def rationale(decision, _threshold):
    if decision.rationale_published is None:
        return Outcome(Result.UNKNOWN, "Whether the rationale was published is not recorded.")
    if decision.rationale_published:
        return Outcome(Result.MET, "The rationale for the decision was published.")
    return Outcome(Result.NOT_MET, "The rationale for the decision was not published.")


def multi_year(decision, years):
    if decision.ends_on is None:
        return Outcome(Result.UNKNOWN, "No end date is recorded.")
    lasts = f"Funded from {_d(decision.starts_on)} to {_d(decision.ends_on)}"
    if decision.ends_on >= corresponding_day(decision.starts_on, 12 * years) - datetime.timedelta(days=1):
        return Outcome(Result.MET, f"{lasts}.")
    return Outcome(Result.NOT_MET, f"{lasts}: less than {_plural(years, 'years')}.")


def _yes_no(value, yes, no, unknown):
    if value is None:
        return Outcome(Result.UNKNOWN, unknown)
    return Outcome(Result.MET, yes) if value else Outcome(Result.NOT_MET, no)


def full_cost_recovery(decision, _threshold):
    return _yes_no(
        decision.full_cost_recovery,
        "Full cost recovery was accepted.",
        "Full cost recovery was not accepted.",
        "Whether full cost recovery was accepted is not recorded.",
    )


def payment_in_advance(decision, _threshold):
    return _yes_no(
        decision.paid_in_advance,
        "Paid in advance.",
        "Not paid in advance.",
        "Whether it is paid in advance is not recorded.",
    )


def notice(decision, months):
    if not decision.change:
        return None
    if decision.notice_given_on is None or decision.change_takes_effect_on is None:
        return Outcome(Result.UNKNOWN, "The date notice was given or the date the change takes effect is not recorded.")
    given = (
        f"Notice given on {_d(decision.notice_given_on)}, the change takes effect on "
        f"{_d(decision.change_takes_effect_on)}"
    )
    if decision.change_takes_effect_on >= corresponding_day(decision.notice_given_on, months):
        return Outcome(Result.MET, f"{given}.")
    days = (decision.change_takes_effect_on - decision.notice_given_on).days
    return Outcome(
        Result.NOT_MET,
        f"{given}: only {_weeks_and_days(max(days, 0))} of notice, less than {_plural(months, 'months')}.",
    )


CHECKS = {
    Rule.CONSULTATION_LENGTH: consultation_length,
    Rule.EARLY_NOTICE: early_notice,
    Rule.SECTOR_INVOLVED: sector_involved,
    Rule.FEEDBACK: feedback,
    Rule.RATIONALE: rationale,
    Rule.MULTI_YEAR: multi_year,
    Rule.FULL_COST_RECOVERY: full_cost_recovery,
    Rule.PAYMENT_IN_ADVANCE: payment_in_advance,
    Rule.NOTICE: notice,
}


def check(record, rule, threshold):
    """The outcome of checking ``record`` against a commitment with ``rule`` and ``threshold`` (None: not applicable)."""
    return CHECKS[rule](record, threshold)
