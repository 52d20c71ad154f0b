"""The round's Celery task: thin, the work is in ``services``."""

from celery import shared_task

from . import services


@shared_task(name="rounds.send_round_notices", ignore_result=True)
def send_round_notices(round_id):
    """Write the emails of a round's pending opening and chase notices to the outbox."""
    return services.send_pending_notices(round_id=round_id)
