"""The Celery application: ``celery -A compact_site worker`` and ``celery -A compact_site beat``.

Configuration comes from Django's settings (the CELERY_* names in compact_site/settings.py).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "compact_site.settings")

app = Celery("compact_site")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
