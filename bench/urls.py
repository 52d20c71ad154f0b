"""The project's URLs plus a signed-in "hello": the floor every page of the service pays."""

from django.http import HttpResponse
from django.urls import include, path

from signatories.roles import READERS, role_required


@role_required(*READERS)
def hello(request):
    """The least a signed-in page can cost: the service's whole middleware stack and its role check, no work."""
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [
    path("bench/hello/", hello, name="bench_hello"),
    path("", include("compact_site.urls")),
]

handler400 = "compact_site.errors.bad_request"
handler403 = "compact_site.errors.permission_denied"
handler404 = "compact_site.errors.page_not_found"
handler500 = "compact_site.errors.server_error"
