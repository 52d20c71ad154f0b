from functools import wraps

from django.http import JsonResponse
from django.urls import path, re_path

from signatories.roles import public

from . import views
from .endpoints import api, error_body

READ_METHODS = ("GET", "HEAD")


def method_not_allowed(method):
    response = JsonResponse(
        error_body("method_not_allowed", f"The API is read-only: use GET or HEAD, not {method}."), status=405
    )
    response["Allow"] = ", ".join(READ_METHODS)
    return response


def _answers_as_documented(view):
    """HEAD answers as GET does (without the body, which the server leaves out), and any other method than GET or
    HEAD is a JSON 405 rather than django-ninja's empty one. The views say who may use them, as every view does:
    whoever holds a token (checked per request)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in READ_METHODS:
            return method_not_allowed(request.method)
        if request.method == "HEAD":
            request.method = "GET"
            try:
                return view(request, *args, **kwargs)
            finally:
                request.method = "HEAD"
        return view(request, *args, **kwargs)

    wrapped.allowed_roles = "token"
    return wrapped


@public
def not_found(request, rest=""):
    """Any other address under /api/: a JSON 404 like every other error of the API, never the site's HTML page."""
    if request.method not in READ_METHODS:
        return method_not_allowed(request.method)
    return JsonResponse(error_body("not_found", "There is nothing at this address. See /api/docs/."), status=404)


api_patterns, api_app_name, api_namespace = api.urls
for pattern in api_patterns:
    pattern.callback = _answers_as_documented(pattern.callback)

urlpatterns = [
    path("api/v1/", (api_patterns, api_app_name, api_namespace)),
    path("api/docs/", views.api_docs, name="api_docs"),
    re_path(r"^api/(?P<rest>.*)$", not_found, name="api_not_found"),
    path("api-keys/", views.token_list, name="api_tokens"),
    path("api-keys/new/", views.token_create, name="api_token_create"),
    path("api-keys/<int:pk>/revoke/", views.token_revoke, name="api_token_revoke"),
]
