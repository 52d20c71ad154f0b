"""Server-side SVG charts of the partnership results, drawn with pygal.

Charts are pictures only: no JavaScript, embedded as <img> data URIs, and every page that shows one
also shows the same numbers in a table. Values are the whole numbers the tables show.
"""

import base64
import functools
import hashlib
import math

import pygal
from django.core.cache import cache
from pygal.style import Style

from .wording import points_change, whole

BRAND = "#1d5e4b"  # the service's deep green
CONTRAST = "#b1560f"  # a dark orange that stays distinct from the green for most colour vision
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
WIDTH = 720


def _style(**extra):
    return Style(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#0b0c0c",
        foreground_strong="#0b0c0c",
        foreground_subtle="#b1b4b6",
        opacity=".3",
        opacity_hover=".3",
        colors=(BRAND, CONTRAST),
        font_family=FONT,
        label_font_size=14,
        major_label_font_size=14,
        legend_font_size=16,
        title_font_size=18,
        value_font_size=14,
        value_label_font_size=14,
        tooltip_font_size=14,
        no_data_font_size=18,
        **extra,
    )


def _without_scripts(root):
    # pygal always writes a config <script>; pictures in <img> never need it.
    for parent in list(root.iter()):
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return root


def _options(stroke_width=1, **extra):
    return {
        "style": _style(stroke_width=stroke_width, stroke_width_hover=stroke_width),
        "js": [],
        "disable_xml_declaration": True,
        "explicit_size": True,
        "truncate_label": -1,
        "truncate_legend": -1,
        "no_data_text": "No results yet",
        **extra,
    }


# A chart is a picture of its arguments alone, so one drawn is cached under a key made of those arguments
# (never stale: other figures give another key). pygal takes tens of milliseconds a chart.
CHART_SECONDS = 24 * 60 * 60


def drawn_once(draw):
    @functools.wraps(draw)
    def cached(*args, **kwargs):
        digest = hashlib.sha256(repr((args, sorted(kwargs.items()))).encode()).hexdigest()
        return cache.get_or_set(f"chart:{draw.__qualname__}:{digest}", lambda: draw(*args, **kwargs), CHART_SECONDS)

    return cached


def _render(chart):
    chart.add_xml_filter(_without_scripts)
    svg = chart.render()
    return svg.encode("utf-8") if isinstance(svg, str) else svg


@drawn_once
def radar_chart(results):
    """The seven factor scores (0–100) for the round against the previous round, as SVG bytes.

    A factor nobody scored has no point (``strict``: pygal's radar would otherwise draw it as 0), and the ring
    joins the factors either side of it."""
    chart = pygal.Radar(
        **_options(
            width=WIDTH,
            height=600,
            range=(0, 100),
            legend_at_bottom=True,
            dots_size=5,
            stroke_width=3,
            strict=True,
        )
    )
    chart.x_labels = [str(result.factor) for result in results.factors]
    chart.y_labels = [0, 25, 50, 75, 100]
    if results.round:
        chart.add(results.round, [whole(result.score) for result in results.factors])
    if results.previous_round:
        chart.add(
            f"{results.previous_round} (previous round)",
            [whole(result.previous_score) for result in results.factors],
            stroke_style={"dasharray": "8, 5"},
        )
    return _render(chart)


@drawn_once
def gap_chart(results):
    """The perception gap per factor (statutory minus voluntary and community score), as SVG bytes.

    Green bars to the right: statutory partners rate the factor higher; orange bars to the left:
    voluntary and community partners do.
    """
    gaps = [points_change(result.statutory, result.voluntary) for result in results.factors]
    reach = max([abs(gap) for gap in gaps if gap is not None] + [10])
    step = 10 if reach <= 30 else 20
    reach = math.ceil(reach / step) * step
    chart = pygal.HorizontalBar(
        **_options(
            width=WIDTH,
            height=400,
            range=(-reach, reach),
            show_legend=False,
            x_title="Gap in points",
            print_values=True,
        )
    )
    chart.y_labels = list(range(-reach, reach + 1, step))  # the value axis, sparse enough to read
    # pygal draws horizontal bars from the bottom up; reverse so factor 1 is at the top.
    chart.x_labels = [str(result.factor) for result in reversed(results.factors)]
    values = [
        None if gap is None else {"value": gap, "color": BRAND if gap >= 0 else CONTRAST} for gap in reversed(gaps)
    ]
    chart.add("Perception gap", values)
    return _render(chart)


def svg_data_uri(svg):
    """SVG bytes as a data: URI for an <img src>."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


@drawn_once
def factor_counts_chart(labels, series, *, x_title, reach=None):
    """Whole-number counts per factor as horizontal bars, factor 1 at the top, as SVG bytes.

    ``labels`` names the factors; ``series`` is [(name, [count per factor])], for example this period's
    wins and the previous period's, drawn green then orange. ``reach`` fixes the end of the scale (100 for
    percentages); otherwise it follows the largest count.
    """
    reach = reach or max([value for _, values in series for value in values] + [4])
    step = max(1, math.ceil(reach / 5))
    reach = math.ceil(reach / step) * step
    chart = pygal.HorizontalBar(
        **_options(
            width=WIDTH,
            height=140 + 44 * len(labels),
            range=(0, reach),
            legend_at_bottom=True,
            legend_at_bottom_columns=len(series),
            show_legend=len(series) > 1,
            x_title=x_title,
            print_values=True,
            print_zeroes=False,
        )
    )
    chart.y_labels = list(range(0, reach + 1, step))
    chart.x_labels = list(reversed(labels))
    for name, values in series:
        chart.add(name, list(reversed(values)))
    return _render(chart)


@drawn_once
def response_chart(days):
    """A round's response rate day by day (``[(day, responded, percent)]``), as a line, as SVG bytes."""
    chart = pygal.Line(
        **_options(
            width=WIDTH,
            height=360,
            range=(0, 100),
            show_legend=False,
            y_title="% of signatories responded",
            show_minor_x_labels=False,
            x_labels_major_count=min(len(days), 8),
            dots_size=3 if len(days) <= 60 else 0,
            stroke_width=3,
        )
    )
    chart.y_labels = [0, 25, 50, 75, 100]
    chart.x_labels = [f"{day.day} {day:%b}" for day, _, _ in days]
    chart.add("Responded", [percent for _, _, percent in days])
    return _render(chart)
