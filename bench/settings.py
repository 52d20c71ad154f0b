"""The service's own settings plus a bare "hello" view, for the serving test only."""

from compact_site.settings import *  # noqa: F401,F403

ROOT_URLCONF = "bench.urls"
