"""The Content-Security-Policy header, written once per process instead of built for every response.

django-csp builds the header from the settings on every response (a tenth of a signed-in "hello"). The
service's policy is the same for every response that asks for nothing of its own (no nonce, no per-view
change or exemption, no header of its own), so django-csp builds it for the first such response and its
headers are reused after that.
"""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from django.conf import settings

# What a view or decorator can set on a response to change its policy (django-csp's own attribute names).
PER_RESPONSE = ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt",
                "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro", "_csp_exempt_ro")


class CSPMiddleware(DjangoCSPMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        self.plain_headers = None

    def process_response(self, request, response):
        plain = (not settings.DEBUG and getattr(request, "_csp_nonce", None) is None
                 and not any(hasattr(response, name) for name in PER_RESPONSE)
                 and HEADER not in response and HEADER_REPORT_ONLY not in response)
        if not plain or self.plain_headers is None:
            response = super().process_response(request, response)
            if plain:
                self.plain_headers = [(name, response[name]) for name in (HEADER, HEADER_REPORT_ONLY)
                                      if name in response]
            return response
        for name, value in self.plain_headers:
            response[name] = value
        # As django-csp does: asking for a nonce once the header is written is an error, not a silent gap.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
