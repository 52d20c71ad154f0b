"""One Celery worker delivering 1,000 queued emails to a local SMTP sink, with Redis as the broker.

Queues 1,000 messages in one transaction against the bench database, starts one `celery worker` process
(thread pool of 8: sending is waiting on the network), and times from the worker being ready until
every message is marked sent and the sink has them all. Target: under 60 s. Needs Redis
(BENCH_REDIS_URL, default redis://127.0.0.1:6379/6). Writes bench-results/outbox.md.
"""

import os
import subprocess
import sys
import threading
import time
import uuid

from bench import DATABASE_URL, RESULTS_DIR, setup_django

MESSAGES = int(os.environ.get("BENCH_OUTBOX_MESSAGES", "1000"))
TARGET_SECONDS = 60
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
SMTP_PORT = int(os.environ.get("BENCH_SMTP_PORT", "8525"))


class Sink:
    def __init__(self):
        self.count, self.lock = 0, threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
        return "250 OK"


def main():
    queue = f"bench-outbox-{uuid.uuid4().hex[:8]}"
    os.environ.update(CELERY_BROKER_URL=REDIS_URL, CELERY_TASK_DEFAULT_QUEUE=queue)
    setup_django()
    from aiosmtpd.controller import Controller
    from django.db import transaction

    from notifications import kinds, services
    from notifications.models import MessageStatus, OutgoingMessage

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    marker = f"bench-{queue}"
    with transaction.atomic():
        for number in range(MESSAGES):
            services.queue_email(
                to=f"reader{number}@example.org",
                subject=marker,
                template="notifications/email/message.txt",
                context={"text": f"Message {number} of the outbox bench."},
                kind=kinds.INVITATION,
            )
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(SMTP_PORT),
        "EMAIL_USE_TLS": "false",
        "PYTHONPATH": ".",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "compact_site",
            "worker",
            "--pool=threads",
            "--concurrency=8",
            "--loglevel=WARNING",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    mine = OutgoingMessage.objects.filter(subject=marker)
    try:
        started = time.monotonic()
        while mine.filter(status=MessageStatus.SENT).count() < MESSAGES:
            if time.monotonic() - started > 300:
                raise SystemExit("The worker did not deliver every message within 5 minutes")
            if worker.poll() is not None:
                raise SystemExit(f"The worker stopped: {worker.stderr.read()[-2000:]}")
            time.sleep(0.2)
        seconds = time.monotonic() - started
    finally:
        worker.terminate()
        worker.wait(15)
        controller.stop()
    received = sink.count
    mine.delete()
    rate = MESSAGES / seconds
    verdict = "within target" if seconds < TARGET_SECONDS else f"MISSES the {TARGET_SECONDS} s target"
    report = (
        "# Outbox delivery\n\n"
        f"One worker (thread pool of 8, Redis broker) delivered {MESSAGES} queued messages to a local SMTP sink in "
        f"{seconds:.1f} s (including the worker starting): {rate:.0f} messages a second; the sink received "
        f"{received}. {verdict}.\n"
    )
    os.makedirs(RESULTS_DIR, exist_ok=True)
    with open(os.path.join(RESULTS_DIR, "outbox.md"), "w") as out:
        out.write(report)
    print(report)
    if received != MESSAGES:
        raise SystemExit(f"The sink received {received} messages, not {MESSAGES}")


if __name__ == "__main__":
    main()
