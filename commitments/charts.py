"""The commitments page's chart: each commitment's share met, this period and the previous one."""

from success_factors.charts import factor_counts_chart

from .rates import is_incomplete

INCOMPLETE_MARK = " *"  # short, so the labels do not squeeze the bars; the axis title says what it means


def _incomplete(row):
    return any(is_incomplete(row[period]) for period in ("current", "previous"))


def rates_chart(rates):
    """SVG bytes of horizontal bars, one pair per commitment (no result yet is drawn as 0; the table says "–"). A
    commitment with an incomplete rate in either period (``commitments.rates``) is marked with an asterisk."""
    rows = rates["commitments"]
    marked = [_incomplete(row) for row in rows]
    title = "Records meeting the commitment (%)"
    return factor_counts_chart(
        [row["title"] + (INCOMPLETE_MARK if mark else "") for row, mark in zip(rows, marked, strict=True)],
        [
            ("This period", [row["current"]["rate"] or 0 for row in rows]),
            ("Previous period", [row["previous"]["rate"] or 0 for row in rows]),
        ],
        x_title=f"{title}; * incomplete" if any(marked) else title,
        reach=100,
    )
