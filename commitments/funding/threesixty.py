"""The 360Giving Data Standard: what its fields mean, read from the standard's own JSON schema.

A 360Giving file is a JSON package (``{"grants": [...]}``) or a spreadsheet whose column titles are the
schema's titles joined by ":" (``Recipient Org:Identifier`` is ``recipientOrganization[0].id``). Here a
JSON package is flattened into the same titles, so one sheet reads both, and rows in those titles are
written back as a package. The schema files are vendored in ``schema/`` (see ``schema/SOURCE.md``).

Fields the standard does not carry (full cost recovery, payment in advance, the rationale, notice of an
ending) travel in a ``compact`` object of each grant, titled ``Compact:…`` in a spreadsheet: the standard
allows additional fields.
"""

import functools
import json
import re
from pathlib import Path

from signatories.imports.files import FileProblem, Table, check_size, check_table
from signatories.imports.files import Row as TableRow

SCHEMA_DIR = Path(__file__).parent / "schema"
# As a CSV file may not (signatories.imports.files.read_csv): text with control characters in it (a JSON "\u0000")
# is not a grant's text, and a database could not keep it.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
GRANT_SCHEMA = "360-giving-schema.json"
PACKAGE_SCHEMA = "360-giving-package-schema.json"

# Our additional fields: JSON name → title, in the ``compact`` object of a grant.
COMPACT = ("compact", "Compact")
COMPACT_FIELDS = {
    "fullCostRecovery": "Full Cost Recovery",
    "paidInAdvance": "Paid In Advance",
    "rationalePublished": "Rationale Published",
    "rationaleLink": "Rationale Link",
    "endedOrReduced": "Ended Or Reduced",
    "noticeGivenOn": "Notice Given On",
    "changeTakesEffectOn": "Change Takes Effect On",
}

NOT_360GIVING = (
    "The selected file is not 360Giving data: we expected a 360Giving JSON file with a list of "
    '"grants", or a CSV or Excel file with the 360Giving Data Standard\'s column titles (Identifier, '
    "Title, Amount Awarded, Award Date, Recipient Org:Name, Funding Org:Name and so on)"
)


@functools.cache
def schema(name: str = GRANT_SCHEMA) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _resolve(node: dict) -> dict:
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return schema()["$defs"][ref.rsplit("/", 1)[1]]
    return node


def _object_of(node: dict) -> dict | None:
    """The object a property holds, itself or as the items of an array (the first item is the one titled)."""
    node = _resolve(node)
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        node = _resolve(node["items"])
    return node if "properties" in node else None


@functools.cache
def titles() -> dict[tuple[str, ...], str]:
    """Each path of a grant's field (``("recipientOrganization", "id")``) and its title in a spreadsheet,
    from the schema: top-level fields, and the fields of the objects they hold, one level down."""
    found: dict[tuple[str, ...], str] = {}
    for name, node in schema()["properties"].items():
        title = _resolve(node).get("title") or node.get("title") or name
        inner = _object_of(node)
        if inner is None:
            found[(name,)] = title
            continue
        for child, child_node in inner["properties"].items():
            if _object_of(child_node) is None:
                found[(name, child)] = f"{title}:{_resolve(child_node).get('title') or child}"
    for child, child_title in COMPACT_FIELDS.items():
        found[(COMPACT[0], child)] = f"{COMPACT[1]}:{child_title}"
    return found


def title_of(*path: str) -> str:
    return titles()[path]


@functools.cache
def paths() -> dict[str, tuple[str, ...]]:
    return {title: path for path, title in titles().items()}


def _is_list(path: tuple[str, ...]) -> bool:
    """Whether the schema holds this field's object in a list (every organisation, date and programme)."""
    if len(path) < 2 or path[0] == COMPACT[0]:
        return False
    return _resolve(schema()["properties"][path[0]]).get("type") == "array"


def flatten(grant: dict) -> dict[str, object]:
    """A grant as a spreadsheet row: title → value. Lists give their first item (a second recipient is
    reported by the sheet); fields the schema does not know keep their own name."""
    known = titles()
    row: dict[str, object] = {}
    for name, value in grant.items():
        if isinstance(value, list):
            if len(value) > 1 and name in ("recipientOrganization", "fundingOrganization"):
                row[f"{known.get((name, 'id'), name)} (count)"] = len(value)
            value = value[0] if value else None
        if isinstance(value, dict):
            for child, child_value in value.items():
                if isinstance(child_value, (dict, list)):
                    continue  # deeper detail (a location, a classification): not imported
                row[known.get((name, child), f"{name}:{child}")] = child_value
        elif value is not None:
            row[known.get((name,), name)] = value
    return row


def read_package(data: bytes, limit: int | None = None) -> Table:
    """A 360Giving JSON file's grants as a table in the standard's titles, one row a grant."""
    check_size(len(data), limit)
    try:
        package = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FileProblem(
            "The selected file could not be read as JSON: check it is the 360Giving JSON file, as published"
        ) from None
    grants = package.get("grants") if isinstance(package, dict) else None
    if not isinstance(grants, list) or not all(isinstance(grant, dict) for grant in grants):
        raise FileProblem(NOT_360GIVING)
    if not grants:
        raise FileProblem("The selected file is 360Giving data with no grants in it: there is nothing to import")
    headings: dict[str, int] = {}
    flat = [flatten(grant) for grant in grants]
    for number, row in enumerate(flat, start=1):
        if any(CONTROL_CHARACTERS.search(text) for item in row.items() for text in item if isinstance(text, str)):
            raise FileProblem(
                f"Grant {number} has characters in it that are not text (control characters): "
                "check the file is the 360Giving JSON file, as published"
            )
    for row in flat:
        for title in row:
            headings.setdefault(title, len(headings))
    table = Table(headings=list(headings), row_word="Grant")
    for number, row in enumerate(flat, start=1):
        cells: list[object] = [None] * len(headings)
        for title, value in row.items():
            cells[headings[title]] = value
        table.rows.append(TableRow(number=number, cells=cells))
    check_table(table)
    return table


def package(rows: list[dict[str, object]]) -> bytes:
    """Rows in the standard's titles as a 360Giving JSON package; empty values are left out."""
    grants = []
    lookup = paths()
    for row in rows:
        grant: dict = {}
        for title, value in row.items():
            if value in ("", None):
                continue
            path = lookup[title]
            if len(path) == 1:
                grant[path[0]] = value
            elif _is_list(path):
                items = grant.setdefault(path[0], [{}])
                items[0][path[1]] = value
            else:
                grant.setdefault(path[0], {})[path[1]] = value
        grants.append(grant)
    return json.dumps({"grants": grants}, indent=2, ensure_ascii=False).encode("utf-8")
