import html
import re
from functools import cache

from django import template
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.html import format_html, strip_tags

from signatories.roles import roles_of

register = template.Library()


@cache
def _allowed_roles(url_name):
    """The roles that may open the page a navigation link leads to (``role_required``), or "public"."""
    return getattr(resolve(reverse(url_name)).func, "allowed_roles", "public")


@register.simple_tag(takes_context=True)
def query_without_page(context):
    """The current query string minus ``page``, ending in ``&`` when not empty, for pagination links."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return f"{encoded}&" if encoded else ""


@register.filter
def govuk_date(value):
    """A date as GOV.UK writes it: 5 January 2026."""
    if not value:
        return ""
    return f"{value.day} {value:%B %Y}"


@register.filter
def govuk_time(value):
    """A time of day as GOV.UK writes it, in local time: 9am, 3:42pm, midday, midnight."""
    if not value:
        return ""
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    if (value.hour, value.minute) == (12, 0):
        return "midday"
    if (value.hour, value.minute) == (0, 0):
        return "midnight"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


@register.simple_tag(takes_context=True)
def nav_item(context, label, url_name, *sections):
    """A service-navigation link, marked current when the page's "namespace:name" starts with one of ``sections``.

    Drawn here rather than from a template: every page has a dozen of them. A link to a page the person's roles may
    not open is left out (a representative who is nothing else sees only what they may use); visitors' links (the
    public site's) are all theirs."""
    user = context["request"].user
    allowed = _allowed_roles(url_name)
    if user.is_authenticated and allowed != "public" and not roles_of(user) & allowed:
        return ""
    match = context["request"].resolver_match
    here = match.view_name if match else ""
    href = reverse(url_name)
    if any(here.startswith(section) for section in sections):
        # The <strong> keeps the current link marked when a person's own colours replace the service's.
        return format_html(
            '<li class="govuk-service-navigation__item govuk-service-navigation__item--active">'
            '<a class="govuk-service-navigation__link" href="{}" aria-current="page">'
            '<strong class="govuk-service-navigation__active-fallback">{}</strong></a></li>',
            href,
            label,
        )
    return format_html(
        '<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="{}">{}</a></li>',
        href,
        label,
    )


CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.DOTALL)


class TableRegionNode(template.Node):
    def __init__(self, nodelist, label):
        self.nodelist = nodelist
        self.label = label

    def render(self, context):
        table = self.nodelist.render(context)
        label = self.label.resolve(context) if self.label else table_caption(table)
        if not label:
            raise template.TemplateSyntaxError("table_region needs a table with a caption, or a label")
        return format_html(
            '<div class="compact-table-region" role="region" aria-label="{}" tabindex="0">{}</div>',
            label,
            table,
        )


def table_caption(table_html):
    """The text of the first caption in ``table_html``, as a person reads it ("" when there is none)."""
    found = CAPTION.search(table_html)
    return " ".join(html.unescape(strip_tags(found.group(1))).split()) if found else ""


@register.tag
def table_region(parser, token):
    """``{% table_region %}<table>…</table>{% endtable_region %}``: a wide table that scrolls in its own box.

    The box is what GOV.UK's guidance asks of a table too wide for a phone: it takes keyboard focus
    (tabindex="0") so it can be scrolled without a mouse, and is a region named after the table's caption
    (or ``{% table_region "a label" %}``), so the page itself never scrolls sideways."""
    bits = token.split_contents()
    if len(bits) > 2:
        raise template.TemplateSyntaxError("table_region takes at most one argument: the region's label")
    label = parser.compile_filter(bits[1]) if len(bits) == 2 else None
    nodelist = parser.parse(("endtable_region",))
    parser.delete_first_token()
    return TableRegionNode(nodelist, label)
