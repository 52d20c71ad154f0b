"""`make run`, the embedded default: the web server and, beside it, one Celery worker with beat embedded on a
folder broker, and Ctrl-C stops them all.

The real Makefile target runs in its own process group against a temporary SQLite database, broker folder and
media folder (DATABASE_URL, CELERY_BROKER_FOLDER, MEDIA_ROOT), on a free PORT, with nothing else set: no
CELERY_BROKER_URL, no Redis, no EMAIL_HOST, so email goes to the console backend (the worker's output) as it
does on a developer's machine. ``make -o`` keeps make from reinstalling the virtualenv or rebuilding the CSS
when another change touched their inputs; migrate, demo and run are the Makefile's own.

Celery handles SIGINT itself, so Ctrl-C to the whole group would stop the worker even without the recipe's
trap; the second run (in the same folder, so it neither migrates nor loads the demo again) stops only the web
server, which only the trap turns into the worker stopping too.
"""

import contextlib
import http.cookiejar
import os
import re
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 900  # migrations and the demo data on a fresh database, on a shared CPU
DELIVERY_SECONDS = 120
SHUTDOWN_SECONDS = 60
# Settings read from the environment that would take `make run` off its embedded default, and an outer make's
# own variables (under `make test`), which a developer's terminal does not have.
NOT_PASSED_ON = {
    "MAKEFLAGS",
    "MFLAGS",
    "MAKELEVEL",
    "CELERY_BROKER_URL",
    "CELERY_TASK_ALWAYS_EAGER",
    "CELERY_TASK_DEFAULT_QUEUE",
    "REDIS_URL",
    "EMAIL_HOST",
    "EMAIL_BACKEND",
    "NOTIFY_API_KEY",
    "NOTIFY_TEMPLATE_ID",
    "COMPACT_ENV",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DATABASE_URL",
    "SITE_URL",
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def group_processes(pgid):
    """{pid: command line} of the live (not zombie) processes in process group ``pgid``."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue  # gone meanwhile
        state, _ppid, group = stat.rsplit(")", 1)[1].split()[:3]
        if int(group) == pgid and state != "Z":
            found[int(entry.name)] = cmdline
    return found


def alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, timeout, what, log=None, make=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if make is not None and make.poll() is not None:
            raise AssertionError(f"make stopped (exit {make.returncode}) before {what}:\n{tail(log)}")
        time.sleep(0.5)
    raise AssertionError(f"Timed out after {timeout} s waiting for {what}:\n{tail(log)}")


def tail(log):
    return log.read_text(errors="replace")[-4000:] if log is not None and log.exists() else ""


class Browser:
    """Just enough of a browser for a public form: cookies (the CSRF one) and no following of redirects."""

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self.NoRedirects()
        )

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=30) as response:
                return response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:  # 3xx (not followed) and 4xx/5xx
            return error.code, error.read().decode(errors="replace")

    def status(self, path):
        try:
            return self.request(path)[0]
        except OSError:
            return None  # not listening yet


def outbox_row(database, to):
    try:
        with sqlite3.connect(database, timeout=20) as connection:
            return connection.execute(
                "SELECT status, attempts, provider_reference, subject FROM notifications_outgoingmessage "
                'WHERE "to" = ? ORDER BY id DESC',
                (to,),
            ).fetchone()
    except sqlite3.OperationalError:  # locked, or the table is not there yet
        return None


class MakeRun:
    """`make run` started in its own session and process group (as a terminal gives it), against temporary
    files; ``started()`` waits for the web server and the worker, ``stop_all()`` kills whatever is left."""

    def __init__(self, tmp_path, log_name="make-run.log"):
        self.database, self.broker, self.log = tmp_path / "db.sqlite3", tmp_path / "broker", tmp_path / log_name
        self.port = free_port()
        self.env = {key: value for key, value in os.environ.items() if key not in NOT_PASSED_ON}
        self.env.update(
            {
                "DATABASE_URL": f"sqlite:///{self.database}",
                "CELERY_BROKER_FOLDER": str(self.broker),
                "MEDIA_ROOT": str(tmp_path / "media"),
                "PORT": str(self.port),
                "HOST": "127.0.0.1",
                "PYTHONUNBUFFERED": "1",
            }
        )
        self.browser = Browser(f"http://127.0.0.1:{self.port}")
        self.make = None

    def start(self):
        with self.log.open("wb") as output:
            self.make = subprocess.Popen(
                [
                    "make",
                    "--no-print-directory",
                    "-o",
                    ".venv/.installed",
                    "-o",
                    "node_modules/.installed",
                    "-o",
                    "static/dist/compact.css",
                    "run",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.pgid = self.make.pid
        # The web server answers on PORT, and the worker (with beat embedded) runs beside it, in the group.
        wait_for(
            lambda: self.browser.status("/accounts/login/") == 200,
            STARTUP_SECONDS,
            "the web server",
            self.log,
            self.make,
        )
        wait_for(lambda: self.workers(), 60, "the celery worker in make's process group", self.log, self.make)
        wait_for(
            lambda: "celery@" in self.output() and " ready." in self.output(),
            120,
            "the worker to be ready",
            self.log,
            self.make,
        )
        return self

    def output(self):
        return self.log.read_text(errors="replace")

    def processes(self):
        return group_processes(self.pgid)

    def workers(self):
        return {
            pid: cmd
            for pid, cmd in self.processes().items()
            if "celery" in cmd and " worker" in cmd and "-B" in cmd and "--pool=solo" in cmd
        }

    def web_servers(self):
        return {pid: cmd for pid, cmd in self.processes().items() if "manage.py runserver" in cmd}

    def all_gone(self, pids, timeout):
        """Whether make, every pid in ``pids`` and everything else in the group exit within ``timeout``."""
        try:
            self.make.wait(timeout)
            wait_for(
                lambda: not any(alive(pid) for pid in pids) and not self.processes(),
                timeout,
                "every process of `make run` to exit",
                self.log,
            )
        except (AssertionError, subprocess.TimeoutExpired):
            return False
        return True

    def stop_all(self):
        if self.make is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pgid, signal.SIGKILL)  # never leave them running, whatever the test found
        self.make.wait(10)


def test_make_run_serves_delivers_email_stops_on_ctrl_c_and_when_its_web_server_stops(tmp_path):
    run = MakeRun(tmp_path)
    seen = {}
    try:
        run.start()
        assert run.database.exists() and (run.broker / "queue").is_dir()

        # An action that queues an email: someone asks for a password reset for a demo login. The request
        # writes it to the outbox and hands it to the folder broker; the embedded worker sends it (console).
        status, page = run.browser.request("/accounts/password/reset/")
        assert status == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, _ = run.browser.request(
            "/accounts/password/reset/", {"csrfmiddlewaretoken": token, "email": "officer@northbrook.example.org"}
        )
        assert status == 302
        row = wait_for(
            lambda: (row := outbox_row(run.database, "officer@northbrook.example.org")) and row[0] == "sent" and row,
            DELIVERY_SECONDS,
            "the embedded worker to send the reset email",
            run.log,
            run.make,
        )
        _, attempts, message_id, subject = row
        assert attempts == 1
        output = run.output()
        assert output.count(f"Message-ID: {message_id}") == 1  # the console backend printed it, in make's output
        assert f"Subject: {subject}" in output
        assert "/accounts/password/reset/" in output  # the link to choose a new password

        seen = run.processes()
        assert run.make.poll() is None and run.pgid in seen
        assert run.web_servers() and run.workers()

        os.killpg(run.pgid, signal.SIGINT)  # Ctrl-C: the terminal sends SIGINT to the foreground process group
        stopped = run.all_gone(seen, SHUTDOWN_SECONDS)
        left = run.processes()
    finally:
        run.stop_all()
    assert stopped, f"Still running {SHUTDOWN_SECONDS} s after Ctrl-C: {left}\n{tail(run.log)}"
    # make, its shell, the worker (and beat's process beside it), runserver (and the child it reloads)
    assert len(seen) >= 4, seen

    # `make run` again in the same folder, as a developer does the next morning (and without migrating and loading
    # the demo a second time, this costs the suite a few seconds rather than half a minute): the demo data is
    # not loaded again into a database that has it, and this time only the web server is stopped.
    organisations = organisation_count(run.database)
    assert organisations > 0
    web_server_stopped_on_its_own(tmp_path)
    assert organisation_count(run.database) == organisations


def web_server_stopped_on_its_own(tmp_path):
    """Only the web server is stopped (as when it crashes or is killed on its own): the recipe's trap stops the
    worker it started in the background rather than leaving it running with no terminal."""
    run = MakeRun(tmp_path, "make-run-again.log")
    try:
        run.start()
        workers, web_servers = run.workers(), run.web_servers()
        assert workers and web_servers

        for pid in web_servers:
            # runserver's reloader and the server it runs: stopping the first can take the second (or the
            # recipe's trap can) before it is signalled itself.
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        stopped = run.all_gone(workers, SHUTDOWN_SECONDS)
        left = run.processes()
    finally:
        run.stop_all()
    assert stopped, f"Still running {SHUTDOWN_SECONDS} s after the web server stopped: {left}\n{tail(run.log)}"


def organisation_count(database):
    with sqlite3.connect(database, timeout=20) as connection:
        return connection.execute("SELECT COUNT(*) FROM signatories_organisation").fetchone()[0]
