"""Serve the bench database with gunicorn in production mode and load it with wrk, beside a bare Django.

A truly bare Django (``bench.bare``: no middleware, no database) runs under the same gunicorn settings
beside the service: the reference. Signs in as an officer through the real login form, then for each
page (a signed-in "hello" through the whole stack, the main pages, and the public register as a visitor)
runs ``wrk`` in short bursts that alternate with bursts on the bare Django, so each share compares two loads taken in the same
minute (on a machine shared with other work, the load drifts). Prints each page's requests per second
as a share of the bare Django's beside it, p99 latency, errors (which must be none) and the gunicorn
workers' memory, and marks what misses its target.
"""

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse

from bench import CACHE_URL, DATABASE_NAME, DATABASE_URL, OFFICER_USERNAME, PASSWORD, RESULTS_DIR, SCALE, empty_cache

HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BARE_PORT = int(os.environ.get("BENCH_BARE_PORT", str(PORT + 1)))
FLOOR_PORT = int(os.environ.get("BENCH_FLOOR_PORT", str(PORT + 2)))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "30"))
BURSTS = int(os.environ.get("BENCH_WRK_BURSTS", "3"))  # each page's seconds are split into this many bursts
MOST_RSS_MB = 200
P99_MS = 100
BARE = ("Bare Django (no middleware, no database)", "/bench/hello/", None)
# (label, path, least share of the bare Django's requests per second, signed in as the officer or a visitor)
TARGETS = [
    ("Signed-in hello, whole stack", "/bench/hello/", 0.30, True),
    ("Dashboard (officer)", "/", 0.10, True),
    ("Wins library", "/wins/", 0.10, True),
    ("Wins library, search", "/wins/?q=volunteers+funding", 0.10, True),
    ("Partnership results", "/results/", 0.10, True),
    ("Factor page (3)", "/factors/3/", 0.10, True),
    ("Commitments page", "/commitments/", 0.10, True),
    ("Public register (visitor, from the cache)", "/public/register/", 0.50, False),
]
# The floor (bench.floor): only the session and user reads every signed-in page must make; no target, for reading.
FLOOR = ("Floor: signed-in hello with only the session and user reads", "/bench/hello/", None, True)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV_BIN = os.path.join(ROOT, ".venv", "bin")


def server_environment():
    env = dict(os.environ)
    env.update(
        {
            "COMPACT_ENV": "production",
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
            "ALLOWED_HOSTS": HOST,
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": DATABASE_URL,
            "REDIS_URL": CACHE_URL,
            "CACHE_KEY_PREFIX": DATABASE_NAME,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "PYTHONPATH": ROOT,
        }
    )
    return env


