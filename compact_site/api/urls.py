from django.urls import path

from . import views
from .endpoints import api


def _declare_token_access(patterns):
    """The API's views say who may use them, as every view does: whoever holds a token (checked per request)."""
    for pattern in patterns:
        pattern.callback.allowed_roles = "token"
    return patterns


api_patterns, api_app_name, api_namespace = api.urls
api_patterns = _declare_token_access(api_patterns)

urlpatterns = [
    path("api/v1/", (api_patterns, api_app_name, api_namespace)),
    path("api/docs/", views.api_docs, name="api_docs"),
    path("api-keys/", views.token_list, name="api_tokens"),
    path("api-keys/new/", views.token_create, name="api_token_create"),
    path("api-keys/<int:pk>/revoke/", views.token_revoke, name="api_token_revoke"),
]
