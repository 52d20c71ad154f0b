"""Reading an uploaded spreadsheet: CSV or Excel (.xlsx), recognised by its content, never by its name.

``read_table`` returns the headings and the rows of the first sheet, or raises ``FileProblem`` with a
message for the error summary. Nothing here touches the database.
"""

import csv
import datetime
import io
import math
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from django.conf import settings

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and other old Office files
# A real workbook unpacks to a few times its size; far more is a zip bomb.
MOST_UNPACKED_PER_PACKED = 100

NOT_A_SPREADSHEET = "The selected file must be a CSV file or an Excel workbook (.xlsx)"


class FileProblem(Exception):
    """The file as a whole cannot be read; the message says why and what to do."""


@dataclass
class Row:
    number: int  # as the spreadsheet numbers it: the headings are usually row 1
    cells: list
    hidden: bool = False


@dataclass
class Table:
    headings: list
    rows: list = field(default_factory=list)
    heading_row: int = 1
    merged: list = field(default_factory=list)
    row_word: str = "Row"  # what the file's rows are called: "Grant" for the grants of a JSON file

    def as_json(self):
        """What is kept between the preview and the confirmation: the cells as read, never re-read from the file."""
        return {
            "headings": self.headings,
            "heading_row": self.heading_row,
            "row_word": self.row_word,
            "rows": [[row.number, row.hidden, [json_cell(cell) for cell in row.cells]] for row in self.rows],
        }

    @classmethod
    def from_json(cls, data):
        rows = [Row(number=number, cells=cells, hidden=hidden) for number, hidden, cells in data.get("rows", [])]
        return cls(
            headings=data.get("headings", []),
            rows=rows,
            heading_row=data.get("heading_row", 1),
            row_word=data.get("row_word", "Row"),
        )


def json_cell(cell):
    """A cell as JSON keeps it: an Excel date as yyyy-mm-dd (which the date rule reads), the rest as it is."""
    if isinstance(cell, (datetime.datetime, datetime.date)):
        return cell.strftime("%Y-%m-%d")
    if isinstance(cell, datetime.time):
        return cell.isoformat()
    if isinstance(cell, float) and not math.isfinite(cell):
        return str(cell)
    return cell


def size_label(size):
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    if size >= 1024:
        return f"{size / 1024:g} KB"
    return f"{size} bytes"


def display_name(name):
    """The file's name from the person's computer, safe to show: no folders, no control characters."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()
    stem, ext = posixpath.splitext(name)
    return (stem[: 190 - len(ext)] + ext) if name else "spreadsheet"


def check_size(size, limit=None):
    """``limit``: the most bytes, when a kind of import takes larger files than ``IMPORT_MAX_BYTES``."""
    limit = limit or settings.IMPORT_MAX_BYTES
    if size == 0:
        raise FileProblem("The selected file is empty")
    if size > limit:
        raise FileProblem(f"The selected file must be smaller than {size_label(limit)}")


def read_table(data, limit=None):
    """The headings and non-blank rows of a CSV file or an .xlsx workbook's first sheet."""
    check_size(len(data), limit)
    table = read_spreadsheet(data)
    check_table(table)
    return table


def read_spreadsheet(data):
    """A CSV file or an .xlsx workbook's first sheet as read, before the checks every table must pass."""
    if data.startswith(ZIP):
        return read_xlsx(data)
    if data.startswith(OLE):
        raise FileProblem(
            "The selected file is an old Excel 97-2003 workbook (.xls): open it in Excel and save it as an "
            "Excel Workbook (.xlsx) or CSV, then upload that"
        )
    return read_csv(data)


def check_table(table):
    """What every table must be, however it was read: no merged cells, headings, rows, and not too many."""
    if table.merged:
        raise FileProblem(
            f"The selected file has merged cells ({', '.join(table.merged[:5])}): unmerge them so each row has "
            "its own values, then upload the file again"
        )
    if not table.headings:
        raise FileProblem("The selected file is empty: it has no headings and no rows")
    if not table.rows:
        raise FileProblem("The selected file has headings but no rows to import")
    if len(table.rows) > settings.IMPORT_MAX_ROWS:
        raise FileProblem(
            f"The selected file has {len(table.rows):,} rows; one import can take up to "
            f"{settings.IMPORT_MAX_ROWS:,}. Split it into smaller files"
        )


