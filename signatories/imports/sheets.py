"""What each kind of import reads: its columns, how a row's cells are checked, and what a preview holds.

A ``Sheet`` knows its columns (heading, synonyms, the rule for a cell) and, in ``matching.py`` or a higher
app, how its rows are matched to the records they would create or change and how they are applied.
Higher apps add their own sheets with ``register`` (success_factors adds the scorecard of past rounds),
so this layer never imports them.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from openpyxl.utils import get_column_letter

from .files import Table, read_table
from .validation import CellError, squash

NEW, CHANGED, UNCHANGED, ERROR = "new", "changed", "unchanged", "error"
CSV, XLSX, JSON = "csv", "xlsx", "json"
FORMAT_LABELS = {XLSX: "Excel", CSV: "CSV", JSON: "JSON"}
STATUS_ORDER = {ERROR: 0, CHANGED: 1, NEW: 2, UNCHANGED: 3}
IGNORE = "ignore"


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    clean: object
    synonyms: tuple = ()
    required: bool = False
    example: object = ""
    hint: str = ""


@dataclass
class Problem:
    """One reason a row cannot be imported, tied to a cell where there is one."""

    message: str
    cell: str = ""
    heading: str = ""

    def __str__(self):
        where = f"{self.heading} (cell {self.cell})" if self.cell else self.heading
        return f"{where} {self.message}".strip()


@dataclass
class Question:
    """Something only the officer can settle before a file is imported (which organisation a name means).

    The answer is kept with the upload (``ImportRun.columns``, under ``key``), and the sheet reads it the next
    time it plans the rows.
    """

    key: str
    label: str
    choices: list
    hint: str = ""


@dataclass
class Note:
    """A list the officer should see in the preview before confirming (organisations that will be added)."""

    title: str
    items: list


@dataclass
class Change:
    label: str
    old: object
    new: object


@dataclass
class RowResult:
    number: int
    values: dict
    cells: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    status: str = NEW
    target: object = None
    label: str = ""
    notes: list = field(default_factory=list)  # values the import filled in from what the row says
    warnings: list = field(default_factory=list)  # defaults the officer should check; they do not stop the import

    def error(self, message, key=None, headings=None):
        """Add a problem, about the cell of column ``key`` if given."""
        heading = (headings or {}).get(key, "") if key in self.cells else ""
        self.errors.append(Problem(message, self.cells.get(key, ""), heading))
        self.status = ERROR

    def note(self, message):
        """Say what the import filled in from the row itself (a kind inferred from a charity number)."""
        self.notes.append(message)

    def warn(self, message):
        """Say what the import filled in with a default, for the officer to check; the row can still be imported."""
        self.warnings.append(message)


class Sheet:
    """One kind of import. Subclasses give ``kind``, ``title``, ``columns`` and ``plan``/``apply``."""

    kind = ""
    title = ""
    columns: tuple[Column, ...] = ()
    identity = ""  # how rows find existing records, for the upload page
    done_url = ""  # the page that shows what an applied import added, when not the register
    fills_in = False  # whether rows may take values the file leaves out (the preview then shows what it filled in)
    filename = "import"
    file_formats: tuple[str, ...] = (XLSX, CSV)  # of the template and the export, in the order offered
    accept = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    file_hint = "A CSV file or an Excel workbook (.xlsx)."
    ignore_unknown = False  # True: columns we do not recognise are listed and left out, not asked about
    already_there = "already on the register"
    upload_intro = ""  # a sentence for the upload page, before the template

    def __init__(self) -> None:
        self.answers: dict = {}  # the officer's answers to this sheet's questions, by question key
        self.questions: list[Question] = []
        self.notes: list[Note] = []
        self.ignored: list[str] = []
        self.row_word = "Row"
        self.by_key = {column.key: column for column in self.columns}
        self.lookup = {}
        for column in self.columns:
            for word in (column.key, column.heading, *column.synonyms):
                self.lookup[squash(word)] = column.key

    @property
    def max_bytes(self) -> int:
        """The largest file this kind of import takes."""
        return settings.IMPORT_MAX_BYTES

    def read(self, data: bytes) -> Table:
        """The headings and rows of an uploaded file; raises ``FileProblem`` with a message if it cannot be used."""
        return read_table(data)

    def format_labels(self):
        return [(file_format, FORMAT_LABELS[file_format]) for file_format in self.file_formats]

    def template_rows(self):
        """The rows of the template an officer fills in: one example."""
        return [[column.example for column in self.columns]]

    def write(self, rows, file_format: str) -> bytes:
        """``rows`` in a format of the sheet's own (not CSV or Excel, which every sheet shares)."""
        raise NotImplementedError

    def headings_of(self):
        return {column.key: column.heading for column in self.columns}

    def layout(self, headings, chosen):
        """Which column of the file is which field: ``(positions, unknown headings, missing columns, problems)``."""
        positions, unknown, problems, seen_at = {}, [], [], {}
        for index, heading in enumerate(headings):
            if not heading:
                continue
            key = chosen.get(str(index)) or self.lookup.get(squash(heading))
            if key == IGNORE:
                continue
            if key not in self.by_key:
                if self.ignore_unknown:
                    self.ignored.append(heading)
                else:
                    unknown.append((index, heading))
                continue
            if key in seen_at:
                problems.append(
                    f"Columns {get_column_letter(seen_at[key] + 1)} and {get_column_letter(index + 1)} are both "
                    f"{self.by_key[key].heading}: keep one of them"
                )
                continue
            seen_at[key] = index
            positions[index] = key
        found = set(positions.values())
        missing = [column for column in self.columns if column.required and column.key not in found]
        return positions, unknown, missing, problems

    def read_rows(self, table, positions):
        """Each row's cells cleaned by their column's rule; a cell that breaks a rule becomes a problem."""
        headings = self.headings_of()
        letters = {index: get_column_letter(index + 1) for index in positions}
        self.row_word = table.row_word
        named = table.row_word == "Row"  # a spreadsheet's cells have names like C2; a JSON file's do not
        results = []
        for row in table.rows:
            result = RowResult(number=row.number, values={})
            for index, key in positions.items():
                result.cells[key] = f"{letters[index]}{row.number}" if named else ""
                raw = row.cells[index] if index < len(row.cells) else None
                try:
                    result.values[key] = self.by_key[key].clean(raw)
                except CellError as error:
                    result.error(str(error), key, headings)
            for column in self.columns:
                if column.required and column.key in result.values and result.values[column.key] in ("", None):
                    result.error(f"is empty: {column.hint or 'enter a value'}", column.key, headings)
            if row.hidden:
                result.error(
                    f"Row {row.number} is hidden in the spreadsheet: unhide it (or delete it) so you can see "
                    "everything you are importing"
                )
            results.append(result)
        return results

    def plan(self, rows):
        """Match each row to what it would create or change: sets status, target, label and changes."""
        raise NotImplementedError

    def apply(self, rows, *, by, reason):
        """Write the rows' changes (inside the caller's transaction), each with a history record."""
        raise NotImplementedError

    def export_rows(self):
        """The records as rows in this sheet's column order, ready to import again."""
        raise NotImplementedError


