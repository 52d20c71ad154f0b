"""Cursor paging: each page ends with an opaque cursor that asks for the rows after the last one.

Keyset paging on the primary key, so every page costs the same however deep it is, and rows added while
someone pages through do not shift what they see.
"""

import base64
import binascii

MOST = 200
DEFAULT = 50


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
        if label != "after" or not number.isdigit():
            raise ValueError
        return int(number)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise BadCursor("The cursor is not one this API gave: use next_cursor from the previous page") from error


def page(queryset, *, cursor, limit):
    """(rows, next cursor or None): up to ``limit`` rows of ``queryset`` after ``cursor``, by id."""
    if cursor:
        queryset = queryset.filter(pk__gt=decode(cursor))
    rows = list(queryset.order_by("pk")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (encode(rows[-1].pk) if more else None)
