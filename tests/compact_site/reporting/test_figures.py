"""The report's figures against numbers worked out by hand from the fixed data set in builders.py."""

import datetime
import json

import pytest

from compact_site.reporting.figures import figures, rounds_as_at

from .builders import END, PREVIOUS_END, START, build_everything

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_figures(compact):
    build_everything(compact)
    return figures(compact, START, END)


def pair(current, previous):
    return {"current": current, "previous": previous}


def by_key(rows, key="number"):
    return {row[key]: row for row in rows}


def test_the_previous_period_is_the_quarter_before(report_figures):
    assert report_figures["period"]["label"] == "April to June 2026"
    assert report_figures["previous_period"]["start"] == "2026-01-01"
    assert report_figures["previous_period"]["end"] == "2026-03-31"
    assert report_figures["previous_period"]["dates"] == "1 January 2026 to 31 March 2026"


def test_active_signatories_at_the_end_of_each_period_by_sector(report_figures):
    signatories = report_figures["signatories"]

    assert signatories["active"] == pair(4, 3)
    assert by_key(signatories["by_sector"], "sector") == {
        "statutory": {"sector": "statutory", "label": "Statutory", **pair(1, 1)},
        "voluntary": {"sector": "voluntary", "label": "Voluntary and community", **pair(3, 1)},
        "other": {"sector": "other", "label": "Other", **pair(0, 1)},
    }


def test_signing_on_the_first_and_last_day_counts_and_the_day_before_counts_in_the_previous_period(report_figures):
    assert report_figures["signatories"]["joined"] == pair(2, 1)


def test_withdrawing_on_the_last_day_counts_and_ends_the_signature_that_day(report_figures):
    signatories = report_figures["signatories"]

    assert signatories["withdrawn"] == pair(1, 1)
    assert signatories["active"]["current"] == 4  # Echo withdrew on 30 June, so is not active at the end


def test_signatories_without_an_active_champion_at_the_end_of_each_period(report_figures):
    assert report_figures["signatories"]["without_champion"] == pair(2, 1)
    assert report_figures["signatories"]["with_champion"] == pair(2, 2)


def test_champions_active_appointed_stood_down_and_coverage(report_figures):
    champions = report_figures["champions"]

    assert champions["active"] == pair(2, 2)
    assert champions["appointed"] == pair(1, 1)
    assert champions["stood_down"] == pair(1, 1)
    assert champions["signatories_covered"] == pair(50, 67)


def test_endorsements_by_kind_in_each_period_and_who_endorsed(report_figures):
    endorsements = report_figures["endorsements"]

    assert endorsements["total"] == pair(2, 1)
    kinds = {row["kind"]: (row["current"], row["previous"]) for row in endorsements["by_kind"]}
    assert kinds == {"senior_leader": (1, 1), "elected_member": (1, 0), "senior_officer": (0, 0)}
    assert [e["endorsed_on"] for e in endorsements["in_period"]] == ["2026-04-01", "2026-06-30"]


def test_wins_published_on_the_first_and_last_local_day_count_and_drafts_never(report_figures):
    wins = report_figures["wins"]

    assert wins["published"] == pair(2, 1)
    assert wins["quick_wins"] == pair(1, 1)
    rows = by_key(wins["by_factor"])
    assert (rows[1]["current"], rows[1]["previous"]) == (1, 1)
    assert (rows[3]["current"], rows[3]["previous"]) == (2, 0)
    assert all(rows[n]["current"] == rows[n]["previous"] == 0 for n in (2, 4, 5, 6, 7))


def test_factor_scores_come_from_the_latest_round_by_the_end_of_the_period(report_figures):
    factors = report_figures["factors"]
    first, second = factors["rows"][0], factors["rows"][1]

    assert (factors["round"], factors["previous_round"]) == ("2026/27", "2025/26")
    assert round(first["score"], 1) == 33.3
    assert round(first["previous_score"], 1) == 83.3
    assert (round(first["statutory"], 1), first["voluntary"]) == (66.7, 0)
    assert first["respondents"] == 2
    assert (second["score"], round(second["previous_score"], 1)) == (None, 33.3)


