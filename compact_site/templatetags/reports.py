"""Template filters for LSP reports, which keep dates as ISO text and charts as SVG text: ``{% load reports %}``."""

import base64
import datetime

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from success_factors import wording

register = template.Library()


@register.filter
def iso_date(value):
    """ "2026-07-01" → "1 July 2026"."""
    if not value:
        return ""
    day = datetime.date.fromisoformat(str(value)[:10])
    return f"{day.day} {day:%B %Y}"


@register.filter
def svg_uri(svg):
    """An SVG string as a data: URI for an <img src>."""
    if not svg:
        return ""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


@register.filter
def change(pair):
    """{"current": 12, "previous": 9} → "up 3"; "down 2", "no change"."""
    return wording.change_text(pair["current"], pair["previous"])


@register.filter
def gap(row):
    """A factor row's perception gap in words: "Statutory partners rate it 18 points higher"."""
    return wording.gap_text(row["statutory"], row["voluntary"])


@register.filter
def factor_name(row):
    return f"{row['number']}. {row['title']}"


@register.filter
def paragraphs(text, css_class="govuk-body"):
    """Plain text as paragraphs, split at blank lines; single line breaks are kept."""
    blocks = [block.strip() for block in str(text or "").replace("\r\n", "\n").split("\n\n") if block.strip()]
    return mark_safe(
        "".join(f'<p class="{css_class}">{escape(block).replace(chr(10), "<br>")}</p>' for block in blocks)
    )


@register.filter
def lines(text):
    """Plain text as a list of its non-empty lines, without list markers people type ("-", "*", "1.")."""
    result = []
    for line in str(text or "").splitlines():
        line = line.strip().lstrip("-*•").strip()
        head, _, rest = line.partition(" ")
        if head.rstrip(".)").isdigit() and rest:
            line = rest.strip()
        if line:
            result.append(line)
    return result


@register.filter
def percent(value):
    return "–" if value is None else f"{value}%"
