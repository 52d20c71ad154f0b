"""Time the main pages against the seeded bench database with Django's test client.

Each page is requested a few times to warm up, then repeatedly; the table gives the median and 95th
percentile server time and the SQL queries per request, flags pages that miss the targets, and is
written to ``bench-results/bench.md``. The medians are kept per scale (``bench-results/scale-<n>.json``);
when runs at two scales are there, they are printed side by side.
"""

import json
import os
import statistics
import sys
import time

from bench import (
    API_KEY,
    CHAMPION_USERNAME,
    DATABASE_NAME,
    LSP_USERNAME,
    OFFICER_USERNAME,
    RESULTS_DIR,
    SCALE,
    empty_cache,
    setup_django,
)

MOST_QUERIES = 20
MEDIAN_MS = 100
P95_MS = 250
PDF_MS = 2000
OPENING_MS = 1000  # opening a round for every signatory: the target
# The API's list endpoints (issue #16): at most 10 queries and a 95th percentile under 100 ms.
API_QUERIES = 10
API_P95_MS = 100
# Counted as queries: statements that read or write data, not a transaction's BEGIN and COMMIT.
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")
RUNS = int(os.environ.get("BENCH_RUNS", "20"))
WARM_UPS = 2
MOST_GROWTH = 1.5  # from scale 1 to scale 10, a page's median may grow this much at most
PDF_RUNS = int(os.environ.get("BENCH_PDF_RUNS", "5"))
EXPORT_RUNS = int(os.environ.get("BENCH_EXPORT_RUNS", "2"))  # every published win: seconds each


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def pages():
    """(label, who, url, kind) for every page measured; kind is "page", "post" (a form sent, answered with a
    redirect), "pdf" or "export"."""
    from commitments.models import FundingDecision
    from compact_site.reporting.committees.models import Committee
    from compact_site.reporting.models import Report, ReportStatus
    from representation.models import Board, ReportBack
    from signatories.models import Champion
    from success_factors.models import Round, RoundStatus

    organisation = Champion.objects.get(user__username=CHAMPION_USERNAME).organisation_id
    draft = Report.objects.filter(status=ReportStatus.DRAFT).order_by("-id").first().pk
    published = Report.objects.filter(status=ReportStatus.PUBLISHED).order_by("-period_end").first().pk
    open_round = Round.objects.get(status=RoundStatus.OPEN).pk
    planned_round = Round.objects.get(status=RoundStatus.PLANNED).pk
    funding = FundingDecision.objects.filter(status="verified").order_by("-decided_on").first().pk
    board = Board.objects.order_by("pk").first().pk
    report_back = ReportBack.objects.order_by("-pk").first().pk
    committee = Committee.objects.exclude(kind="lsp").order_by("pk").first().pk
    return [
        ("Signed-in hello", "officer", "/bench/hello/", "page"),
        ("Dashboard (officer)", "officer", "/", "page"),
        ("Dashboard (champion)", "champion", "/", "page"),
        ("Dashboard (LSP member)", "lsp", "/", "page"),
        ("Organisation list", "officer", "/organisations/", "page"),
        ("Organisation detail", "officer", f"/organisations/{organisation}/", "page"),
        ("Partnership results", "lsp", "/results/", "page"),
        ("Factor page (3)", "lsp", "/factors/3/", "page"),
        ("Wins library", "champion", "/wins/", "page"),
        ("Wins library, search", "champion", "/wins/?q=volunteers+funding", "page"),
        # The cached pages as the first visitor after a change sees them (the cache emptied before each request).
        ("Dashboard (officer), after a change", "officer", "/", "fresh"),
        ("Wins library, after a change", "champion", "/wins/", "fresh"),
        ("Wins library, search, after a change", "champion", "/wins/?q=volunteers+funding", "fresh"),
        ("Partnership results, after a change", "lsp", "/results/", "fresh"),
        ("Report list", "lsp", "/reports/", "page"),
        ("Report preview (draft)", "officer", f"/reports/{draft}/", "page"),
        ("Draft figures counted again", "officer", f"/reports/{draft}/recount/", "recount"),
        ("Published report", "lsp", f"/reports/{published}/", "page"),
        ("Report CSV", "lsp", f"/reports/{published}/figures.csv", "page"),
        ("Report PDF", "lsp", f"/reports/{published}/report.pdf", "pdf"),
        ("Draft report PDF", "officer", f"/reports/{draft}/report.pdf", "pdf"),
        ("Wins export CSV (all wins)", "officer", "/wins/export.csv", "export"),
        ("Self-assessment round", "officer", f"/rounds/{open_round}/", "page"),
        ("Opening a round: who will be asked", "officer", f"/rounds/{planned_round}/open/", "page"),
        ("Opening a round (emails queued)", "officer", "/rounds/{planned}/open/", "open_round"),
        ("Commitments page", "lsp", "/commitments/", "page"),
        ("Commitments page (officer)", "officer", "/commitments/", "page"),
        ("Commitments, last financial year", "lsp", "/commitments/?period=financial-year", "page"),
        ("Consultations", "lsp", "/consultations/", "page"),
        ("Funding decisions, not met", "officer", "/funding/?result=not_met", "page"),
        ("Funding decision", "lsp", f"/funding/{funding}/", "page"),
        # The sector's seats; "Published report" above carries their Representation section.
        ("Boards", "lsp", "/representation/", "page"),
        ("Boards (officer, with terms ending)", "officer", "/representation/", "page"),
        ("A board", "lsp", f"/representation/boards/{board}/", "page"),
        ("Report-backs", "lsp", "/representation/report-backs/", "page"),
        ("A report-back", "lsp", f"/representation/report-backs/{report_back}/", "page"),
        # Pledges and committees (issue #25)
        ("Pledges summary", "lsp", "/pledges/", "page"),
        ("Pledges summary (champion)", "champion", "/pledges/", "page"),
        ("Factor page (6, with pledges)", "lsp", "/factors/6/", "page"),
        ("Committees", "lsp", "/committees/", "page"),
        ("A committee", "lsp", f"/committees/{committee}/", "page"),
        ("Recommendations, overdue", "officer", "/recommendations/?state=overdue", "page"),
        # The public site, for a visitor who is not signed in: worked out afresh, then from the cache.
        ("Public home (visitor, fresh)", "visitor", "/", "fresh"),
        ("Public register (visitor, fresh)", "visitor", "/public/register/", "fresh"),
        ("Public register (visitor, cached)", "visitor", "/public/register/", "page"),
        ("Public wins (visitor, fresh)", "visitor", "/public/wins/", "fresh"),
        ("Public commitments (visitor, fresh)", "visitor", "/public/commitments/", "fresh"),
        ("Public seats on boards (visitor, fresh)", "visitor", "/public/boards/", "fresh"),
        ("Public committees (visitor, fresh)", "visitor", "/public/committees/", "fresh"),
        ("Open data: register CSV (fresh)", "visitor", "/open-data/register.csv", "fresh"),
        # The read-only API, with a key, a page of 50 (the default) and of 200 (the most)
        *[
            (f"API {name}", "api", f"/api/v1/{name}", "api")
            for name in (
                "organisations",
                "champions",
                "rounds",
                "wins",
                "actions",
                "reports",
                "commitments",
                "boards",
                "pledges",
                "recommendations",
            )
        ],
        ("API wins, 200 a page", "api", "/api/v1/wins?limit=200", "api"),
        ("API wins, a date range", "api", "/api/v1/wins?date_from=2025-01-01&date_to=2025-12-31", "api"),
    ]