def changes_between(record, values, fields, labels):
    """The fields whose value in the file differs from the record's; an empty cell changes nothing."""
    changes = []
    for name in fields:
        new = values.get(name)
        if new in ("", None):
            continue
        old = getattr(record, name)
        if old != new:
            changes.append(Change(labels[name], display(record, name, old), display(record, name, new)))
    return changes


def display(record, name, value):
    field_ = record._meta.get_field(name)
    if field_.choices:
        return dict(field_.flatchoices).get(value, value)
    if value in ("", None):
        return "(empty)"
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return value


def mark_duplicates(rows, key_of, what, word="Row"):
    """Rows of the file that look like the same record are all errors: nothing is merged quietly. ``word``: what
    the file's rows are called ("Grant" in a JSON file of grants)."""
    seen = {}
    for row in rows:
        if row.status == ERROR:
            continue
        for reason, key in key_of(row):
            if not key:
                continue
            first = seen.setdefault((reason, key), row)
            if first is not row:
                row.error(
                    f"{word} {row.number} looks like the same {what} as {word.lower()} {first.number} ({reason}): "
                    "keep one of them, or make them different"
                )
                first.error(
                    f"{word} {first.number} looks like the same {what} as {word.lower()} {row.number} ({reason}): "
                    "keep one of them, or make them different"
                )


def update_with_history(objs, model, fields, *, by, reason):
    """Save ``fields`` of many changed records, each with a history row saying who and why.

    Django's ``bulk_update`` builds a CASE over every row for each field, which takes seconds at thousands
    of rows; one UPDATE sent for each row by the driver (``executemany``) takes a fraction of that.
    """
    if not objs:
        return
    meta, quote = model._meta, connection.ops.quote_name
    columns = [meta.get_field(name) for name in fields]
    statement = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(meta.db_table), ", ".join(f"{quote(column.column)} = %s" for column in columns), quote(meta.pk.column)
    )
    params = [
        [column.get_db_prep_save(getattr(obj, column.attname), connection) for column in columns] + [obj.pk]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(statement, params)
    model.history.bulk_history_create(objs, batch_size=500, update=True, default_user=by, default_change_reason=reason)


SHEETS: dict[str, type[Sheet]] = {}


def register(sheet_class):
    """Make a kind of import available on the import pages (higher apps call this in their ``ready``)."""
    SHEETS[sheet_class.kind] = sheet_class
    return sheet_class


def sheet_for(kind: str) -> Sheet:
    return SHEETS[kind]()
