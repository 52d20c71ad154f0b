"""Celery tasks of the outbox. Both are thin: the work is in ``services``."""

from celery import shared_task

from . import services


@shared_task(name="notifications.deliver_message", ignore_result=True)
def deliver_message(message_id):
    """Claim, send and record one outgoing message; failures are retried by the outbox's own schedule."""
    return services.deliver(message_id)


@shared_task(name="notifications.sweep_outbox", ignore_result=True)
def sweep_outbox():
    """Queue again messages whose task never ran or whose worker's lease ran out; returns a one-line summary."""
    count = services.sweep()
    if count == 0:
        return "No messages needed queuing again"
    return f"{count} message{'s' if count != 1 else ''} queued again"
