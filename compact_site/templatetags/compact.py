from django import template

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
