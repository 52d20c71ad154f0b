"""Scores, changes and perception gaps in words, as pages, charts and reports show them.

Scores are kept unrounded; people see whole numbers. Changes and gaps are worked out from the whole
numbers shown, so a table always adds up. A missing score is "Not enough evidence", never 0.
"""

import math

NOT_ENOUGH_EVIDENCE = "Not enough evidence"
NO_COMPARISON = "–"


def whole(value):
    """A score rounded half up to a whole number, or None."""
    if value is None:
        return None
    return int(math.floor(value + 0.5 + 1e-9))


def score_text(value):
    """A score as a whole number, or "Not enough evidence"."""
    return NOT_ENOUGH_EVIDENCE if value is None else str(whole(value))


def points_change(now, before):
    """The change in whole points between two scores, or None when either is missing."""
    if now is None or before is None:
        return None
    return whole(now) - whole(before)


def change_text(now, before):
    """ "up 8", "down 3", "no change", or "–" when there is nothing to compare."""
    change = points_change(now, before)
    if change is None:
        return NO_COMPARISON
    if change == 0:
        return "no change"
    return f"up {change}" if change > 0 else f"down {-change}"


def gap_text(statutory, voluntary):
    """Who rates a factor higher, statutory or voluntary and community partners, and by how much."""
    gap = points_change(statutory, voluntary)
    if gap is None:
        return "Not enough evidence to compare"
    if gap == 0:
        return "Both rate it the same"
    who = "Statutory partners" if gap > 0 else "Voluntary and community partners"
    points = abs(gap)
    return f"{who} rate it {points} point{'' if points == 1 else 's'} higher"
