"""Time importing a 5,000-organisation register (XLSX) into the seeded bench database, and the memory it takes.

The officer's two waits are measured through Django's test client, as a worker would serve them:
uploading the file and seeing its preview (the file read, every row matched against the register, the
page drawn), and confirming it (every row written with its history in one transaction). A fifth of the
rows match organisations the seed made (half of those change), the rest are new. Everything the import
writes is rolled back at the end, so the bench database is left as the seed made it. The results are
added to ``bench-results/bench.md``.
"""

import io
import os
import resource
import sys
import time

from bench import DATABASE_NAME, OFFICER_USERNAME, RESULTS_DIR, setup_django

ROWS = 5_000
PREVIEW_SECONDS = 5
APPLY_SECONDS = 10
MOST_RSS_MB = 300


def register_file():
    """A 5,000-row organisations workbook in the template's shape."""
    import openpyxl

    from signatories.imports.sheets import sheet_for
    from signatories.models import Organisation

    existing = list(Organisation.objects.order_by("pk").values_list("name", "charity_number")[: ROWS // 5])
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Organisations")
    sheet.append([column.heading for column in sheet_for("organisations").columns])
    for n in range(ROWS):
        if n < len(existing):
            name, charity = existing[n]
            website = f"https://changed-{n}.example.org" if n % 2 else ""
        else:
            name, charity, website = (
                f"Imported Community Group {n:05d}",
                f"{3000000 + n}",
                f"https://group-{n}.example.org",
            )
        sheet.append(
            [
                name,
                "Voluntary and community",
                "Charity",
                charity,
                "",
                website,
                f"{n} High Street, Northbrook",
                "NB1 2AB",
                f"info{n}@example.org",
                "03/03/2025",
                f"Signer {n}",
                "Chair of Trustees",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    setup_django()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection, transaction
    from django.test import Client

    from signatories.models import ImportRun, Organisation

    assert settings.DATABASES["default"]["NAME"] == DATABASE_NAME, "measure only the bench database"
    client = Client()
    client.force_login(User.objects.get(username=OFFICER_USERNAME))
    data = register_file()
    before_mb = rss_mb()
    print(
        f"Importing {ROWS:,} organisations ({len(data) / 1024:,.0f} KB XLSX) on {connection.vendor}, "
        f"{Organisation.objects.count():,} already on the register",
        flush=True,
    )
    with transaction.atomic():
        started, cpu = time.perf_counter(), time.process_time()
        response = client.post("/register/import/organisations/", {"file": SimpleUploadedFile("register.xlsx", data)})
        assert response.status_code == 302, response.content[:2000]
        page = client.get(response["Location"])
        page_kb = len(page.content) / 1024
        preview_s, preview_cpu = time.perf_counter() - started, time.process_time() - cpu
        assert page.status_code == 200 and b"Confirm and import" in page.content, page.content[:3000]
        run = ImportRun.objects.get(public_id=response["Location"].rstrip("/").rsplit("/", 1)[1])

        started, cpu = time.perf_counter(), time.process_time()
        confirmed = client.post(f"/register/imports/{run.public_id}/confirm/")
        apply_s, apply_cpu = time.perf_counter() - started, time.process_time() - cpu
        assert confirmed.status_code == 302
        run.refresh_from_db()
        assert run.status == "applied", "the import was not applied"
        counts = {"new": run.new_count, "changed": run.changed_count, "unchanged": run.unchanged_count}
        transaction.set_rollback(True)
    peak_mb = rss_mb()
    rows = [
        (
            f"Upload and preview (a {page_kb:,.0f} KB page)",
            f"{preview_s:.2f}",
            f"{preview_cpu:.2f}",
            f"{PREVIEW_SECONDS}",
            "ok" if preview_s < PREVIEW_SECONDS else "MISSED",
        ),
        (
            "Confirm (apply)",
            f"{apply_s:.2f}",
            f"{apply_cpu:.2f}",
            f"{APPLY_SECONDS}",
            "ok" if apply_s < APPLY_SECONDS else "MISSED",
        ),
    ]
    lines = [
        f"{ROWS:,}-organisation XLSX ({len(data) / 1024:,.0f} KB): {counts['new']:,} new, "
        f"{counts['changed']:,} changed, {counts['unchanged']:,} unchanged, on {connection.vendor}.",
        "",
        "| Step | Seconds | of which this process's CPU s | Target s | Result |",
        "|---|---:|---:|---:|---|",
    ]
    lines += [f"| {label} | {seconds} | {cpu} | {target} | {result} |" for label, seconds, cpu, target, result in rows]
    lines += [
        "",
        f"Peak memory of the process (RSS): {peak_mb:.0f} MB, {before_mb:.0f} MB before the import "
        f"(target under {MOST_RSS_MB} MB). Machine load average while measuring: "
        f"{', '.join(f'{load:.1f}' for load in os.getloadavg())} on {os.cpu_count()} cores.",
    ]
    text = "\n".join(lines)
    print()
    print(text)
    os.makedirs(RESULTS_DIR, exist_ok=True)
    with open(os.path.join(RESULTS_DIR, "bench.md"), "a") as out:
        out.write("\n## Importing a register\n\n" + text + "\n")
    missed = preview_s >= PREVIEW_SECONDS or apply_s >= APPLY_SECONDS or peak_mb >= MOST_RSS_MB
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
