"""Real processes for the fault tests, and a small HTTP client and load generator using only the standard library.

- ``shared_build``: built once per test run (across xdist workers, under a file lock): the static files collected
  for production mode, and a migrated, seeded database (an SQLite file, or a PostgreSQL dump) each test copies.
- ``Processes``: every process a test starts, each in a process group of its own, all stopped at teardown.
- ``RedisServer``, ``start_gunicorn``, ``Control`` (changes to the database, see ``control``), ``Site`` (requests,
  signing in through the real login form) and ``Load`` (client threads requesting a mix of pages).
"""

import contextlib
import fcntl
import http.client
import json
import os
import queue
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
HOST = "127.0.0.1"
# Ports below Linux's ephemeral range (32768-60999): a client connection never takes our Redis's port while it
# is down, so it can start again on the same one.
PORTS = (20000, 32000)
SECRET_KEY = "fault-tests-only-secret-key-" + "k" * 40
OUTAGE_WARNING = "cannot be reached"
# Settings in the environment that would take a subprocess off what the test sets up.
NOT_PASSED_ON = {
    "DATABASE_URL",
    "REDIS_URL",
    "CACHE_KEY_PREFIX",
    "COMPACT_ENV",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_PRELOAD",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "CELERY_BROKER_URL",
    "CELERY_BROKER_FOLDER",
    "CELERY_TASK_ALWAYS_EAGER",
    "EMAIL_HOST",
    "EMAIL_BACKEND",
    "NOTIFY_API_KEY",
    "NOTIFY_TEMPLATE_ID",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
    "SESSION_COOKIE_AGE",
    "SESSION_REFRESH_SECONDS",
    "CACHE_SECONDS",
    "PUBLIC_CACHE_SECONDS",
    "LOG_LEVEL",
    "MAKEFLAGS",
    "MFLAGS",
    "MAKELEVEL",
    "DATABASE_CONN_MAX_AGE",
    "REDIS_TIMEOUT",
    "REDIS_CONNECT_TIMEOUT",
}