def clients():
    from django.contrib.auth.models import User
    from django.test import Client

    result = {}
    for key, username in (("officer", OFFICER_USERNAME), ("champion", CHAMPION_USERNAME), ("lsp", LSP_USERNAME)):
        client = Client()
        client.force_login(User.objects.get(username=username))
        result[key] = client
    result["visitor"] = Client()
    result["api"] = Client(headers={"Authorization": f"Bearer {API_KEY}"})
    return result


def fetch(client, url, *, post=False):
    """One request, the body read to the end (streamed exports too).

    Returns (status, seconds, seconds to the first bytes, queries, bytes, this process's CPU seconds).
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        cpu = time.process_time()
        started = time.perf_counter()
        response = client.post(url) if post else client.get(url)
        first = None
        if response.streaming:
            size = 0
            for chunk in response.streaming_content:
                first = first or time.perf_counter() - started
                size += len(chunk)
        else:
            size = len(response.content)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu
    statements = [q for q in queries.captured_queries if not q["sql"].upper().startswith(TRANSACTION_CONTROL)]
    return response.status_code, elapsed, first or elapsed, len(statements), size, cpu


# The same fixed piece of work, timed beside every run of every page: how fast the machine is at that moment.
# Machines here are shared and their speed drifts by half between runs minutes apart, so the growth from one
# scale to another is worked out on each page's median as a multiple of this reference timed beside it.
_REFERENCE_DATA = {str(number): [number, str(number) * 3, {"n": number}] for number in range(1000)}


def reference():
    """Milliseconds for a fixed piece of Python work (about 1 ms): a dict built, dumped to JSON and read back."""
    started = time.perf_counter()
    json.loads(json.dumps({key: list(value) for key, value in _REFERENCE_DATA.items()}))
    return (time.perf_counter() - started) * 1000


OPENING_RUNS = int(os.environ.get("BENCH_OPENING_RUNS", "5"))


def measure_opening(label, client, url):
    """Open a fresh planned round each run (a round opens once), for every signatory's champions. The request
    writes one pending notice per organisation and hands one task to the queue; the task (not measured here,
    and not run unless a worker is listening) writes the emails to the outbox. The rounds and any messages are
    deleted afterwards, so the other pages see the seeded data."""
    import datetime

    from django.utils import timezone

    from notifications.models import OutgoingMessage
    from success_factors.models import Round, RoundNotice
    from success_factors.rounds.selectors import champions_to_ask

    compact = Round.objects.get(status="open").compact
    today = timezone.localdate()
    made, times, cpus, counts = [], [], [], set()
    first_message = OutgoingMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    try:
        for run in range(OPENING_RUNS + 1):
            year = 2200 + run
            round_ = Round.objects.create(
                compact=compact,
                year=f"{year}/{(year + 1) % 100:02d}",
                opens_on=today,
                deadline=today + datetime.timedelta(days=30),
            )
            made.append(round_.pk)
            status, elapsed, _, queries, size, cpu = fetch(client, url.format(planned=round_.pk), post=True)
            if status != 302:
                raise SystemExit(f"{label}: answered {status}")
            if run:  # the first is the warm-up
                times.append(elapsed * 1000)
                cpus.append(cpu * 1000)
                counts.add(queries)
        organisations = RoundNotice.objects.filter(round_id__in=made).count() // (OPENING_RUNS + 1)
        champions = champions_to_ask(compact=compact).count()
    finally:
        OutgoingMessage.objects.filter(pk__gt=first_message).delete()
        Round.objects.filter(pk__in=made).delete()
    row = {
        "page": f"{label}: {champions} champions of {organisations} organisations",
        "url": "/rounds/<new>/open/",
        "kind": "post",
        "runs": OPENING_RUNS,
        "median": statistics.median(times),
        "p95": percentile(times, 0.95),
        "first": statistics.median(times),
        "cpu": statistics.median(cpus),
        "queries": max(counts),
        "size": size,
        "seq_scans": [],
    }
    row["misses"] = [] if row["median"] < OPENING_MS else [f"median over {OPENING_MS} ms"]
    return row


def measure(label, client, url, kind):
    from django.core.cache import cache

    from compact_site.wsgi import set_aside_what_is_loaded

    if kind == "open_round":
        return measure_opening(label, client, url)
    runs = {
        "page": RUNS,
        "post": RUNS,
        "recount": RUNS,
        "pdf": PDF_RUNS,
        "export": EXPORT_RUNS,
        "fresh": RUNS,
        "api": RUNS,
    }[kind]
    warm_ups = {
        "page": WARM_UPS,
        "post": WARM_UPS,
        "recount": WARM_UPS,
        "pdf": 1,
        "export": 0,
        "fresh": WARM_UPS,
        "api": WARM_UPS,
    }[kind]
    post = kind in ("post", "recount")
    for _ in range(warm_ups):
        fetch(client, url, post=post)
    set_aside_what_is_loaded()  # as compact_site/wsgi.py does after each request in a server
    times, firsts, cpus, counts, references = [], [], [], set(), []
    for _ in range(runs):
        if kind == "fresh":
            cache.clear()  # the public page as its first visitor after a change sees it
        if kind == "export":
            # Downloaded from the library page, as people do: a whole-library export takes long enough (25 s at
            # scale 10) for the cached Compact to expire between runs, which would add queries.
            fetch(client, "/wins/")
        status, elapsed, first, queries, size, cpu = fetch(client, url, post=post)
        if status != (302 if post else 200):
            raise SystemExit(f"{label}: {url} answered {status}")
        references.append(reference())
        times.append(elapsed * 1000)
        firsts.append(first * 1000)
        cpus.append(cpu * 1000)
        counts.add(queries)
    row = {
        "page": label,
        "url": url,
        "kind": kind,
        "runs": runs,
        "median": statistics.median(times),
        "p95": percentile(times, 0.95),
        "first": statistics.median(firsts),
        "cpu": statistics.median(cpus),
        "queries": max(counts),
        "size": size,
        "reference": statistics.median(references),
    }
    row["seq_scans"] = sequential_scans(client, url) if kind == "page" else []
    row["misses"] = misses(row)
    return row


# Tables that grow with the area: a page that reads one of them without an index slows as the area grows.
LARGE_TABLES = (
    "wins_win",
    "wins_win_factors",
    "wins_win_organisations",
    "success_factors_rating",
    "success_factors_factorscore",
    "success_factors_assessment",
    "signatories_organisation",
    "signatories_signature",
    "signatories_champion",
    "auth_user",
)


def sequential_scans(client, url):
    """EXPLAIN each SELECT one request makes; the large tables any of them reads without an index."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    found = set()
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            if not query["sql"].upper().startswith("SELECT"):
                continue
            cursor.execute("EXPLAIN " + query["sql"])
            for (line,) in cursor.fetchall():
                for table in LARGE_TABLES:
                    if f"Seq Scan on {table} " in line + " ":
                        found.add(table)
    return sorted(found)


