"""A share of records meeting a commitment, drawn in Python: the commitments page shows hundreds of them.

Worked out from the counts alone (``commitments.rates``), so a report published before rates said what they
stand on reads the same way as today's."""

from django import template
from django.utils.html import format_html

from ..rates import is_incomplete, rate_summary, stands_on

register = template.Library()

INCOMPLETE_TAG = '<strong class="govuk-tag govuk-tag--yellow compact-rate__tag">Incomplete</strong>'


@register.simple_tag
def rate_cell(counts, empty=""):
    """A numeric table cell: the share met (or "–" when no result is known) and what it stands on ("22 of 41 met,
    0 not known") under it, marked "Incomplete" when more than a fifth are not known; ``empty``, when given,
    instead where no record was checked at all."""
    if empty and not counts["checked"]:
        return format_html('<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>', empty)
    rate = "–" if counts["rate"] is None else f"{counts['rate']}%"
    if is_incomplete(counts):
        return format_html(
            '<td class="govuk-table__cell govuk-table__cell--numeric compact-rate compact-rate--incomplete">'
            + INCOMPLETE_TAG
            + '<span class="govuk-!-display-block">{}</span><span class="govuk-body-s compact-muted govuk-!-display-block">{}</span></td>',
            rate,
            stands_on(counts),
        )
    return format_html(
        '<td class="govuk-table__cell govuk-table__cell--numeric compact-rate">{}<span class="govuk-body-s '
        'compact-muted govuk-!-display-block">{}</span></td>',
        rate,
        stands_on(counts),
    )


@register.filter
def rate_in_words(counts):
    """{{ counts|rate_in_words }} → "54%: 22 of 41 met, 0 not known", with "(incomplete: …)" when it is."""
    return rate_summary(counts)


@register.filter
def rate_incomplete(counts):
    """{% if counts|rate_incomplete %}: more than a fifth of the records checked have no known result."""
    return is_incomplete(counts)


@register.filter
def rate_stands_on(counts):
    """{{ counts|rate_stands_on }} → "22 of 41 met, 0 not known"."""
    return stands_on(counts)
