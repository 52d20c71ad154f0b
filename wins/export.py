"""The wins library as CSV, safe to open in a spreadsheet."""

import csv

from django.conf import settings
from django.urls import reverse

HEADER = [
    "Title", "Happened on", "Factors", "Organisations involved", "Quick win", "People reached", "Difference made",
    "Link to the win",
]
# A spreadsheet runs a cell starting with one of these as a formula; a leading quote makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 2000


def safe_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def win_row(win):
    link = settings.SITE_URL.rstrip("/") + reverse("wins:win_detail", args=[win.pk])
    return [
        safe_cell(win.title),
        win.happened_on.isoformat(),
        safe_cell("; ".join(f"{factor.number}. {factor.title}" for factor in win.factors.all())),
        safe_cell("; ".join(organisation.name for organisation in win.organisations.all())),
        "Yes" if win.is_quick_win else "No",
        "" if win.people_reached is None else str(win.people_reached),
        safe_cell(win.difference_made),
        link,
    ]


class _Echo:
    def write(self, value):
        return value


def csv_lines(wins):
    """The CSV, line by line: a byte-order mark so spreadsheets read it as UTF-8, the header, then a row a win.

    ``wins`` should prefetch factors and organisations; it is read in chunks, so a long list streams.
    """
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(HEADER)
    for win in wins.iterator(chunk_size=CHUNK):
        yield writer.writerow(win_row(win))
