"""The site that wires the apps together (settings, URLs, error pages, the cache, the demo), and the
concepts of the site as a whole: accounts, the home page, reports, the public site, the API, emails, jobs and records."""

# The Celery app is loaded with Django so that @shared_task binds to it.
from .celery import app as celery_app

__all__ = ["celery_app"]