def base_environment(**extra):
    env = {k: v for k, v in os.environ.items() if k not in NOT_PASSED_ON and not k.startswith("PYTEST_")}
    env.update(
        DJANGO_SETTINGS_MODULE="compact_site.settings",
        PYTHONUNBUFFERED="1",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def production_environment(*, database_url, redis_url, static_root, scratch, **extra):
    """What the gunicorn (and the control process beside it) run with: production mode, as bench/serve.py."""
    return base_environment(
        COMPACT_ENV="production",
        DEBUG="false",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="true",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=f"faults-{uuid.uuid4().hex[:8]}",
        STATIC_ROOT=static_root,
        MEDIA_ROOT=scratch / "media",
        CELERY_BROKER_FOLDER=scratch / "broker",
        LOG_LEVEL="WARNING",
        **extra,
    )


def run(args, *, env, timeout=600, what=None):
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise AssertionError(
            f"{what or ' '.join(map(str, args))} failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
        )
    return result


_handed_out = set()


def free_port():
    """A port nothing listens on, never the same one twice in this process."""
    for _ in range(500):
        port = random.randint(*PORTS)
        if port in _handed_out:
            continue
        with socket.socket() as probe:
            try:
                probe.bind((HOST, port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    raise RuntimeError(f"No free port between {PORTS[0]} and {PORTS[1]}")


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"Timed out after {timeout} s waiting for {what}")


# The database -----------------------------------------------------------------------------------------------


@dataclass
class Postgres:
    host: str
    port: str
    user: str
    password: str

    @classmethod
    def from_settings(cls, s):
        return cls(
            host=str(s.get("HOST") or "127.0.0.1"),
            port=str(s.get("PORT") or 5432),
            user=str(s.get("USER") or "postgres"),
            password=str(s.get("PASSWORD") or ""),
        )

    def url(self, name):
        credentials = self.user + (f":{urllib.parse.quote(self.password)}" if self.password else "")
        return f"postgres://{credentials}@{self.host}:{self.port}/{name}"

    def env(self):
        env = dict(os.environ, PGHOST=self.host, PGPORT=self.port, PGUSER=self.user)
        if self.password:
            env["PGPASSWORD"] = self.password
        return env

    def createdb(self, name):
        run(["createdb", name], env=self.env())

    def dropdb(self, name):
        run(["dropdb", "--if-exists", "--force", name], env=self.env())


def shared_build(directory: Path, engine: str, postgres: Postgres | None):
    """Static files collected for production mode and a migrated, seeded template database, built by the first
    test of the run that needs them (other xdist workers wait on the lock, then reuse them)."""
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done, failed = directory / "done.json", directory / "failed.txt"
        if done.exists():
            return json.loads(done.read_text())
        if failed.exists():
            raise AssertionError(f"Building the fault tests' database failed earlier:\n{failed.read_text()}")
        try:
            return _build(directory, engine, postgres, done)
        except BaseException as error:
            failed.write_text(str(error)[-10000:])
            raise


def _build(directory, engine, postgres, done):
    """collectstatic (in the background) beside migrate and seed; a PostgreSQL template is dumped, then dropped."""
    static_root = directory / "static"
    env = base_environment(
        COMPACT_ENV="production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS=HOST,
        STATIC_ROOT=static_root,
        CELERY_BROKER_FOLDER=directory / "broker",
    )
    collect = subprocess.Popen(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    template_name = None
    try:
        if engine == "sqlite":
            template = directory / "template.sqlite3"
            url = f"sqlite:///{template}"
        else:
            template_name = f"compact_faults_template_{uuid.uuid4().hex[:10]}"
            postgres.createdb(template_name)
            url = postgres.url(template_name)
        env = base_environment(
            DATABASE_URL=url, MEDIA_ROOT=directory / "media", CELERY_BROKER_FOLDER=directory / "broker"
        )
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env=env)
        seed_file = directory / "seed.json"
        run([PYTHON, "-m", "tests.compact_site.faults.seed", str(seed_file)], env=env)
        if engine != "sqlite":
            template = directory / "template.dump"
            run(["pg_dump", "--format=custom", "--file", str(template), template_name], env=postgres.env())
    finally:
        if template_name:
            postgres.dropdb(template_name)
        output, _ = collect.communicate(timeout=600)
    if collect.returncode != 0:
        raise AssertionError(f"collectstatic failed:\n{output[-5000:]}")
    info = {
        "engine": engine,
        "static_root": str(static_root),
        "template": str(template),
        "seed": json.loads(seed_file.read_text()),
    }
    done.write_text(json.dumps(info))
    return info


def copy_database(build, directory: Path, postgres: Postgres | None):
    """A database of the test's own, a copy of the template: returns (DATABASE_URL, drop)."""
    if build["engine"] == "sqlite":
        path = directory / "compact.sqlite3"
        source, target = sqlite3.connect(build["template"]), sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        return f"sqlite:///{path}", lambda: None
    name = f"compact_faults_{uuid.uuid4().hex[:12]}"
    postgres.createdb(name)
    try:
        run(
            [
                "pg_restore",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                name,
                build["template"],
            ],
            env=postgres.env(),
        )
    except BaseException:
        postgres.dropdb(name)
        raise
    return postgres.url(name), lambda: postgres.dropdb(name)


# Processes --------------------------------------------------------------------------------------------------


class Processes:
    """Every process a test starts, each the leader of its own process group; ``stop_all`` ends them all."""

    def __init__(self):
        self.started = []

    def start(self, args, *, env, log: Path, stdin=None, stdout=None):
        with open(log, "ab") as handle:
            process = subprocess.Popen(
                args, cwd=ROOT, env=env, stdin=stdin, stdout=stdout or handle, stderr=handle, start_new_session=True
            )
        self.started.append(process)
        return process

    @staticmethod
    def signal_group(process, sig):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sig)

    def stop(self, process, sig=signal.SIGTERM, timeout=15):
        """``sig`` to the whole group (gunicorn's master and its workers), then SIGKILL if it has not ended."""
        if process.poll() is not None:
            return
        self.signal_group(process, sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.signal_group(process, signal.SIGKILL)
            process.wait(10)

    def stop_all(self):
        for process in reversed(self.started):
            self.stop(process)


class RedisServer:
    """A redis-server of the test's own, on a fixed port it can be stopped and started again on.

    ``persistent``: the RDB file ``dump.rdb`` in ``directory`` is loaded at start and written by ``SAVE``."""

    def __init__(self, processes: Processes, directory: Path, *, persistent=False):
        self.processes, self.directory, self.persistent = processes, directory, persistent
        self.directory.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"redis://{HOST}:{self.port}/0"
        self.process = None

    @property
    def rdb(self):
        return self.directory / "dump.rdb"

    def start(self):
        save = ["--save", "3600 1"] if self.persistent else ["--save", ""]
        self.process = self.processes.start(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                HOST,
                "--dir",
                str(self.directory),
                "--dbfilename",
                "dump.rdb",
                "--appendonly",
                "no",
                *save,
            ],
            env=dict(os.environ),
            log=self.directory / "redis.log",
        )
        wait_for(lambda: self.process.poll() is not None or self.ping(), 15, "redis-server to answer")
        assert self.process.poll() is None, (self.directory / "redis.log").read_text()[-2000:]
        return self

    def ping(self):
        try:
            with socket.create_connection((HOST, self.port), timeout=1) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def client(self):
        import redis

        return redis.Redis(host=HOST, port=self.port, socket_timeout=10)

    def kill(self):
        """SIGKILL: Redis gone at once, as in a crash; nothing saved."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        wait_for(lambda: not self.ping(), 10, "redis-server to be gone")

    def keys(self, pattern="*"):
        client = self.client()
        try:
            return [key.decode() for key in client.scan_iter(pattern, count=1000)]
        finally:
            client.close()


def start_gunicorn(processes: Processes, env, log: Path, *, workers=2):
    """gunicorn in production mode (``env``) with ``workers`` workers; returns (process, port) once every worker
    has booted and the sign-in page answers."""
    port = free_port()
    process = processes.start(
        [
            GUNICORN,
            "compact_site.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"{HOST}:{port}",
            "--log-level",
            "info",
            "--timeout",
            "60",
            "--graceful-timeout",
            "5",
        ],
        env=env,
        log=log,
    )
    site = Site(port)

    def ready():
        if process.poll() is not None:
            raise AssertionError(f"gunicorn stopped:\n{log.read_text()[-5000:]}")
        if log.read_text().count("Booting worker") < workers:
            return False
        try:
            return site.get("/accounts/login/", timeout=5).status == 200
        except OSError:
            return False

    wait_for(ready, 120, "gunicorn to answer")
    return process, port


class Control:
    """The control process (``control``): makes a change in the database and answers once it is committed."""

    def __init__(self, processes: Processes, env, log: Path):
        self.process = processes.start(
            [PYTHON, "-m", "tests.compact_site.faults.control"],
            env=env,
            log=log,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.log = log
        self.answers = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.answers.put(json.loads(line))
        self.answers.put({"ok": False, "error": "the control process stopped"})

    def _answer(self, timeout=120):
        try:
            answer = self.answers.get(timeout=timeout)
        except queue.Empty:
            answer = {"ok": False, "error": "no answer"}
        if not answer["ok"]:
            raise AssertionError(f"control: {answer['error']}\n{self.log.read_text()[-3000:]}")
        return answer

    def ready(self):
        return self._answer()

    def __call__(self, op, **arguments):
        self.process.stdin.write(json.dumps({"op": op, **arguments}).encode() + b"\n")
        self.process.stdin.flush()
        return self._answer()


# HTTP -------------------------------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict
    cookies: dict
    body: str
    started: float
    ended: float

    def header(self, name):
        return self.headers.get(name.lower())


class Site:
    """Requests to one gunicorn, as a proxy in front of it would pass them on (``X-Forwarded-Proto: https``)
    unless ``https=False``."""

    def __init__(self, port):
        self.port = port
        self.origin = f"https://{HOST}:{port}"

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def request(self, method, path, *, cookie="", https=True, host=None, headers=None, body=None, timeout=30):
        sent = dict(headers or {})
        if https:
            sent["X-Forwarded-Proto"] = "https"
        if host:
            sent["Host"] = host
        if cookie:
            sent["Cookie"] = cookie
        started = time.monotonic()
        connection = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read()
            pairs = response.getheaders()
        finally:
            connection.close()
        cookies = {}
        for name, value in pairs:
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                cookies[key.strip()] = rest.split(";", 1)[0]
        return Response(
            status=response.status,
            headers={name.lower(): value for name, value in pairs},
            cookies=cookies,
            body=content.decode("utf-8", "replace"),
            started=started,
            ended=time.monotonic(),
        )

    def sign_in(self, username, password):
        """Sign in through the real login form; returns the Cookie header of the signed-in session."""
        page = self.get("/accounts/login/")
        assert page.status == 200, page.status
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body).group(1)
        jar = dict(page.cookies)
        answer = self.request(
            "POST",
            "/accounts/login/",
            body=urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password}),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": f"{self.origin}/accounts/login/"},
            cookie="; ".join(f"{k}={v}" for k, v in jar.items()),
        )
        jar.update(answer.cookies)
        assert answer.status == 302 and jar.get("sessionid"), f"signing in as {username}: {answer.status}"
        return "; ".join(f"{k}={v}" for k, v in jar.items())


# Load -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    cookie: str = field(default="", repr=False)


@dataclass
class Result:
    page: Page
    started: float
    ended: float
    status: int | None  # None: no answer (the connection failed or timed out)
    error: str = ""
    marks: frozenset = field(default_factory=frozenset)  # which markers' texts the page showed

    @property
    def failed(self):
        return self.status is None or self.status >= 500


class Load:
    """``threads`` client threads requesting ``pages`` (chosen at random) one after another until stopped; each
    answer is kept as a ``Result``, with which of ``markers`` ({name: text}) it showed."""

    MOST_THREADS = 6

    def __init__(self, site: Site, pages, *, threads=4, markers=None):
        assert 0 < threads <= self.MOST_THREADS
        self.site, self.pages, self.markers = site, list(pages), dict(markers or {})
        self.threads = [threading.Thread(target=self._run, args=(seed,), daemon=True) for seed in range(threads)]
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self._results = []

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(60)

    def _run(self, seed):
        chooser = random.Random(seed)
        while not self.stopping.is_set():
            page = chooser.choice(self.pages)
            started = time.monotonic()
            try:
                response = self.site.get(page.path, cookie=page.cookie, timeout=30)
            except (OSError, http.client.HTTPException) as error:
                result = Result(page, started, time.monotonic(), None, error=repr(error))
                time.sleep(0.05)
            else:
                marks = frozenset(name for name, text in self.markers.items() if text in response.body)
                result = Result(page, started, response.ended, response.status, marks=marks)
            with self.lock:
                self._results.append(result)

    def results(self, since=float("-inf"), until=float("inf"), *, answered_by=float("inf")):
        """The answers to requests sent between ``since`` and ``until`` (time.monotonic()) and answered by
        ``answered_by``."""
        with self.lock:
            return [r for r in self._results if since <= r.started < until and r.ended <= answered_by]

    def wait_for_answers(self, since, labels, count=2, timeout=30):
        """Wait until each page in ``labels`` has been answered ``count`` times for requests sent after ``since``."""

        def enough():
            done = self.results(since)
            return all(sum(r.page.label == label for r in done) >= count for label in labels)

        wait_for(enough, timeout, f"{count} answers each for {labels}")


def summary(results):
    """Counts per page and status, and the slowest answers: for failure messages and the report."""
    counts = {}
    for r in results:
        key = (r.page.label, r.status if r.status is not None else r.error[:60])
        counts[key] = counts.get(key, 0) + 1
    times = sorted(r.ended - r.started for r in results)
    slowest = times[-1] if times else 0
    p99 = times[int(len(times) * 0.99)] if times else 0
    median = times[len(times) // 2] if times else 0
    lines = [f"  {label}: {status} x{n}" for (label, status), n in sorted(counts.items(), key=str)]
    return (
        f"{len(results)} answers; median {median * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
        f"slowest {slowest * 1000:.0f} ms\n" + "\n".join(lines)
    )


def require_redis_binary():
    """Skip without redis-server, except under CI, where it must be there."""
    import pytest

    if not Path(REDIS_SERVER).is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{REDIS_SERVER} is missing (CI must run the fault tests)")
        pytest.skip(f"{REDIS_SERVER} is missing: install it with `sudo apt-get install redis-server`")
