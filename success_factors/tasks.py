"""Celery finds each app's tasks here; a package's tasks are imported so they are registered."""

from .rounds.tasks import send_round_notices  # noqa: F401
