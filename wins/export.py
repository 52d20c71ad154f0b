"""The wins library as CSV, safe to open in a spreadsheet."""

import csv
from itertools import groupby
from operator import itemgetter

from django.conf import settings
from django.urls import reverse

from .models import Win

HEADER = [
    "Title",
    "Happened on",
    "Factors",
    "Organisations involved",
    "Quick win",
    "People reached",
    "Difference made",
    "Link to the win",
]
# A spreadsheet runs a cell starting with one of these as a formula; a leading quote makes it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 2000


def safe_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


FIELDS = ("pk", "title", "happened_on", "is_quick_win", "people_reached", "difference_made")
PLACEHOLDER = 2147483647  # a win number no real win has; swapped for each win's own in its link


def win_row(pk, title, happened_on, is_quick_win, people_reached, difference_made, *, factors, organisations, link):
    return [
        safe_cell(title),
        happened_on.isoformat(),
        safe_cell("; ".join(factors)),
        safe_cell("; ".join(organisations)),
        "Yes" if is_quick_win else "No",
        "" if people_reached is None else str(people_reached),
        safe_cell(difference_made),
        link.replace(str(PLACEHOLDER), str(pk)),
    ]


class _Follower:
    """Walks rows of (happened on, win id, label) in the wins' order, newest first, handing over each win's labels.

    A win in one query but not the other (published while the download ran) is skipped, never misaligned.
    """

    def __init__(self, rows):
        self.groups = ((key, [label for *_, label in group]) for key, group in groupby(rows, key=itemgetter(0, 1)))
        self.current = next(self.groups, None)

    def labels_for(self, key):
        while self.current is not None and self.current[0] > key:
            self.current = next(self.groups, None)
        if self.current is None or self.current[0] != key:
            return []
        labels = self.current[1]
        self.current = next(self.groups, None)
        return labels


class _Echo:
    def write(self, value):
        return value


def csv_lines(wins):
    """The CSV, line by line: a byte-order mark so spreadsheets read it as UTF-8, the header, then a row a win.

    Three queries however many wins: the wins, their factors and their organisations, each read as a
    stream in the same order (newest first) and walked side by side, so even the whole library streams
    quickly and in little memory.
    """
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(HEADER)
    link = settings.SITE_URL.rstrip("/") + reverse("wins:win_detail", args=[PLACEHOLDER])
    wins = wins.order_by("-happened_on", "-id")
    chosen = wins.values("pk")
    in_order = ("-win__happened_on", "-win_id")
    factors = _Follower(
        (happened_on, win_id, f"{number}. {title}")
        for happened_on, win_id, number, title in Win.factors.through.objects.filter(win__in=chosen)
        .order_by(*in_order, "factor__number")
        .values_list("win__happened_on", "win_id", "factor__number", "factor__title")
        .iterator(chunk_size=CHUNK)
    )
    organisations = _Follower(
        Win.organisations.through.objects.filter(win__in=chosen)
        .order_by(*in_order, "organisation__name", "organisation_id")
        .values_list("win__happened_on", "win_id", "organisation__name")
        .iterator(chunk_size=CHUNK)
    )
    lines = []
    for row in wins.values_list(*FIELDS).iterator(chunk_size=CHUNK):
        key = (row[2], row[0])
        lines.append(
            writer.writerow(
                win_row(*row, factors=factors.labels_for(key), organisations=organisations.labels_for(key), link=link)
            )
        )
        if len(lines) == CHUNK:
            yield "".join(lines)
            lines = []
    yield "".join(lines)
