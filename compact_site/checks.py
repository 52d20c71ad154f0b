"""System checks of the deployment's settings (``manage.py check``, ``check --deploy``)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register


def _redis_database(url: str) -> tuple[str, int, str] | None:
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        return None
    return parts.hostname or "localhost", parts.port or 6379, (parts.path.strip("/") or "0")


@register()
def cache_apart_from_the_task_queue(app_configs, **kwargs):
    """The cache is emptied whole by a restore (``cache.clear()``): sharing a Redis database with the task queue
    would lose the tasks waiting in it."""
    cache_url, broker_url = getattr(settings, "REDIS_URL", None) or "", settings.CELERY_BROKER_URL or ""
    cache_db, broker_db = _redis_database(cache_url), _redis_database(broker_url)
    if cache_db is not None and cache_db == broker_db:
        return [
            Warning(
                "REDIS_URL and CELERY_BROKER_URL name the same Redis database.",
                hint="Give the cache a database of its own (e.g. redis://host:6379/1 beside a broker on /0): "
                "restoring a backup empties the cache whole, and would empty the task queue with it.",
                id="compact.W001",
            )
        ]
    return []
