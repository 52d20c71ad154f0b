"""What a commitment's rate stands on, and when it is incomplete.

A rate is the share of the records whose result is known that met the commitment. Alone it can mislead: with
only the "yes" answers entered, every rate reads 100%. So a rate always says what it stands on ("54%: 22 of 41
met, 0 not known"), and when more than a fifth of the records checked have no known result it is marked
incomplete. The page, the public site, the LSP report (on screen, PDF and CSV) and the API all use these two
functions, on the counts ``commitments.selectors`` makes (met, not_met, explained, unknown, known, checked,
rate); a report's snapshot keeps its counts, so a report published before this still reads the same way.
"""

from collections.abc import Mapping
from typing import Any

# A rate is incomplete when more than this share of the records checked against it have no known result.
INCOMPLETE_SHARE_NUMERATOR, INCOMPLETE_SHARE_DENOMINATOR = 1, 5


def is_incomplete(counts: Mapping[str, Any]) -> bool:
    """More than a fifth of the records checked have no known result (none checked: not incomplete)."""
    return INCOMPLETE_SHARE_DENOMINATOR * counts["unknown"] > INCOMPLETE_SHARE_NUMERATOR * counts["checked"]


def stands_on(counts: Mapping[str, Any]) -> str:
    """What the rate counts: "22 of 41 met, 0 not known", with "3 explained" when any were explained."""
    explained = f", {counts['explained']} explained" if counts["explained"] else ""
    return f"{counts['met']} of {counts['known']} met{explained}, {counts['unknown']} not known"


def rate_summary(counts: Mapping[str, Any]) -> str:
    """The rate and what it stands on, in one line: "54%: 22 of 41 met, 0 not known"; "No records" when nothing
    was checked; "No known result: 3 not known"; and "(incomplete: more than a fifth not known)" after an
    incomplete rate."""
    if not counts["checked"]:
        return "No records"
    if counts["rate"] is None:
        return f"No known result: {counts['unknown']} not known"
    summary = f"{counts['rate']}%: {stands_on(counts)}"
    return f"{summary} (incomplete: more than a fifth not known)" if is_incomplete(counts) else summary