def misses(row):
    found = []
    if row["queries"] > MOST_QUERIES:
        found.append(f"queries > {MOST_QUERIES}")
    if row["kind"] == "pdf":
        if row["median"] > PDF_MS:
            found.append(f"PDF > {PDF_MS / 1000:g} s")
        return found
    if row["kind"] == "export":
        # Every win in the library is a download, not a page: it must start at once and stream, whatever
        # its size (the table shows the whole download's time too).
        if row["first"] > MEDIAN_MS:
            found.append(f"first bytes > {MEDIAN_MS} ms")
        return found
    if row["kind"] == "api":
        if row["queries"] > API_QUERIES:
            found.append(f"queries > {API_QUERIES}")
        if row["p95"] > API_P95_MS:
            found.append(f"p95 > {API_P95_MS} ms")
    if row["median"] > MEDIAN_MS:
        found.append(f"median > {MEDIAN_MS} ms")
    if row["p95"] > P95_MS:
        found.append(f"p95 > {P95_MS} ms")
    return found


def table(rows):
    header = (
        "Page",
        "URL",
        "Runs",
        "Median ms",
        "p95 ms",
        "First bytes ms",
        "Python CPU ms",
        "Queries",
        "KB",
        "Target",
    )
    lines = [
        (
            r["page"],
            r["url"],
            str(r["runs"]),
            f"{r['median']:.1f}",
            f"{r['p95']:.1f}",
            f"{r['first']:.1f}",
            f"{r['cpu']:.1f}",
            str(r["queries"]),
            f"{r['size'] / 1024:,.0f}",
            "MISSED: " + ", ".join(r["misses"]) if r["misses"] else "ok",
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    numeric = {2, 3, 4, 5, 6, 7, 8}

    def fmt(cells):
        return (
            "| "
            + " | ".join(
                cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i]) for i, cell in enumerate(cells)
            )
            + " |"
        )

    rule = "|" + "|".join(("-" * (w + 1) + ":") if i in numeric else "-" * (w + 2) for i, w in enumerate(widths)) + "|"
    return "\n".join([fmt(header), rule, *(fmt(line) for line in lines)])


