"""A truly bare Django: the reference every page's throughput is a share of.

No apps, no middleware, no database, no templates: one view answering "hello". Served by the same
gunicorn, with the same workers, as the service (``python -m bench.serve`` starts both).
"""

from django.http import HttpResponse
from django.urls import path

DEBUG = False
SECRET_KEY = "bench-bare-django-only-" + "x" * 40
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "bench.bare"
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
USE_TZ = True


def hello(request):
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello)]
