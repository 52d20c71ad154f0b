"""A share of records meeting a commitment, drawn in Python: the commitments page shows hundreds of them."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def rate_cell(counts, empty=""):
    """A numeric table cell: the share met (or "–" when no result is known), and the counts under it; ``empty``,
    when given, instead where no record was checked at all."""
    if empty and not counts["checked"]:
        return format_html('<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>', empty)
    rate = "–" if counts["rate"] is None else f"{counts['rate']}%"
    extra = ""
    if counts["explained"]:
        extra += f", {counts['explained']} explained"
    if counts["unknown"]:
        extra += f", {counts['unknown']} not known"
    return format_html(
        '<td class="govuk-table__cell govuk-table__cell--numeric">{}<span class="govuk-body-s compact-muted '
        'govuk-!-display-block">{} of {}{}</span></td>',
        rate,
        counts["met"],
        counts["known"],
        extra,
    )
