"""Cursor paging: each page ends with an opaque cursor that asks for the rows after the last one.

Keyset paging on the primary key, so every page costs the same however deep it is, and rows added while
someone pages through do not shift what they see.
"""

import base64
import binascii
import re

MOST = 200
DEFAULT = 50
# The largest id a database key holds: a cursor after a larger one gives an empty page.
LARGEST_ID = 2**63 - 1

# Exactly the cursors ``encode`` makes: base64url, unpadded, of "after:" and the digits of an id. "after:" is 8
# characters; each 3 digits are 4 more, and 1 or 2 digits left over are 2 or 3. Written out so that the OpenAPI
# schema says which strings are cursors (a client or a fuzzer can tell one without asking the API).
_FIRST = "(?:[MN][DTjz]|O[DT])"  # the first digit of a group of three: "0"-"7" then "8" or "9"
_GROUP = _FIRST + "[AEIMQUYcgk][w-z0-5]"
_ONE_LEFT = "(?:[MN][AQgw]|O[AQ])"
CURSOR = re.compile(f"^YWZ0ZXI6(?:{_GROUP})*(?:{_GROUP}|{_ONE_LEFT}|{_FIRST}[AEIMQUYcgk])$")
CURSOR_MESSAGE = "The cursor is not one this API gave: use next_cursor from the previous page"


class BadParameter(ValueError):
    """A parameter that parses but makes no sense: answered with 400 and the parameter's name."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter


class BadCursor(BadParameter):
    def __init__(self, message):
        super().__init__("cursor", message)


def encode(last_id):
    return base64.urlsafe_b64encode(f"after:{last_id}".encode()).decode().rstrip("=")


def decode(cursor):
    """The id a cursor points after; BadCursor when it is not one this API gave."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        label, _, number = text.partition(":")
        if label != "after" or not number.isascii() or not number.isdigit():
            raise ValueError
        return min(int(number), LARGEST_ID)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise BadCursor(CURSOR_MESSAGE) from error


def page(queryset, *, cursor, limit):
    """(rows, next cursor or None): up to ``limit`` rows of ``queryset`` after ``cursor``, by id."""
    if cursor:
        queryset = queryset.filter(pk__gt=decode(cursor))
    rows = list(queryset.order_by("pk")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (encode(rows[-1].pk) if more else None)
