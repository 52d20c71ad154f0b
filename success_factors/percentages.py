"""One rounding for every percentage the service shows: whole numbers, halves rounded up.

Python's ``round`` rounds halves to the even number (5 of 8 is 62.5%, which ``round`` makes 62), which nobody
reading a report expects. Every share the service works out (commitments met, response rates, champions'
coverage, meetings reported back on) goes through ``percent``. It lives in the lowest app that shows a
percentage, so every app above can use it.
"""


def percent(part: int, whole: int) -> int | None:
    """``part`` as a whole-number percentage of ``whole``, halves rounded up (5 of 8 is 63); None when ``whole``
    is 0. Worked out in whole numbers, so no floating-point error can tip a half either way."""
    if not whole:
        return None
    return (200 * part + whole) // (2 * whole)
