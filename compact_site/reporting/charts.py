"""A report's charts, drawn from its figures alone with the partnership results' chart functions.

Each chart is an SVG string, stored in the snapshot as it is and shown as an <img> data URI; the page and
the PDF always put the same numbers in a table beside it.
"""

from types import SimpleNamespace

from commitments.charts import rates_chart
from success_factors.charts import factor_counts_chart, gap_chart, radar_chart


def factor_label(row):
    return f"{row['number']}. {row['title']}"


def _results(factors):
    """The factor figures in the shape ``radar_chart`` and ``gap_chart`` read (``PartnershipResults``)."""
    return SimpleNamespace(
        round=factors["round"],
        previous_round=factors["previous_round"],
        factors=[
            SimpleNamespace(
                factor=factor_label(row),
                score=row["score"],
                previous_score=row["previous_score"],
                statutory=row["statutory"],
                voluntary=row["voluntary"],
            )
            for row in factors["rows"]
        ],
    )


def wins_chart(figures):
    rows = figures["wins"]["by_factor"]
    return factor_counts_chart(
        [factor_label(row) for row in rows],
        [
            ("This period", [row["current"] for row in rows]),
            ("Previous period", [row["previous"] for row in rows]),
        ],
        x_title="Wins published",
    )


def charts(figures):
    """{"radar", "gap", "wins", "commitments"}: SVG strings, or None for a factor chart when no round has results yet."""
    factors = figures["factors"]
    scored = factors["round"] is not None
    return {
        "radar": radar_chart(_results(factors)).decode() if scored else None,
        "gap": gap_chart(_results(factors)).decode() if scored else None,
        "wins": wins_chart(figures).decode(),
        "commitments": rates_chart(figures["commitments"]).decode(),
    }
