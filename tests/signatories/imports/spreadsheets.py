"""Build the files an officer would upload: CSV text in any encoding, and real .xlsx workbooks."""

import csv
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

ORGANISATION_HEADINGS = [
    "Name",
    "Sector",
    "Kind",
    "Charity number",
    "Company number",
    "Website",
    "Address",
    "Postcode",
    "Main email",
    "Signed on",
    "Signed by",
    "Signed by role",
]


def organisation(name="Riverside Food Bank", **overrides):
    row = {
        "Name": name,
        "Sector": "Voluntary and community",
        "Kind": "Charity",
        "Charity number": "",
        "Company number": "",
        "Website": "",
        "Address": "",
        "Postcode": "",
        "Main email": "",
        "Signed on": "",
        "Signed by": "",
        "Signed by role": "",
    }
    row.update(overrides)
    return row


def table(rows, headings=None):
    headings = headings or list(rows[0].keys())
    return [headings] + [[row.get(h, "") for h in headings] for row in rows]


def csv_bytes(lines, *, encoding="utf-8", delimiter=","):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(lines)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(lines, *, hidden_rows=(), merge=None):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for line in lines:
        sheet.append(line)
    for number in hidden_rows:
        sheet.row_dimensions[number].hidden = True
    if merge:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, data, name="register.csv", kind="organisations"):
    """Post a file to the upload page as the officer's browser would."""
    return client.post(reverse("signatories:import_upload", args=[kind]), {"file": SimpleUploadedFile(name, data)})


def preview_of(client, data, name="register.csv", kind="organisations"):
    """Upload a file and open its preview page."""
    response = upload(client, data, name, kind)
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])


def confirm(client, preview_response):
    run = preview_response.context["run"]
    return client.post(reverse("signatories:import_confirm", args=[run.public_id]))


def problems(preview_response):
    """Every problem the preview lists, as the officer reads it."""
    return [
        f"Row {row.number}: {problem}" for row in preview_response.context["preview"].errors for problem in row.errors
    ]
