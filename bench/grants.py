"""Time importing a council's 5,000 grants from a 360Giving JSON file (about 10 MB) into the seeded bench
database, and the memory it takes.

As for the register (``bench/imports.py``), the officer's two waits are measured through Django's test
client: uploading the file and seeing its preview (the JSON read and flattened in the standard's titles,
every grant matched to its funder, its recipient and any decision already recorded, the page drawn), and
confirming it (every decision, new recipient and check written with its history in one transaction). A
fifth of the grants go to organisations the seed made, found by charity number; the rest to 1,000 new
organisations, five grants each. Everything is rolled back at the end, so the bench database is left as
the seed made it. The results are added to ``bench-results/bench.md``.
"""

import datetime
import json
import os
import resource
import sys
import time

from bench import DATABASE_NAME, OFFICER_USERNAME, RESULTS_DIR, setup_django

GRANTS = 5_000
PREVIEW_SECONDS = 5
APPLY_SECONDS = 10
MOST_RSS_MB = 300
PROGRAMMES = ["Community Chest", "Warm Spaces", "Youth Activities", "Health and Wellbeing", "Small Grants"]
WORDS = [
    "community",
    "local",
    "support",
    "people",
    "older",
    "young",
    "families",
    "advice",
    "food",
    "warm",
    "safe",
    "health",
    "wellbeing",
    "volunteers",
    "transport",
    "isolation",
    "carers",
    "access",
    "learning",
    "skills",
    "activities",
    "space",
    "project",
    "service",
]


def grants_file(*, funder, existing, grants=GRANTS):
    """A 360Giving JSON package of ``grants`` grants by ``funder`` (name, identifier), as councils publish them:
    recipients, planned dates, a programme, beneficiary locations and classifications the import leaves out."""
    rows = []
    for n in range(grants):
        if n % 5 == 0 and existing:
            name, charity = existing[(n // 5) % len(existing)]
            recipient = {"id": f"GB-CHC-{charity}", "name": name, "charityNumber": charity}
        else:
            number = 4_000_000 + n % 1_000
            recipient = {
                "id": f"GB-CHC-{number}",
                "name": f"Benchtown Community Group {number}",
                "charityNumber": str(number),
                "postalCode": "NB1 2AB",
                "streetAddress": f"{n % 200 + 1} High Street",
                "addressLocality": "Benchtown",
                "addressCountry": "United Kingdom",
                "description": " ".join(WORDS[(n + i) % len(WORDS)] for i in range(40)),
            }
        day = datetime.date(2025, 4, 1) + datetime.timedelta(days=n % 360)
        rows.append(
            {
                "id": f"360G-benchtown-{n:06d}",
                "title": f"{PROGRAMMES[n % 5]} grant {n}",
                "description": " ".join(WORDS[(n * 7 + i) % len(WORDS)] for i in range(60)),
                "currency": "GBP",
                "amountAwarded": 1_000 + (n * 37) % 90_000,
                "awardDate": day.isoformat(),
                "plannedDates": [{"startDate": day.isoformat(), "duration": 12 * (1 + n % 3)}],
                "recipientOrganization": [recipient],
                "fundingOrganization": [{"id": funder[1], "name": funder[0]}],
                "grantProgramme": [{"code": f"P{n % 5}", "title": PROGRAMMES[n % 5]}],
                "beneficiaryLocation": [
                    {"name": "Benchtown", "geoCode": "E08000999", "geoCodeType": "LAD", "countryCode": "GB"}
                ],
                "classifications": [{"vocabulary": "benchtown-themes", "code": f"T{n % 9}", "title": "Community"}],
                "dateModified": f"{day.isoformat()}T09:00:00+00:00",
                "dataSource": "https://benchtown.example.gov.uk/grants",
            }
        )
    return json.dumps({"grants": rows, "version": "1.4"}, indent=1).encode()


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_import(client, data, file_name):
    """Upload and preview, then confirm: seconds and CPU seconds of each, the preview page's size, and the run."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from signatories.models import ImportRun

    started, cpu = time.perf_counter(), time.process_time()
    response = client.post("/register/import/grants/", {"file": SimpleUploadedFile(file_name, data)})
    assert response.status_code == 302, response.content[:2000]
    page = client.get(response["Location"])
    preview = (time.perf_counter() - started, time.process_time() - cpu, len(page.content) / 1024)
    assert page.status_code == 200 and b"Confirm and import" in page.content, page.content[:3000]
    run = ImportRun.objects.get(public_id=response["Location"].rstrip("/").rsplit("/", 1)[1])
    started, cpu = time.perf_counter(), time.process_time()
    confirmed = client.post(f"/register/imports/{run.public_id}/confirm/")
    apply = (time.perf_counter() - started, time.process_time() - cpu)
    assert confirmed.status_code == 302
    run.refresh_from_db()
    assert run.status == "applied", "the import was not applied"
    return preview, apply, run


def funder_and_recipients():
    from signatories.models import Organisation, Sector
    from signatories.selectors import active_signatories, current_compact

    funder = active_signatories(compact=current_compact()).filter(sector=Sector.STATUTORY).order_by("pk").first()
    assert funder is not None, "the seed made no statutory signatory"
    existing = list(
        Organisation.objects.filter(sector=Sector.VOLUNTARY)
        .exclude(charity_number="")
        .order_by("pk")
        .values_list("name", "charity_number")[: GRANTS // 5]
    )
    return (funder.name, funder.identifier or "GB-LAE-BEN"), existing


def main():
    setup_django()
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.db import connection, transaction
    from django.test import Client

    assert settings.DATABASES["default"]["NAME"] == DATABASE_NAME, "measure only the bench database"
    client = Client()
    client.force_login(User.objects.get(username=OFFICER_USERNAME))
    funder, existing = funder_and_recipients()
    data = grants_file(funder=funder, existing=existing)
    before_mb = rss_mb()
    print(f"Importing {GRANTS:,} grants ({len(data) / 1024 / 1024:,.1f} MB of 360Giving JSON) on {connection.vendor}")
    with transaction.atomic():
        (preview_s, preview_cpu, page_kb), (apply_s, apply_cpu), run = time_import(client, data, "grants.json")
        counts = {"new": run.new_count, "changed": run.changed_count, "unchanged": run.unchanged_count}
        transaction.set_rollback(True)
    peak_mb = rss_mb()
    rows = [
        (f"Upload and preview (a {page_kb:,.0f} KB page)", preview_s, preview_cpu, PREVIEW_SECONDS),
        ("Confirm (apply)", apply_s, apply_cpu, APPLY_SECONDS),
    ]
    lines = [
        f"{GRANTS:,}-grant 360Giving JSON ({len(data) / 1024 / 1024:,.1f} MB): {counts['new']:,} new, "
        f"{counts['changed']:,} changed, {counts['unchanged']:,} unchanged, on {connection.vendor}.",
        "",
        "| Step | Seconds | of which this process's CPU s | Target s | Result |",
        "|---|---:|---:|---:|---|",
    ]
    lines += [
        f"| {label} | {seconds:.2f} | {cpu:.2f} | {target} | {'ok' if seconds < target else 'MISSED'} |"
        for label, seconds, cpu, target in rows
    ]
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
        out.write("\n## Importing 360Giving grants\n\n" + text + "\n")
    missed = preview_s >= PREVIEW_SECONDS or apply_s >= APPLY_SECONDS or peak_mb >= MOST_RSS_MB
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
