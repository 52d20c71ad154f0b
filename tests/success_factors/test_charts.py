import base64

import pytest

from success_factors.charts import gap_chart, radar_chart, svg_data_uri
from success_factors.selectors import FactorResult, PartnershipResults, factors

pytestmark = pytest.mark.django_db


@pytest.fixture
def results():
    rows = [FactorResult(factor=f, score=50.0, previous_score=40.0, statutory=60.0, voluntary=45.0) for f in factors()]
    rows[3].score = None  # nobody scored factor 4 this round
    return PartnershipResults(round="2026/27", previous_round="2025/26", factors=rows)


def test_radar_chart_is_svg_without_script(results):
    svg = radar_chart(results).decode()

    assert svg.startswith("<svg")
    assert "<script" not in svg
    assert "<?xml" not in svg


def test_radar_chart_names_both_rounds(results):
    svg = radar_chart(results).decode()

    assert "2026/27" in svg
    assert "2025/26 (previous round)" in svg


def test_radar_chart_labels_the_factors(results):
    svg = radar_chart(results).decode()

    assert "1. Outcomes focus" in svg
    assert "7. Embed the Compact" in svg


def test_radar_chart_has_one_series_when_there_is_no_previous_round(results):
    results.previous_round = None

    svg = radar_chart(results).decode()

    assert "2026/27" in svg
    assert "previous round" not in svg


def test_gap_chart_is_svg_without_script(results):
    svg = gap_chart(results).decode()

    assert svg.startswith("<svg")
    assert "<script" not in svg
    assert "5. Make third sector representation effective" in svg


def test_data_uri_embeds_the_svg():
    uri = svg_data_uri(b"<svg></svg>")

    assert uri.startswith("data:image/svg+xml;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == b"<svg></svg>"


def test_a_chart_is_drawn_once_for_the_same_figures_and_afresh_for_new_ones(results, monkeypatch):
    from success_factors import charts

    drawn = []
    real_render = charts._render
    monkeypatch.setattr(charts, "_render", lambda chart: drawn.append(chart) or real_render(chart))

    first = radar_chart(results)
    assert radar_chart(results) == first
    assert len(drawn) == 1

    results.factors[0].score = 12.0
    changed = radar_chart(results)
    assert len(drawn) == 2 and changed != first


def test_radar_chart_draws_no_point_for_a_factor_nobody_scored(results):
    svg = radar_chart(results).decode()

    assert svg.count("<circle") == 6 + 7  # this round: the six factors scored, not a seventh at 0; the last: seven
