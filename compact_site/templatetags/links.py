"""The ``{% url %}`` tag with each address worked out once per process (a built-in, so every template has it).

A page links to thirty or more other pages, and Django resolves each link afresh on every request, about
40 µs apiece: a tenth of a dashboard's time. An address depends only on the view's name, its arguments,
the URL configuration and the script prefix, so the answers are kept (the most recent 4,096).
"""

import functools

from django import template
from django.conf import settings
from django.template import defaulttags
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()


@functools.lru_cache(maxsize=4096)
def _address(view_name, args, kwargs, current_app, urlconf, prefix):
    return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app, urlconf=urlconf)


def address(view_name, args=(), kwargs=None, current_app=None):
    """``reverse()``, kept: the same answer for the same question in this process."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    key_args = tuple(str(arg) for arg in args)
    key_kwargs = tuple(sorted((name, str(value)) for name, value in (kwargs or {}).items()))
    return _address(view_name, key_args, key_kwargs, current_app, urlconf, get_script_prefix())


class KeptURLNode(defaulttags.URLNode):
    def render(self, context):
        from django.urls import NoReverseMatch

        args = [arg.resolve(context) for arg in self.args]
        kwargs = {name: value.resolve(context) for name, value in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = address(view_name, args, kwargs, current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    node = defaulttags.url(parser, token)
    node.__class__ = KeptURLNode
    return node
