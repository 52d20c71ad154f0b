from functools import cache

from django import template
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.html import format_html

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
    """A main-navigation link, marked current when the page's "namespace:name" starts with one of ``sections``.

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
        return format_html(
            '<li class="compact-nav__item compact-nav__item--active"><a href="{}" aria-current="page">{}</a></li>',
            href,
            label,
        )
    return format_html('<li class="compact-nav__item"><a href="{}">{}</a></li>', href, label)
