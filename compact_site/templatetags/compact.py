from django import template
from django.urls import reverse

register = template.Library()


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


@register.inclusion_tag("includes/nav_item.html", takes_context=True)
def nav_item(context, label, url_name, *sections):
    """A main-navigation link, marked current when the page's "namespace:name" starts with one of ``sections``."""
    match = context["request"].resolver_match
    here = match.view_name if match else ""
    return {"label": label, "href": reverse(url_name), "active": any(here.startswith(s) for s in sections)}