def decode(data):
    """UTF-8 (with or without the byte-order mark Excel adds), else Windows-1252, which Excel saves on Windows."""
    if b"\x00" in data:
        raise FileProblem(NOT_A_SPREADSHEET)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise FileProblem(NOT_A_SPREADSHEET) from None


def read_csv(data):
    content = decode(data)
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", content):
        raise FileProblem(NOT_A_SPREADSHEET)
    first_line = content.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count) if first_line else ","
    try:
        lines = list(csv.reader(io.StringIO(content, newline=""), delimiter=delimiter))
    except csv.Error:
        raise FileProblem(NOT_A_SPREADSHEET) from None
    return table_from(enumerate(lines, start=1))


def table_from(numbered_rows, *, hidden_rows=frozenset(), merged=()):
    table, headings = None, None
    for number, cells in numbered_rows:
        cells = list(cells)
        if all(cell is None or str(cell).strip() == "" for cell in cells):
            continue  # blank lines are skipped wherever they are
        if headings is None:
            headings = [("" if cell is None else str(cell)).strip() for cell in cells]
            while headings and not headings[-1]:
                headings.pop()
            table = Table(headings=headings, heading_row=number, merged=list(merged))
            continue
        table.rows.append(Row(number=number, cells=cells, hidden=number in hidden_rows))
    return table or Table(headings=[])


def check_workbook(archive):
    names = set(archive.namelist())
    if "xl/vbaProject.bin" in names or b"macroEnabled" in archive.read("[Content_Types].xml"):
        raise FileProblem(
            "The selected file is a macro-enabled workbook (.xlsm), which we do not accept: save it as an "
            "Excel Workbook (.xlsx) or CSV, then upload that"
        )
    if "xl/workbook.xml" not in names:
        raise FileProblem(NOT_A_SPREADSHEET)
    packed = sum(info.compress_size for info in archive.infolist())
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > settings.IMPORT_MAX_BYTES * 20 or unpacked > max(packed, 1) * MOST_UNPACKED_PER_PACKED:
        raise FileProblem(
            "The selected file unpacks to far more than its size, which a real spreadsheet never does: "
            "save it again from your spreadsheet program, or as CSV"
        )


ROW_TAG = re.compile(rb"<row\b[^>]*>")
ROW_NUMBER = re.compile(rb'\br="(\d+)"')
HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
MERGED = re.compile(rb'<mergeCell\b[^>]*?\bref="([A-Z0-9:]+)"')


def first_sheet_xml(archive):
    """The first worksheet's XML, found through the workbook's relationships as Excel does."""
    workbook = archive.read("xl/workbook.xml")
    first = re.search(rb'<(?:\w+:)?sheet\b[^>]*?\b\w+:id="([^"]+)"', workbook)
    relationships = archive.read("xl/_rels/workbook.xml.rels")
    target = (
        first
        and re.search(rb'<Relationship\b[^>]*?Id="' + re.escape(first[1]) + rb'"[^>]*?Target="([^"]+)"', relationships)
        or first
        and re.search(rb'<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="' + re.escape(first[1]) + rb'"', relationships)
    )
    if not target:
        return b""
    path = target[1].decode().lstrip("/")
    path = path if path.startswith("xl/") else f"xl/{path}"
    return archive.read(path) if path in archive.namelist() else b""


def read_xlsx(data):
    import openpyxl  # only when a workbook arrives: it is large

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "[Content_Types].xml" not in archive.namelist():
                raise FileProblem(NOT_A_SPREADSHEET)
            check_workbook(archive)
            # Read-only mode streams the cells quickly but cannot see hidden rows or merged cells: find
            # those in the sheet's XML (a bounded size: check_workbook refused anything that unpacks large).
            sheet_xml = first_sheet_xml(archive)
        hidden = {
            int(ROW_NUMBER.search(tag)[1])
            for tag in ROW_TAG.findall(sheet_xml)
            if HIDDEN.search(tag) and ROW_NUMBER.search(tag)
        }
        merged = [ref.decode() for ref in MERGED.findall(sheet_xml)]
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
        sheet = workbook.worksheets[0]
        rows = list(enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1))
        workbook.close()
    except FileProblem:
        raise
    except Exception:  # a damaged or disguised zip: openpyxl and zipfile raise many kinds
        raise FileProblem(
            "The selected file could not be opened as an Excel workbook: save it again as .xlsx or CSV"
        ) from None
    return table_from(rows, hidden_rows=hidden, merged=merged)