def counts():
    from commitments.models import Consultation, FundingDecision
    from compact_site.reporting.models import Report
    from signatories.models import Champion, Organisation
    from success_factors.models import Action, Assessment, Rating
    from wins.models import Win

    return ", ".join(
        f"{model.objects.count():,} {name}"
        for name, model in (
            ("organisations", Organisation),
            ("champions", Champion),
            ("wins", Win),
            ("assessments", Assessment),
            ("ratings", Rating),
            ("actions", Action),
            ("consultations", Consultation),
            ("funding decisions", FundingDecision),
            ("reports", Report),
        )
    )


def cpu_text(row):
    return f"{row['cpu']:.1f}" if "cpu" in row else "–"  # runs before the CPU time was recorded


# Work that is done once after a change and counts what changed across the whole area: a cached page worked out
# afresh, a recount asked for. Its cost grows with the area by nature; the growth table shows it apart from the
# pages as people are served them, which must not grow.
AFTER_A_CHANGE = ("fresh", "recount")


def growth_table(smaller, larger):
    """Two runs' medians and query counts side by side, with the growth and whether it is within bounds."""
    before = {row["page"]: row for row in smaller["rows"]}
    lines = [
        f"| Page | Median ms, scale {smaller['scale']} | Median ms, scale {larger['scale']} | Growth | "
        f"Python CPU ms, scale {smaller['scale']} | Python CPU ms, scale {larger['scale']} | "
        f"Queries, scale {smaller['scale']} | Queries, scale {larger['scale']} | Target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    afresh = []
    for row in larger["rows"]:
        old = before.get(row["page"])
        if old is None:
            continue
        # An export's whole download grows with the data by nature; it is judged by its first bytes.
        key = "first" if row["kind"] == "export" else "median"
        growth = row[key] / old[key]
        if "reference" in row and "reference" in old:  # the machine's speed at each moment allowed for
            growth *= old["reference"] / row["reference"]
        found = []
        if growth > MOST_GROWTH and row["kind"] not in AFTER_A_CHANGE:
            found.append(f"grew > {MOST_GROWTH}×")
        if row["queries"] != old["queries"]:
            found.append("query count changed")
        verdict = (
            "MISSED: " + ", ".join(found)
            if found
            else ("once after a change" if row["kind"] in AFTER_A_CHANGE else "ok")
        )
        line = (
            f"| {row['page']}{' (first bytes)' if key == 'first' else ''} | {old[key]:.1f} | {row[key]:.1f} | "
            f"{growth:.2f}× | {cpu_text(old)} | {cpu_text(row)} | {old['queries']} | {row['queries']} | {verdict} |"
        )
        (afresh if row["kind"] in AFTER_A_CHANGE else lines).append(line)
    if afresh:
        lines += [
            "",
            "Once after a change (a cached page worked out again, a recount): the same columns.",
            "",
            *lines[:2],
            *afresh,
        ]
    references = [[r["reference"] for r in run["rows"] if "reference" in r] for run in (smaller, larger)]
    if all(references):
        lines += [
            "",
            "*Growth* allows for the machine's speed at each moment: it compares each median as a multiple "
            "of a fixed piece of Python work timed after each of its runs (`bench.measure.reference`; "
            f"median {statistics.median(references[0]):.2f} ms in the scale {smaller['scale']} run, "
            f"{statistics.median(references[1]):.2f} ms in the scale {larger['scale']} run).",
        ]
    return "\n".join(lines)


def save_and_compare(rows, data):
    """Keep this run's medians for its scale; print them beside the other scale's if there is one."""
    with open(os.path.join(RESULTS_DIR, f"scale-{SCALE}.json"), "w") as out:
        json.dump({"scale": SCALE, "data": data, "rows": rows}, out, indent=1)
    runs = {}
    for name in os.listdir(RESULTS_DIR):
        if name.startswith("scale-") and name.endswith(".json"):
            with open(os.path.join(RESULTS_DIR, name)) as kept:
                run = json.load(kept)
            runs[run["scale"]] = run
    if len(runs) < 2:
        return None
    smallest, largest = min(runs), max(runs)
    text = (
        f"Scale {smallest} ({runs[smallest]['data']}) against scale {largest} ({runs[largest]['data']}):\n\n"
        + growth_table(runs[smallest], runs[largest])
    )
    print("\n" + text)
    return text


def main():
    setup_django(settings="bench.settings")
    from django.conf import settings
    from django.db import connection

    assert settings.DATABASES["default"]["NAME"] == DATABASE_NAME, "measure only the bench database"
    empty_cache()
    print(f"Measuring pages on {connection.vendor} ({counts()}); DEBUG={settings.DEBUG}", flush=True)
    sessions = clients()
    rows = []
    for label, who, url, kind in pages():
        rows.append(measure(label, sessions[who], url, kind))
        print(f"  {label:<28} median {rows[-1]['median']:8.1f} ms  queries {rows[-1]['queries']}", flush=True)
    text = table(rows)
    scans = [f"{r['page']}: {', '.join(r['seq_scans'])}" for r in rows if r["seq_scans"]]
    text += "\n\nLarge tables read without an index (EXPLAIN of every SELECT of each page): " + (
        "; ".join(scans) if scans else "none."
    )
    print()
    print(text)
    missed = [r for r in rows if r["misses"]]
    print(
        f"\n{len(missed)} of {len(rows)} pages missed a target"
        + (": " + ", ".join(r["page"] for r in missed) if missed else ".")
    )
    os.makedirs(RESULTS_DIR, exist_ok=True)
    with open(os.path.join(RESULTS_DIR, "bench.md"), "w") as out:
        out.write(
            f"# Page timings\n\nData: {counts()}.\n\nTargets: at most {MOST_QUERIES} queries, median under "
            f"{MEDIAN_MS} ms, 95th percentile under {P95_MS} ms, a PDF under {PDF_MS / 1000:g} s; the "
            f"whole-library export's first bytes under {MEDIAN_MS} ms.\n\n"
        )
        out.write(text + "\n")
        growth = save_and_compare(rows, counts())
        if growth:
            out.write("\n## From one scale to another\n\n" + growth + "\n")
    print(f"Written to {os.path.join(RESULTS_DIR, 'bench.md')}")
    return rows


if __name__ == "__main__":
    main()
    sys.exit(0)
