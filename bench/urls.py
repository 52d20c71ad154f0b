"""The project's URLs plus a bare Django view: the baseline the serving test compares pages with."""

from django.http import HttpResponse
from django.urls import include, path


def hello(request):
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [
    path("bench/hello/", hello, name="bench_hello"),
    path("", include("compact_site.urls")),
]

handler400 = "compact_site.errors.bad_request"
handler403 = "compact_site.errors.permission_denied"
handler404 = "compact_site.errors.page_not_found"
handler500 = "compact_site.errors.server_error"
