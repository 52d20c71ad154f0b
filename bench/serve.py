"""Serve the bench database with gunicorn in production mode and load it with wrk.

Signs in as an officer through the real login form, then runs ``wrk`` on the dashboard, the wins
library and a bare Django "hello" view in the same run; prints requests per second, p99 latency, the
ratio to the bare view, errors (which must be none) and the gunicorn workers' memory.
"""

import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse

from bench import DATABASE_URL, OFFICER_USERNAME, PASSWORD, RESULTS_DIR

HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "30"))
MOST_RSS_MB = 200
# (label, path, signed in?): the public register is loaded as a visitor who is not signed in, cached.
TARGETS = [
    ("Bare hello view", "/bench/hello/", True),
    ("Dashboard (officer)", "/", True),
    ("Wins library", "/wins/", True),
    ("Public register (visitor)", "/public/register/", False),
]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV_BIN = os.path.join(ROOT, ".venv", "bin")


def server_environment():
    env = dict(os.environ)
    env.update({
        "COMPACT_ENV": "production",
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": ROOT,
    })
    return env


def collect_static(env):
    """Production serves hashed static files from a manifest, so build it first."""
    subprocess.run([os.path.join(VENV_BIN, "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
                   cwd=ROOT, env=env, check=True)


def start_gunicorn(env):
    log = open(os.path.join(RESULTS_DIR, "gunicorn.log"), "w")
    process = subprocess.Popen(
        [os.path.join(VENV_BIN, "gunicorn"), "compact_site.wsgi", "--bind", f"{HOST}:{PORT}",
         "--workers", str(WORKERS), "--access-logfile", "-", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log,
    )
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection(HOST, PORT, timeout=2)
            connection.request("GET", "/bench/hello/")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            pass
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped; see {log.name}")
        time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn did not answer on {HOST}:{PORT}; see {log.name}")


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


def run_wrk(path, cookie=None):
    # wrk counts a response slower than --timeout as a socket error; 10 s, not its default 2 s, so a slow
    # page shows as a long p99 rather than as errors (timeouts are still counted in socket errors).
    command = ["wrk", "-t2", "-c8", f"-d{SECONDS}s", "--timeout", "10s", "--latency",
               *(["-H", f"Cookie: {cookie}"] if cookie else []), f"http://{HOST}:{PORT}{path}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
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


def report(results, sizes):
    hello = results[0][1]["rps"]
    lines = [
        f"wrk -t2 -c8 -d{SECONDS}s --timeout 10s against gunicorn ({WORKERS} workers, production settings, PostgreSQL), "
        "signed in as an officer (the public register as a visitor who is not):",
        "",
        "| Page | Requests/s | p99 latency ms | vs bare view | Requests | Non-2xx | Socket errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, row in results:
        lines.append(f"| {label} | {row['rps']:.1f} | {row['p99']:.1f} | {row['rps'] / hello:.2f} | "
                     f"{row['requests']} | {row['non_2xx']} | {row['socket_errors']} |")
    lines += ["", "Gunicorn worker memory (RSS, MB): " + ", ".join(f"{size:.0f}" for size in sizes)
              + f" (target under {MOST_RSS_MB} MB)"]
    return "\n".join(lines)


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: install it with `sudo apt-get install -y wrk` and run `make bench` again.")
    os.makedirs(RESULTS_DIR, exist_ok=True)
    env = server_environment()
    collect_static(env)
    server = start_gunicorn(env)
    try:
        cookie = sign_in()
        results = []
        for label, path, signed_in in TARGETS:
            print(f"  wrk {SECONDS}s on {label} ({path})", flush=True)
            results.append((label, run_wrk(path, cookie if signed_in else None)))
        sizes = worker_rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    text = report(results, sizes)
    print()
    print(text)
    with open(os.path.join(RESULTS_DIR, "bench.md"), "a") as out:
        out.write("\n## Serving test\n\n" + text + "\n")
    failures = [label for label, row in results if row["non_2xx"] or row["socket_errors"]]
    public = dict(results)["Public register (visitor)"]["rps"] / results[0][1]["rps"]
    print(f"The public register reaches {public:.2f} of the bare view's throughput (target at least 0.50).")
    if max(sizes, default=0) > MOST_RSS_MB:
        print(f"A worker used more than {MOST_RSS_MB} MB.")
    if failures:
        print("Errors under load on: " + ", ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
