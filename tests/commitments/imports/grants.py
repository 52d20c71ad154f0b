"""360Giving files as a council publishes them: JSON packages, and CSV or Excel with the standard's titles."""

import json

from tests.signatories.imports.spreadsheets import csv_bytes, xlsx_bytes

COUNCIL = "Anytown Borough Council"


def grant(number=1, **overrides):
    """One grant as a 360Giving JSON package holds it."""
    data = {
        "id": f"360G-anytown-{number:04d}",
        "title": f"Grant {number}",
        "description": "Help for the community",
        "currency": "GBP",
        "amountAwarded": 10000 + number,
        "awardDate": "2026-01-15",
        "plannedDates": [{"startDate": "2026-04-01", "endDate": "2029-03-31"}],
        "recipientOrganization": [
            {
                "id": f"GB-CHC-{1100000 + number}",
                "name": f"Anytown Group {number}",
                "charityNumber": f"{1100000 + number}",
            }
        ],
        "fundingOrganization": [{"id": "GB-LAE-ANY", "name": COUNCIL}],
        "grantProgramme": [{"title": "Community Chest"}],
        "dateModified": "2026-01-20T10:00:00+00:00",
    }
    data.update(overrides)
    return data


def package(*grants):
    return json.dumps({"grants": list(grants)}).encode()


CSV_TITLES = [
    "Identifier",
    "Title",
    "Currency",
    "Amount Awarded",
    "Award Date",
    "Planned Dates:Start Date",
    "Planned Dates:End Date",
    "Recipient Org:Identifier",
    "Recipient Org:Name",
    "Recipient Org:Charity Number",
    "Recipient Org:Company Number",
    "Funding Org:Identifier",
    "Funding Org:Name",
    "Grant Programme:Title",
]


def csv_row(number=1, **overrides):
    row = {
        "Identifier": f"360G-anytown-{number:04d}",
        "Title": f"Grant {number}",
        "Currency": "GBP",
        "Amount Awarded": str(10000 + number),
        "Award Date": "15/01/2026",
        "Planned Dates:Start Date": "01/04/2026",
        "Planned Dates:End Date": "31/03/2029",
        "Recipient Org:Identifier": f"GB-CHC-{1100000 + number}",
        "Recipient Org:Name": f"Anytown Group {number}",
        "Recipient Org:Charity Number": str(1100000 + number),
        "Recipient Org:Company Number": "",
        "Funding Org:Identifier": "GB-LAE-ANY",
        "Funding Org:Name": COUNCIL,
        "Grant Programme:Title": "Community Chest",
    }
    row.update(overrides)
    return row


def sheet_lines(rows):
    headings = list(rows[0].keys())
    return [headings] + [[row.get(heading, "") for heading in headings] for row in rows]


def grants_csv(*rows):
    return csv_bytes(sheet_lines(list(rows)))


def grants_xlsx(*rows):
    return xlsx_bytes(sheet_lines(list(rows)))
