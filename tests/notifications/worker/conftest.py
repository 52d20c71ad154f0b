"""Real processes for the outbox's worker tests: a Redis, a `celery worker`, an SMTP sink, and a database
that both this test process and the worker see (the test database itself on PostgreSQL; on SQLite, a file
copy of the in-memory test database that this process switches to for the test).

Without Redis at 127.0.0.1:6379 these tests are skipped, except under CI (CI=1) where that is a failure.
Each test uses its own queue name, so tests running side by side never take each other's tasks.
"""

import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from kombu import pools

from compact_site.celery import app as celery_app

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
PORTS = range(8500, 8600)
ROOT = Path(settings.BASE_DIR)


def listening(host, port):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


_handed_out = set()


def free_port():
    """A port in our range that nothing listens on, never the same one twice in this process."""
    candidates = [port for port in PORTS if port not in _handed_out]
    random.shuffle(candidates)
    for port in candidates:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    raise RuntimeError("No free port between 8500 and 8599")


def wait_for(condition, timeout=30, what="the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"Timed out after {timeout} s waiting for {what}")


@pytest.fixture
def redis_url():
    host, port = "127.0.0.1", int(REDIS_URL.split(":")[2].split("/")[0])
    if not listening(host, port):
        message = f"Redis is not running at {REDIS_URL}: start it with `redis-server --daemonize yes`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return REDIS_URL


@pytest.fixture
def queue_name(redis_url):
    import redis

    name = f"compact-test-{uuid.uuid4().hex[:12]}"
    yield name
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"*{name}*"):
        client.delete(key)
    client.close()


def use_broker(url, queue):
    celery_app.conf.task_always_eager = url is None
    celery_app.conf.broker_url = url or settings.CELERY_BROKER_URL
    celery_app.conf.task_default_queue = queue or "celery"
    celery_app.__dict__.pop("amqp", None)
    celery_app._pool = None
    pools.reset()  # kombu's process-wide connection and producer pools


@pytest.fixture
def broker(redis_url, queue_name):
    """This process hands tasks to the real Redis, on the test's own queue."""
    use_broker(redis_url, queue_name)
    yield redis_url
    use_broker(None, None)


@pytest.fixture
def shared_database(transactional_db, django_db_blocker, tmp_path):
    """A database this process and a worker process both see; returns its DATABASE_URL for the worker.
    Transactional: what the test writes is committed, and emptied afterwards."""
    from tests.migration_data import reseed

    connection = connections["default"]
    reseed()  # an earlier transactional test's flush emptied the roles and factors
    if connection.vendor != "sqlite":
        s = connection.settings_dict
        yield f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
        return
    path = tmp_path / "shared.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        memory = connection.connection
        copy = sqlite3.connect(path)
        memory.backup(copy)
        copy.close()
        saved_name = connection.settings_dict["NAME"]
        connection.connection = None
        connection.settings_dict["NAME"] = str(path)
        try:
            yield f"sqlite:///{path}"
        finally:
            connection.close()
            connection.settings_dict["NAME"] = saved_name
            connection.connection = memory


class Sink:
    """A local SMTP server (aiosmtpd) that keeps what it accepts. ``hold_at`` makes it stop, in the middle
    of the conversation for that message (before it has the message), until ``release`` is called."""

    def __init__(self, port, hold_at=None):
        from aiosmtpd.controller import Controller

        self.port, self.hold_at = port, hold_at
        self.received, self.lock = [], threading.Lock()
        self.recipients_seen = 0
        self.holding, self.released = threading.Event(), threading.Event()
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            self.recipients_seen += 1
            hold = self.recipients_seen == self.hold_at
        if hold:
            self.holding.set()
            while not self.released.is_set():
                import asyncio

                await asyncio.sleep(0.05)
            return "451 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes

        parsed = message_from_bytes(envelope.content)
        with self.lock:
            self.received.append(
                {
                    "to": envelope.rcpt_tos[0],
                    "message_id": parsed["Message-ID"],
                    "subject": parsed["Subject"],
                    "body": parsed.get_payload(),
                }
            )
        return "250 Message accepted for delivery"

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.released.set()
        self.controller.stop()

    def count(self):
        with self.lock:
            return len(self.received)


@pytest.fixture
def smtp_port():
    return free_port()


@pytest.fixture
def sinks():
    started = []

    def start(port, **kwargs):
        sink = Sink(port, **kwargs).start()
        started.append(sink)
        return sink

    yield start
    for sink in started:
        sink.stop()


class Worker:
    def __init__(self, env, log):
        self.env, self.log, self.process = env, log, None

    def start(self):
        self.log.write_text("")
        handle = self.log.open("a")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "compact_site",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "--without-heartbeat",
                "--without-gossip",
                "--without-mingle",
                "-Q",
                self.env["CELERY_TASK_DEFAULT_QUEUE"],
                "--hostname",
                f"test-{uuid.uuid4().hex[:6]}@%h",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        handle.close()
        wait_for(lambda: " ready." in self.log.read_text() or self.process.poll() is not None, 60, "the worker")
        assert self.process.poll() is None, f"The worker stopped:\n{self.log.read_text()[-3000:]}"
        return self

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(3)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def workers(tmp_path, queue_name, shared_database):
    """Start real `celery worker` processes against the shared database; all are stopped after the test."""
    started = []

    def start(*, broker_url, smtp_port, **extra):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "compact_site.settings",
            "DATABASE_URL": shared_database,
            "CELERY_BROKER_URL": broker_url,
            "CELERY_TASK_DEFAULT_QUEUE": queue_name,
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_USE_TLS": "false",
            "OUTBOX_LEASE_SECONDS": "3",
            "OUTBOX_RETRY_DELAYS": "1,1,1,1,1",
            "OUTBOX_SWEEP_GRACE_SECONDS": "0",
            "PYTHONUNBUFFERED": "1",
            **extra,
        }
        worker = Worker(env, tmp_path / f"worker-{len(started)}.log").start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def redis_server(tmp_path):
    """A redis-server of our own, on a port in our range, that a test can stop and start again."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed")
        pytest.skip("redis-server is not installed")
    port = free_port()
    processes = []

    def start():
        process = subprocess.Popen(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(tmp_path),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        processes.append(process)
        wait_for(lambda: listening("127.0.0.1", port), 10, "redis-server")
        return process

    server = type("RedisServer", (), {"port": port, "url": f"redis://127.0.0.1:{port}/0", "start": staticmethod(start)})
    yield server
    for process in processes:
        if process.poll() is None:
            process.terminate()
            process.wait(10)
