"""The rules for one cell: UK charity and company numbers, postcodes, emails, websites, dates and choices.

Each ``clean_*`` takes what the cell held (text, a number or a date from Excel) and returns the value to
store, or raises ``CellError`` with a plain-English reason.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import timezone

# Cells starting with one of these would be formulas in a spreadsheet: we keep them as text, and our
# exports put an apostrophe in front, which an import of that export takes off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

EXCEL_EPOCH = datetime.date(1899, 12, 30)
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

CHARITY_NUMBER = re.compile(r"^(\d{6,8}(-\d{1,3})?|SC\d{6}|NIC?\d{5,6})$")
COMPANY_PREFIXES = {
    "AC",
    "BR",
    "CE",
    "CS",
    "FC",
    "FE",
    "GE",
    "GS",
    "IC",
    "IP",
    "LP",
    "NA",
    "NC",
    "NF",
    "NI",
    "NL",
    "NO",
    "NP",
    "NR",
    "NZ",
    "OC",
    "OE",
    "RC",
    "SA",
    "SC",
    "SE",
    "SF",
    "SG",
    "SI",
    "SL",
    "SO",
    "SP",
    "SR",
    "SZ",
    "ZC",
}
COMPANY_NUMBER = re.compile(r"^(\d{8}|[A-Z]{2}\d{6}|R\d{7})$")
POSTCODE = re.compile(
    r"^(GIR0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])[0-9][ABD-HJLNP-UW-Z]{2})$"
)


# Built once: each validator compiles its patterns when first used.
EMAIL_VALIDATOR = EmailValidator()
URL_VALIDATOR = URLValidator(schemes=["http", "https"])


class CellError(Exception):
    """A cell's value cannot be used; the message says why, in words an officer can act on."""


def text(value):
    """What a cell holds, as text: numbers without a trailing .0, spaces tidied, our export's apostrophe taken off."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.strftime("%d/%m/%Y")
    value = str(value).replace("\x00", "").strip()
    if value.startswith("'") and value[1:2] and value[1] in FORMULA_STARTS:
        value = value[1:]
    return value


def one_line(value):
    return " ".join(text(value).split())


def escape_formula(value):
    """Text as it must be written to a spreadsheet so that no program runs it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def clean_name(value, *, max_length=200):
    value = one_line(value)
    if len(value) > max_length:
        raise CellError(f"must be {max_length} characters or fewer (it has {len(value):,})")
    return value


def clean_long_text(value, *, max_length=5000):
    value = text(value)
    if len(value) > max_length:
        raise CellError(f"must be {max_length:,} characters or fewer (it has {len(value):,})")
    return value


def clean_charity_number(value):
    """England and Wales (6 to 8 digits, perhaps -1 for a subsidiary), Scotland (SC and 6 digits), Northern Ireland (NIC or NI and digits)."""
    value = re.sub(r"[\s.]", "", text(value)).upper()
    if not value:
        return ""
    if not CHARITY_NUMBER.match(value):
        raise CellError(
            "is not a charity number: use 6 to 8 digits for England and Wales (like 1234567), "
            "SC and 6 digits for Scotland (like SC012345), or NIC and digits for Northern Ireland (like NIC100001)"
        )
    return value


def clean_company_number(value):
    """8 characters at Companies House: 8 digits (leading zeros restored), or a prefix such as SC, NI or OC and 6 digits."""
    value = re.sub(r"\s", "", text(value)).upper()
    if not value:
        return ""
    if value.isdigit() and len(value) < 8:
        value = value.zfill(8)  # Excel drops the leading zeros of a number
    if not COMPANY_NUMBER.match(value) or (value[:2].isalpha() and value[:2] not in COMPANY_PREFIXES):
        raise CellError(
            "is not a company number: use 8 digits (like 01234567), or 2 letters such as SC, NI or OC and 6 digits (like SC123456)"
        )
    return value


def clean_postcode(value):
    compact = re.sub(r"\s", "", text(value)).upper()
    if not compact:
        return ""
    if not POSTCODE.match(compact):
        raise CellError("is not a UK postcode, like SW1A 1AA")
    return f"{compact[:-3]} {compact[-3:]}"


def clean_email(value):
    value = text(value)
    if not value:
        return ""
    if value.lower().startswith("mailto:"):
        value = value[7:]
    try:
        EMAIL_VALIDATOR(value)
    except ValidationError:
        raise CellError("is not an email address, like name@example.org") from None
    return value.lower() if len(value) <= 254 else value


def clean_website(value):
    value = text(value)
    if not value:
        return ""
    if "://" not in value:
        value = "https://" + value
    try:
        URL_VALIDATOR(value)
    except ValidationError:
        raise CellError("is not a website address, like https://www.example.org") from None
    if len(value) > 200:
        raise CellError("must be 200 characters or fewer")
    return value


def parse_date(value):
    """A date from a real Excel date, an Excel serial number, dd/mm/yyyy, yyyy-mm-dd or "3 March 2025"."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return from_serial(value)
    value = text(value)
    if not value:
        return None
    if re.fullmatch(r"\d{4,5}(\.0+)?", value):
        return from_serial(float(value))
    try:
        if match := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value):
            day, month, year = map(int, match.groups())
            return datetime.date(year, month, day)
        if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})( 00:00(:00)?)?", value):
            year, month, day = map(int, match.groups()[:3])
            return datetime.date(year, month, day)
        if match := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})", value):
            day, month_name, year = match.groups()
            month = MONTHS.get(month_name.lower())
            if month:
                return datetime.date(int(year), month, int(day))
    except ValueError:
        raise CellError(f"is not a real date ({value})") from None
    raise CellError("is not a date we can read: write it like 27/03/2025, 2025-03-27 or 27 March 2025")


def from_serial(number):
    if not 1 <= number < 2958466:
        raise CellError("is not a date we can read: write it like 27/03/2025, 2025-03-27 or 27 March 2025")
    return EXCEL_EPOCH + datetime.timedelta(days=int(number))


def clean_past_date(value):
    date = parse_date(value)
    if date is None:
        return None
    if date > timezone.localdate():
        raise CellError(f"is in the future ({date:%d/%m/%Y}): it must be today or earlier")
    if date.year < 1900:
        raise CellError(f"is too long ago ({date:%d/%m/%Y})")
    return date


def choice_lookup(choices, synonyms=None):
    """A function that finds a choice by its stored value, its label or a synonym, ignoring case and punctuation."""
    table = {}
    for value, label in choices:
        table[squash(value)] = value
        table[squash(label)] = value
    for word, value in (synonyms or {}).items():
        table[squash(word)] = value
    allowed = ", ".join(label for _, label in choices)

    def clean(cell):
        key = squash(text(cell))
        if not key:
            return ""
        if key not in table:
            raise CellError(f"must be one of: {allowed}")
        return table[key]

    return clean


def squash(value):
    """Lower case, "&" as "and", letters and digits only: how headings and choices are compared."""
    return re.sub(r"[^a-z0-9]", "", str(value).lower().replace("&", "and"))
