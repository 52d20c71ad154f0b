"""The {% url %} every template uses keeps each address it works out, and answers as Django's would."""

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse

from compact_site.templatetags.links import address


def test_the_url_tag_keeps_each_address_and_still_refuses_an_unknown_view(settings):
    html = Template("{% url 'signatories:organisation_detail' 7 %} {% url 'wins:library' as there %}{{ there }}")
    assert html.render(Context({})) == f"{reverse('signatories:organisation_detail', args=[7])} {reverse('wins:library')}"
    assert address("signatories:organisation_detail", [8]) == reverse("signatories:organisation_detail", args=[8])
    with pytest.raises(NoReverseMatch):
        Template("{% url 'no:such_view' %}").render(Context({}))
    assert Template("{% url 'no:such_view' as nowhere %}[{{ nowhere }}]").render(Context({})) == "[]"
    settings.ROOT_URLCONF = "tests.compact_site.accounts.hello_urls"  # another URL configuration: its own answers
    assert address("hello") == "/hello/"