def test_response_rate_is_of_the_signatories_today(report_figures):
    factors = report_figures["factors"]

    # Alpha and Bravo responded; Alpha, Bravo, Charlie, Delta and Golf are signatories today.
    assert (factors["responded"], factors["signatories"], factors["response_rate"]) == (2, 5, 40)


def test_an_assessment_submitted_after_the_period_does_not_bring_in_its_round(compact):
    build_everything(compact)

    # Alpha's 2026/27 return came in at 18:00 on 30 June; Bravo's on 1 May.
    assert rounds_as_at(compact, END) == (["2026/27", "2025/26"], "2026/27")
    assert rounds_as_at(compact, datetime.date(2026, 4, 30))[1] == "2025/26"
    assert rounds_as_at(compact, datetime.date(2025, 6, 9))[1] is None


def test_before_any_round_every_factor_has_no_score(compact):
    build_everything(compact)

    factors = figures(compact, datetime.date(2025, 1, 1), datetime.date(2025, 3, 31))["factors"]

    assert factors["round"] is None
    assert [row["score"] for row in factors["rows"]] == [None] * 7


def test_actions_open_done_and_overdue_by_factor_as_they_stand_today(report_figures):
    actions = report_figures["actions"]
    rows = by_key(actions["by_factor"])

    assert (rows[1]["open"], rows[1]["overdue"], rows[1]["done"]) == (1, 0, 0)
    assert (rows[3]["open"], rows[3]["overdue"], rows[3]["done"]) == (2, 1, 1)
    assert (rows[6]["open"], rows[6]["overdue"], rows[6]["done"]) == (0, 0, 0)
    assert actions["total"] == {"open": 3, "done": 1, "overdue": 1}


def test_concerns_come_from_the_wins_apps_counts_for_each_period(compact, monkeypatch):
    calls = []

    def concern_counts(*, compact, periods):
        calls.append(periods)
        return {
            "current": {
                2: {"raised": 3, "resolved": 1, "escalated": 1},
                5: {"raised": 1, "resolved": 0, "escalated": 0},
            },
            "previous": {2: {"raised": 1, "resolved": 2, "escalated": 0}},
        }

    monkeypatch.setattr("compact_site.reporting.figures.concern_counts", concern_counts)

    concerns = figures(compact, START, END)["concerns"]

    assert calls == [{"current": (START, END), "previous": (datetime.date(2026, 1, 1), PREVIOUS_END)}]
    assert concerns["recorded"] is True
    rows = by_key(concerns["by_factor"])
    assert rows[2]["raised"] == pair(3, 1)
    assert rows[2]["resolved"] == pair(1, 2)
    assert rows[5]["raised"] == pair(1, 0)
    assert rows[7]["escalated"] == pair(0, 0)
    assert concerns["total"]["raised"] == pair(4, 1)


def test_figures_are_plain_json(report_figures):
    assert json.loads(json.dumps(report_figures)) == report_figures


def test_a_period_of_any_dates_is_compared_with_as_many_days_before_it(compact):
    result = figures(compact, datetime.date(2026, 5, 3), datetime.date(2026, 5, 17))

    assert result["previous_period"]["start"] == "2026-04-18"
    assert result["previous_period"]["end"] == "2026-05-02"
    assert result["period"]["days"] == result["previous_period"]["days"] == 15


def test_concerns_raised_resolved_and_escalated_on_the_period_edges(compact):
    from tests.wins.factories import factor
    from wins import models

    def concern(number, raised_on, **closed):
        status = "resolved" if "resolved_on" in closed else "escalated" if "escalated_on" in closed else "open"
        models.Concern.objects.create(
            compact=compact, title="A concern", factor=factor(number), raised_on=raised_on, status=status, **closed
        )

    concern(2, START, resolved_on=END)  # raised and resolved in the period
    concern(2, END)  # raised on the last day
    concern(2, PREVIOUS_END, escalated_on=START)  # raised before, escalated on the first day
    concern(6, datetime.date(2026, 7, 1))  # the day after: in neither period

    concerns = figures(compact, START, END)["concerns"]

    rows = by_key(concerns["by_factor"])
    assert concerns["recorded"] is True
    assert rows[2]["raised"] == pair(2, 1)
    assert rows[2]["resolved"] == pair(1, 0)
    assert rows[2]["escalated"] == pair(1, 0)
    assert rows[6]["raised"] == pair(0, 0)
