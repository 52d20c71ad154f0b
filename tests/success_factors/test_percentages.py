"""Every percentage rounds the same way: halves up, never to the even number as Python's ``round`` does."""

import re
from pathlib import Path

import pytest

from success_factors.percentages import percent


@pytest.mark.parametrize(
    "part, whole, expected",
    [
        (5, 8, 63),  # 62.5: round() gives 62
        (1, 8, 13),  # 12.5: round() gives 12
        (3, 8, 38),  # 37.5
        (1, 3, 33),
        (2, 3, 67),
        (22, 41, 54),  # the Commission's review: 22 three-year programmes of 41
        (16, 41, 39),
        (33, 41, 80),
        (0, 7, 0),
        (7, 7, 100),
        (1, 200, 1),  # 0.5 rounds up to 1
        (1, 201, 0),
    ],
)
def test_a_share_rounds_half_up(part, whole, expected):
    assert percent(part, whole) == expected


def test_nothing_to_count_is_no_percentage_rather_than_zero():
    assert percent(0, 0) is None


def test_no_float_error_tips_a_half_at_any_size():
    for whole in range(2, 2001, 2):
        assert percent(whole // 2, whole) == 50
    for whole in range(8, 4001, 8):
        assert percent(5 * whole // 8, whole) == 63


ROOT = Path(__file__).resolve().parents[2]
APPS = ["notifications", "signatories", "success_factors", "commitments", "representation", "wins", "compact_site"]
# A percentage worked out by hand: "round(100 * a / b)", "round(a / b * 100)", "a * 100 // b".
BY_HAND = re.compile(r"round\(\s*100\s*\*|\*\s*100\s*\)|100\s*\*[^\n]*//")


def test_every_percentage_in_the_apps_goes_through_percent():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if BY_HAND.search(line)
    ]
    assert found == []


def test_the_search_for_hand_made_percentages_finds_one():
    assert BY_HAND.search('counts["rate"] = round(100 * met / known) if known else None')
    assert BY_HAND.search("share = round(met / known * 100)")
