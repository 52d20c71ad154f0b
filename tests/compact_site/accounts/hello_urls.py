"""The project's URLs plus the least a signed-in page can be: the role check and nothing else."""

from django.http import HttpResponse
from django.urls import include, path

from signatories.roles import READERS, role_required


@role_required(*READERS)
def hello(request):
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [path("hello/", hello, name="hello"), path("", include("compact_site.urls"))]
