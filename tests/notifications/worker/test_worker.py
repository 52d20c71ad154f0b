"""The outbox against real processes: Redis, a `celery worker`, a local SMTP sink. Each test keeps its
worker's lease and retry waits to seconds (OUTBOX_LEASE_SECONDS=3, OUTBOX_RETRY_DELAYS=1,…)."""

import collections
import time

from django.db import transaction
from django.test import Client
from django.urls import reverse

from compact_site.jobs.tasks import run_job
from compact_site.models import Invitation
from notifications import kinds, services
from notifications.models import MessageStatus, OutgoingMessage
from tests import factories
from tests.wins.factories import submitted
from wins.models import Win, WinStatus

from .conftest import wait_for


def statuses():
    return collections.Counter(OutgoingMessage.objects.values_list("status", flat=True))


def all_sent(count):
    return statuses() == {MessageStatus.SENT: count}


def sweep_until(condition, timeout=60):
    """What beat does every few minutes, every second: run the sweep job through the queue."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        run_job.delay("sweep_outbox")
        time.sleep(1)
    raise AssertionError(f"Not done after {timeout} s: {statuses()}")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_worker_delivers_a_message_to_the_smtp_server(shared_database, broker, workers, sinks, smtp_port):
    sink = sinks(smtp_port)
    workers(broker_url=broker, smtp_port=smtp_port)

    with transaction.atomic():
        message = services.queue_email(
            to="pat@example.org",
            subject="Hello from the worker",
            template="notifications/email/message.txt",
            context={"text": "It works"},
            kind=kinds.INVITATION,
        )

    wait_for(lambda: sink.count() == 1, 30, "the message at the SMTP sink")
    [received] = sink.received
    assert (received["to"], received["subject"]) == ("pat@example.org", "Hello from the worker")
    assert received["message_id"].startswith(f"<compact-outbox-{message.pk}.")
    wait_for(lambda: all_sent(1), 10, "the message marked sent")


def test_smtp_refusing_the_officers_action_succeeds_and_the_message_goes_once_smtp_accepts(
    shared_database, broker, workers, sinks, smtp_port
):
    compact = factories.CompactFactory()
    champion = factories.champion_user(username="chris", email="chris@example.org")
    win = submitted(compact=compact, recorded_by=champion, title="Shared premises")
    officer = factories.officer(username="olivia")
    workers(broker_url=broker, smtp_port=smtp_port)  # nothing listens on smtp_port yet

    response = signed_in(officer).post(reverse("wins:win_publish", args=[win.pk]))

    assert response.status_code == 302
    assert Win.objects.get(pk=win.pk).status == WinStatus.PUBLISHED
    message = wait_for(
        lambda: OutgoingMessage.objects.filter(to="chris@example.org", attempts__gte=1).first(),
        30,
        "a failed first attempt",
    )
    assert "Connection refused" in message.last_error or "ConnectionRefused" in message.last_error

    sink = sinks(smtp_port)
    sweep_until(lambda: all_sent(1), 60)
    time.sleep(1.5)  # any stray retry would have landed by now
    assert [(m["to"], "Shared premises" in m["subject"]) for m in sink.received] == [("chris@example.org", True)]


def test_a_worker_killed_mid_batch_loses_nothing_and_sends_nothing_twice(
    shared_database, broker, workers, sinks, smtp_port
):
    sink = sinks(smtp_port, hold_at=60)
    with transaction.atomic():
        for number in range(200):
            services.queue_email(
                to=f"person{number}@example.org",
                subject=f"Message {number}",
                template="notifications/email/message.txt",
                context={"text": str(number)},
                kind=kinds.INVITATION,
            )
    first = workers(broker_url=broker, smtp_port=smtp_port)

    assert sink.holding.wait(60), "the worker never reached the 60th message"
    first.kill()  # SIGKILL, in the middle of sending the 60th
    sink.released.set()
    assert 55 <= sink.count() < 200
    assert statuses()[MessageStatus.SENDING] == 1

    workers(broker_url=broker, smtp_port=smtp_port)
    sweep_until(lambda: all_sent(200), 90)

    assert sink.count() == 200
    message_ids = collections.Counter(received["message_id"] for received in sink.received)
    assert len(message_ids) == 200 and set(message_ids.values()) == {1}
    assert sorted(received["to"] for received in sink.received) == sorted(
        f"person{number}@example.org" for number in range(200)
    )


def test_redis_down_at_commit_the_action_succeeds_and_the_sweep_delivers_when_it_is_back(
    shared_database, queue_name, workers, sinks, smtp_port, redis_server
):
    """Our own redis-server and a worker on it deliver a first message; then Redis is killed. The officer's
    action still succeeds and leaves its email waiting in the outbox; once the same Redis port answers again,
    the sweep (through the queue, as beat runs it) and the worker deliver it, exactly once."""
    from compact_site.jobs.models import JobRun

    from .conftest import listening, use_broker

    officer = factories.officer(username="olivia")
    sink = sinks(smtp_port)
    redis = redis_server.start()
    use_broker(redis_server.url, queue_name)
    try:
        workers(broker_url=redis_server.url, smtp_port=smtp_port)
        with transaction.atomic():
            services.queue_email(
                to="first@example.org",
                subject="Before Redis stopped",
                template="notifications/email/message.txt",
                context={"text": "one"},
                kind=kinds.INVITATION,
            )
        wait_for(lambda: sink.count() == 1 and all_sent(1), 60, "the first message delivered through Redis")

        redis.kill()  # SIGKILL: Redis is gone at the moment the officer's action commits
        redis.wait(10)
        assert not listening("127.0.0.1", redis_server.port)

        response = signed_in(officer).post(
            reverse("invitation_create"),
            {"first_name": "Priya", "last_name": "Shah", "email": "priya@example.org", "role": "LSP member"},
        )

        assert response.status_code == 302
        assert Invitation.objects.filter(email="priya@example.org").exists()
        waiting = OutgoingMessage.objects.get(to="priya@example.org")
        assert (waiting.status, waiting.attempts) == (MessageStatus.QUEUED, 0)
        assert statuses() == {MessageStatus.SENT: 1, MessageStatus.QUEUED: 1}

        redis_server.start()  # the same port again, empty: the lost hand-over is not in it
        assert sink.count() == 1
        sweeps = 0
        deadline = time.monotonic() + 120
        while not all_sent(2):  # what beat does every few minutes, every second, until the worker is back too
            assert time.monotonic() < deadline, f"Not delivered after 120 s: {statuses()}"
            run_job.delay("sweep_outbox")  # through this process's pool, which held a connection to the old Redis
            sweeps += 1
            time.sleep(1)
        # One more sweep, then wait until the worker has run every sweep queued: anything a duplicate hand-over
        # would have delivered has been delivered by then (the solo worker takes its queue in order).
        run_job.delay("sweep_outbox")
        sweeps += 1
        wait_for(
            lambda: JobRun.objects.filter(name="sweep_outbox", finished_at__isnull=False).count() >= sweeps,
            120,
            "the worker to run every sweep queued",
        )
    finally:
        use_broker(None, None)

    assert [received["to"] for received in sink.received] == ["first@example.org", "priya@example.org"]
    received = sink.received[1]
    assert "/invitation/" in received["body"]
    waiting.refresh_from_db()
    assert (waiting.status, waiting.attempts) == (MessageStatus.SENT, 1)
    assert received["message_id"] == waiting.provider_reference