def collect_static(env):
    """Production serves hashed static files from a manifest, so build it first."""
    subprocess.run(
        [os.path.join(VENV_BIN, "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def bare_environment():
    return {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "bench.bare", "PYTHONPATH": ROOT}


def start_gunicorn(env, *, app="compact_site.wsgi", port=PORT, log_name="gunicorn.log"):
    """The same gunicorn command line for the service and the bare reference; only the app differs."""
    log = open(os.path.join(RESULTS_DIR, log_name), "w")  # noqa: SIM115  (the server writes to it until stopped)
    process = subprocess.Popen(
        [
            os.path.join(VENV_BIN, "gunicorn"),
            app,
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(WORKERS),
            "--access-logfile",
            "-",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/accounts/login/" if port == PORT else "/bench/hello/")
            if connection.getresponse().status in (200, 403):  # the floor's hello refuses who is not signed in
                return process
        except OSError:
            pass
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped; see {log.name}")
        time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn did not answer on {HOST}:{port}; see {log.name}")


def cookies_from(response, jar):
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            jar[name.strip()] = rest.split(";", 1)[0]
    return jar


def sign_in():
    """Post the login form as the bench officer; return the Cookie header of the signed-in session."""
    jar = {}
    connection = http.client.HTTPConnection(HOST, PORT, timeout=10)
    connection.request("GET", "/accounts/login/")
    response = connection.getresponse()
    page = response.read().decode()
    cookies_from(response, jar)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": OFFICER_USERNAME, "password": PASSWORD})
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items()),
        "Referer": f"http://{HOST}:{PORT}/accounts/login/",
    }
    connection.request("POST", "/accounts/login/", body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    cookies_from(response, jar)
    if response.status != 302 or "sessionid" not in jar:
        raise SystemExit(f"Signing in as {OFFICER_USERNAME} failed: HTTP {response.status}")
    cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
    connection.request("GET", "/", headers={"Cookie": cookie})
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"The dashboard answered {response.status} after signing in (two-step login required?)")
    return cookie


def to_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    value, unit = float(match.group(1)), match.group(2)
    return value * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def run_wrk(path, cookie, *, port=PORT, seconds=SECONDS):
    # wrk counts a response slower than --timeout as a socket error; 10 s, not its default 2 s, so a slow
    # page shows as a long p99 rather than as errors (timeouts are still counted in socket errors).
    command = [
        "wrk",
        "-t2",
        "-c8",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "--latency",
        *(["-H", f"Cookie: {cookie}"] if cookie else []),
        f"http://{HOST}:{port}{path}",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "seconds": seconds,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p99": to_ms(re.search(r"\s99%\s+(\S+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
    }


def worker_rss_mb(master_pid):
    """Resident memory of each gunicorn worker (the master's children), in MB, from /proc."""
    sizes = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        if int(fields.get("PPid", "0").strip()) == master_pid:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sorted(sizes)


def misses(row):
    found = []
    if row["least_share"] is not None and row["share"] < row["least_share"]:
        found.append(f"share < {row['least_share']:.0%}")
    if row["least_share"] is not None and row["p99"] > P99_MS:
        found.append(f"p99 > {P99_MS} ms")
    if row["non_2xx"] or row["socket_errors"]:
        found.append("errors")
    return found


def combined(bursts):
    """Several wrk bursts on one URL as one: requests per second over them all, the worst p99."""
    seconds = sum(b["seconds"] for b in bursts)
    return {
        "rps": sum(b["rps"] * b["seconds"] for b in bursts) / seconds,
        "p99": max(b["p99"] for b in bursts),
        **{key: sum(b[key] for b in bursts) for key in ("requests", "non_2xx", "socket_errors")},
    }


def report(rows, sizes):
    lines = [
        f"wrk -t2 -c8 --timeout 10s, {SECONDS} s a page in {BURSTS} bursts alternating with as many on the bare "
        f"Django, against gunicorn ({WORKERS} workers, production settings, PostgreSQL), signed in as an officer "
        "except the visitor's pages:",
        "",
        "| Page | Requests/s | Bare Django beside it, requests/s | Share of bare Django | p99 latency ms | Requests "
        "| Non-2xx | Socket errors | Target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        target = "" if row["least_share"] is None else f"≥ {row['least_share']:.0%}, p99 < {P99_MS} ms: "
        target += ("MISSED: " + ", ".join(row["misses"])) if row["misses"] else ("ok" if target else "reference")
        lines.append(
            f"| {row['page']} | {row['rps']:,.1f} | {row['bare_rps']:,.1f} | {row['share']:.1%} | "
            f"{row['p99']:.1f} | {row['requests']} | {row['non_2xx']} | {row['socket_errors']} | {target} |"
        )
    lines += [
        "",
        "Gunicorn worker memory (RSS, MB): "
        + ", ".join(f"{size:.0f}" for size in sizes)
        + f" (target under {MOST_RSS_MB} MB)",
    ]
    return "\n".join(lines)


def load(label, path, least_share, cookie, *, port=PORT):
    """``path`` on the service (or the floor, on its port) and the bare Django's hello, in alternating bursts of
    the same length."""
    print(f"  wrk {SECONDS}s on {label} ({path}), alternating with the bare Django", flush=True)
    seconds = max(1, SECONDS // BURSTS)
    # One second first, not counted: a server that has been up a while has its cached pages and figures.
    run_wrk(path, cookie, port=port, seconds=1)
    page, bare = [], []
    for _ in range(BURSTS):
        bare.append(run_wrk(BARE[1], "", port=BARE_PORT, seconds=seconds))
        page.append(run_wrk(path, cookie, port=port, seconds=seconds))
    row = {"page": label, "path": path, "least_share": least_share, **combined(page)}
    row["bare_rps"] = combined(bare)["rps"]
    row["share"] = row["rps"] / row["bare_rps"]
    return row, bare


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: install it with `sudo apt-get install -y wrk` and run `make bench` again.")
    os.makedirs(RESULTS_DIR, exist_ok=True)
    env = server_environment()
    collect_static(env)
    empty_cache()
    bare = start_gunicorn(
        bare_environment(), app="django.core.wsgi:get_wsgi_application()", port=BARE_PORT, log_name="gunicorn-bare.log"
    )
    floor = start_gunicorn(
        {**env, "DJANGO_SETTINGS_MODULE": "bench.floor"}, port=FLOOR_PORT, log_name="gunicorn-floor.log"
    )
    try:
        server = start_gunicorn(env)
        try:
            cookie = sign_in()
            rows, bare_bursts = [], []
            for label, path, share, signed_in in [FLOOR, *TARGETS]:
                port = FLOOR_PORT if (label, path, share, signed_in) == FLOOR else PORT
                row, bursts = load(label, path, share, cookie if signed_in else "", port=port)
                rows.append(row)
                bare_bursts += bursts
            sizes = worker_rss_mb(server.pid)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    finally:
        for other in (bare, floor):
            other.send_signal(signal.SIGTERM)
            other.wait(timeout=30)
    reference = {"page": BARE[0], "path": BARE[1], "least_share": None, **combined(bare_bursts)}
    reference.update(bare_rps=reference["rps"], share=1.0)
    rows.insert(0, reference)
    for row in rows:
        row["misses"] = misses(row)
    text = report(rows, sizes)
    print()
    print(text)
    with open(os.path.join(RESULTS_DIR, "bench.md"), "a") as out:
        out.write("\n## Serving test\n\n" + text + "\n")
    with open(os.path.join(RESULTS_DIR, f"serve-scale-{SCALE}.json"), "w") as out:
        json.dump({"rows": rows, "rss_mb": sizes, "seconds": SECONDS, "workers": WORKERS}, out, indent=1)
    missed = [row["page"] for row in rows if row["misses"]]
    if max(sizes, default=0) > MOST_RSS_MB:
        print(f"A worker used more than {MOST_RSS_MB} MB.")
    if missed:
        print("Missed a target: " + ", ".join(missed))
    return 1 if any("errors" in row["misses"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
