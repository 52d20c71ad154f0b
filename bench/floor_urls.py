"""The floor's one page: a signed-in hello that reads the user, and nothing else."""

from django.http import HttpResponse
from django.urls import path


def hello(request):
    if not request.user.is_authenticated:  # reads the session and the user, as every signed-in page does
        return HttpResponse("not signed in", status=403, content_type="text/plain")
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello)]
