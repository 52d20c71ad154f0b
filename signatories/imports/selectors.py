"""Reads for the import pages: what a file would do (the preview), the templates and the exports."""

import datetime
import io
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import Count, QuerySet
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .files import Table
from .models import ImportRun, ImportStatus
from .sheets import (
    CHANGED,
    CSV,
    ERROR,
    JSON,
    NEW,
    STATUS_ORDER,
    UNCHANGED,
    XLSX,
    Column,
    Note,
    Question,
    RowResult,
    Sheet,
    sheet_for,
)
from .validation import escape_formula

CONTENT_TYPES = {
    CSV: "text/csv; charset=utf-8",
    JSON: "application/json",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass
class Preview:
    """Everything the preview page shows about one uploaded file."""

    run: ImportRun
    sheet: Sheet
    problems: list[str] = field(default_factory=list)  # about the file as a whole
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (column index, heading) nobody has matched yet
    missing: list[Column] = field(default_factory=list)  # required columns the file lacks
    rows: list[RowResult] = field(default_factory=list)
    used: set[str] = field(default_factory=set)  # fields the file's columns already hold
    questions: list[Question] = field(default_factory=list)  # what only the officer can settle, not yet answered
    notes: list[Note] = field(default_factory=list)  # lists to see before confirming
    ignored: list[str] = field(default_factory=list)  # headings left out of the import
    row_word: str = "Row"

    @property
    def counts(self) -> dict[str, int]:
        counts = {NEW: 0, CHANGED: 0, UNCHANGED: 0, ERROR: 0}
        for row in self.rows:
            counts[row.status] += 1
        return counts

    @property
    def errors(self) -> list[RowResult]:
        return [row for row in self.rows if row.status == ERROR]

    @property
    def changed_rows(self) -> list[RowResult]:
        return [row for row in self.rows if row.status == CHANGED]

    @property
    def new_rows(self) -> list[RowResult]:
        return [row for row in self.rows if row.status == NEW]

    @property
    def warned_rows(self) -> list[RowResult]:
        """Rows that can be imported with a default the officer should check (a kind of "Other")."""
        return [row for row in self.rows if row.warnings and row.status != ERROR]

    @property
    def unchanged_rows(self) -> list[RowResult]:
        return [row for row in self.rows if row.status == UNCHANGED]

    @property
    def can_confirm(self) -> bool:
        counts = self.counts
        return (
            self.run.status == ImportStatus.PREVIEWED
            and not self.problems
            and not self.unknown
            and not self.missing
            and not self.questions
            and counts[ERROR] == 0
            and counts[NEW] + counts[CHANGED] > 0
        )


def preview(run: ImportRun) -> Preview:
    """Read the run's file, match every row to the register, and say what confirming would do."""
    sheet = sheet_for(run.kind)
    result = Preview(run=run, sheet=sheet)
    if run.status != ImportStatus.PREVIEWED:
        return result
    table = Table.from_json(run.table)
    result.row_word = table.row_word
    positions, result.unknown, result.missing, result.problems = sheet.layout(table.headings, run.columns)
    result.used, result.ignored = set(positions.values()), sheet.ignored
    if result.problems or result.unknown or result.missing:
        return result
    result.rows = sheet.read_rows(table, positions)
    sheet.answers = run.columns
    sheet.plan(result.rows)
    result.questions, result.notes = sheet.questions, sheet.notes
    result.rows.sort(key=lambda row: (STATUS_ORDER[row.status], row.number))
    return result


def run_for(public_id: uuid.UUID, user: User) -> ImportRun | None:
    """An officer's own upload (nobody else's), or None."""
    return ImportRun.objects.filter(public_id=public_id, uploaded_by=user).first()


def recent_imports(limit: int = 10) -> QuerySet[ImportRun]:
    return ImportRun.objects.filter(status=ImportStatus.APPLIED).select_related("uploaded_by")[:limit]


def import_counts() -> dict[str, int]:
    return dict(ImportRun.objects.values_list("status").annotate(n=Count("id")).order_by())


def spreadsheet(kind: str, *, rows: Iterable[Sequence[object]], file_format: str) -> bytes:
    """The sheet's headings and ``rows`` as CSV or XLSX bytes, every text cell safe from formula injection,
    or in a format of the sheet's own (JSON)."""
    import tablib

    sheet = sheet_for(kind)
    if file_format not in (CSV, XLSX):
        return sheet.write(rows, file_format)
    dataset = tablib.Dataset(headers=[column.heading for column in sheet.columns], title=sheet.title.capitalize())
    for row in rows:
        dataset.append([safe_cell(value, file_format) for value in row])
    if file_format == CSV:
        return ("\ufeff" + dataset.export("csv")).encode("utf-8")  # the BOM makes Excel read UTF-8
    buffer = io.BytesIO(dataset.export("xlsx"))
    return buffer.getvalue()


def safe_cell(value: object, file_format: str) -> object:
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y") if file_format == CSV else value
    if value is None:
        return ""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value) if file_format == XLSX else value
        return escape_formula(value)
    return value


def template(kind: str, file_format: str) -> bytes:
    """Headings and example rows: what an officer fills in."""
    return spreadsheet(kind, rows=sheet_for(kind).template_rows(), file_format=file_format)


def export(kind: str, file_format: str) -> bytes:
    """Every record of the kind, in the template's shape: importing it again changes nothing."""
    return spreadsheet(kind, rows=sheet_for(kind).export_rows(), file_format=file_format)
