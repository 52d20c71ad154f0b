"""The project's URLs plus views that fail on purpose, to test the error pages."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from compact_site.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def boom(request):
    raise RuntimeError("SECRET_DETAIL_THAT_MUST_NOT_LEAK")


def suspicious(request):
    raise SuspiciousOperation("bad request")


def forbidden(request):
    raise PermissionDenied


urlpatterns = urlpatterns + [
    path("test-errors/500/", boom),
    path("test-errors/400/", suspicious),
    path("test-errors/403/", forbidden),
]
