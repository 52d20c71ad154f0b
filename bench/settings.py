"""The service's own settings plus a bare "hello" view, for the serving test only."""

from compact_site.settings import *  # noqa: F401,F403
from compact_site.settings import STORAGES

ROOT_URLCONF = "bench.urls"

# The manifest storage refuses the built CSS (it references GOV.UK Frontend's crest image, which is not
# copied into static/dist), so the serving test uses WhiteNoise without a manifest until that is fixed.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"}}
