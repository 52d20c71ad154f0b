"""The commitments page's chart: each commitment's share met, this period and the previous one."""

from success_factors.charts import factor_counts_chart

from .rates import is_incomplete


def _label(row):
    """A commitment's title, marked when a rate drawn for it is incomplete (``commitments.rates``)."""
    incomplete = any(is_incomplete(row[period]) for period in ("current", "previous"))
    return f"{row['title']} (incomplete)" if incomplete else row["title"]


def rates_chart(rates):
    """SVG bytes of horizontal bars, one pair per commitment (no result yet is drawn as 0; the table says "–")."""
    rows = rates["commitments"]
    return factor_counts_chart(
        [_label(row) for row in rows],
        [
            ("This period", [row["current"]["rate"] or 0 for row in rows]),
            ("Previous period", [row["previous"]["rate"] or 0 for row in rows]),
        ],
        x_title="Records meeting the commitment (%)",
        reach=100,
    )
