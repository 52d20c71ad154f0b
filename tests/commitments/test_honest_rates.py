"""Honest rates: a rate says what it stands on, and is marked incomplete when more than a fifth of its records are
not known, on the commitments page, the public page, the LSP report and the API alike.

The example is the Commission for the Compact's review of 41 grant programmes: 22 three-year, 16 with full cost
recovery, 33 paid in advance. Entered in full, the rates are 54%, 39% and 80%. With only the "yes" answers entered
they must not read 100% alone.
"""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments import selectors
from commitments.charts import rates_chart
from commitments.rates import is_incomplete, rate_summary
from commitments.selectors import twelve_months_to
from compact_site.api import services as api_services
from compact_site.public import services as public_services
from compact_site.reporting import services as report_services
from compact_site.reporting.content import report_content
from compact_site.reporting.export import csv_text

from .builders import funding, statutory_body

MULTI_YEAR, FULL_COST, IN_ADVANCE = (
    "Multi-year funding where appropriate",
    "Full cost recovery",
    "Payment in advance",
)


def the_commissions_review(compact, officer, *, only_yes):
    """41 grant programmes decided in the last 12 months; with ``only_yes``, every "no" left not known."""
    body = statutory_body("Anytown Borough Council")
    decided = timezone.localdate() - datetime.timedelta(days=30)
    starts = decided + datetime.timedelta(days=1)
    no = None if only_yes else False
    for number in range(41):
        three_years = number < 22
        funding(
            compact=compact,
            by=officer,
            body=body,
            name=f"Programme {number + 1}",
            decided_on=decided,
            starts_on=starts,
            ends_on=starts.replace(year=starts.year + (3 if three_years else 1)) - datetime.timedelta(days=1)
            if three_years or not only_yes
            else None,
            full_cost_recovery=True if number < 16 else no,
            paid_in_advance=True if number < 33 else no,
        )


def rates(compact):
    period = twelve_months_to(timezone.localdate())
    results = selectors.commitment_results(
        compact=compact, periods={"current": (period.start, period.end), "previous": period.previous}
    )
    return {row["title"]: row["current"] for row in results["commitments"]}


def test_entered_in_full_the_rates_say_what_they_stand_on(compact, officer):
    the_commissions_review(compact, officer, only_yes=False)
    found = rates(compact)
    assert [found[title]["summary"] for title in (MULTI_YEAR, FULL_COST, IN_ADVANCE)] == [
        "54%: 22 of 41 met, 0 not known",
        "39%: 16 of 41 met, 0 not known",
        "80%: 33 of 41 met, 0 not known",
    ]
    assert not any(found[title]["incomplete"] for title in (MULTI_YEAR, FULL_COST, IN_ADVANCE))


def test_with_only_the_yes_answers_a_rate_is_never_100_percent_alone(compact, officer):
    the_commissions_review(compact, officer, only_yes=True)
    found = rates(compact)
    assert found[MULTI_YEAR]["summary"] == "100%: 22 of 22 met, 19 not known (incomplete: more than a fifth not known)"
    assert found[FULL_COST]["summary"] == "100%: 16 of 16 met, 25 not known (incomplete: more than a fifth not known)"
    assert (found[MULTI_YEAR]["incomplete"], found[FULL_COST]["incomplete"]) == (True, True)
    # 8 of 41 not known is under a fifth: the rate stands, but still says what it stands on.
    assert found[IN_ADVANCE]["summary"] == "100%: 33 of 33 met, 8 not known"
    assert found[IN_ADVANCE]["incomplete"] is False


def counts(unknown, checked, met=None):
    known = checked - unknown
    met = known if met is None else met
    rate = None if not known else round(100 * met / known)
    return {"met": met, "not_met": known - met, "explained": 0, "unknown": unknown, "known": known,
            "checked": checked, "rate": rate}  # fmt: skip


@pytest.mark.parametrize(
    "unknown, checked, incomplete",
    [(0, 0, False), (1, 5, False), (2, 10, False), (2, 9, True), (9, 41, True), (8, 41, False), (3, 3, True)],
)
def test_a_rate_is_incomplete_past_a_fifth_not_known(unknown, checked, incomplete):
    assert is_incomplete(counts(unknown, checked)) is incomplete


def test_a_rate_with_no_known_result_says_so():
    assert rate_summary(counts(3, 3)) == "No known result: 3 not known"
    assert rate_summary(counts(0, 0)) == "No records"


def test_the_commitments_page_marks_an_incomplete_rate(compact, officer, officer_client):
    the_commissions_review(compact, officer, only_yes=True)
    text = " ".join(officer_client.get(reverse("commitments:overview")).content.decode().split())
    row = text.split(MULTI_YEAR, 1)[1].split("</tr>", 1)[0]
    assert '<strong class="govuk-tag govuk-tag--yellow compact-rate__tag">Incomplete</strong>' in row
    assert "100%" in row and "22 of 22 met, 19 not known" in row
    in_advance = text.split(IN_ADVANCE, 1)[1].split("</tr>", 1)[0]
    assert "Incomplete" not in in_advance.split("</td>", 1)[0]
    assert "more than a fifth of the records checked against it have no known result" in text


def test_the_public_page_and_home_page_mark_an_incomplete_rate(compact, officer, client):
    the_commissions_review(compact, officer, only_yes=True)
    public_services.update_site_settings(by=officer, is_on=True, publish_scores=False, publish_commitments=True)
    text = " ".join(client.get("/public/commitments/").content.decode().split())
    row = text.split(MULTI_YEAR, 1)[1].split("</tr>", 1)[0]
    assert "Incomplete" in row and "22 of 22 met, 19 not known" in row
    home = " ".join(client.get("/").content.decode().split())
    assert "the share is incomplete, as more than a fifth of the checks have no known result" in home


def test_the_api_says_a_rate_is_incomplete(compact, officer, client):
    the_commissions_review(compact, officer, only_yes=True)
    _, key = api_services.create_token(by=officer, name="Open data portal", rate_limit_per_minute=60)
    answer = client.get("/api/v1/commitments", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    multi_year = next(row for row in answer["results"] if row["title"] == MULTI_YEAR)
    assert multi_year["current"]["incomplete"] is True
    assert multi_year["current"]["rate"] == 100
    assert multi_year["current"]["summary"].endswith("(incomplete: more than a fifth not known)")


def test_the_report_and_its_csv_mark_an_incomplete_rate(compact, officer, officer_client):
    the_commissions_review(compact, officer, only_yes=True)
    today = timezone.localdate()
    report = report_services.create_report(
        compact=compact, by=officer, start=today - datetime.timedelta(days=60), end=today
    )
    page = " ".join(officer_client.get(report.get_absolute_url()).content.decode().split())
    row = page.split(MULTI_YEAR, 1)[1].split("</tr>", 1)[0]
    assert "Incomplete" in row and "22 of 22 met, 19 not known" in row
    rows = {row[1]: row[3:] for row in csv.reader(io.StringIO(csv_text(report_content(report)).lstrip("\ufeff")))}
    measure = "rate incomplete, more than a fifth not known (Yes or No)"
    assert rows[f"{MULTI_YEAR}: {measure}"] == ["Yes", "No"]
    assert rows[f"{IN_ADVANCE}: {measure}"] == ["No", "No"]
    assert rows[f"{MULTI_YEAR}: Records meeting the commitment (%)"] == ["100", ""]


def test_the_chart_marks_a_commitment_whose_rate_is_incomplete(compact, officer):
    the_commissions_review(compact, officer, only_yes=True)
    period = twelve_months_to(timezone.localdate())
    results = selectors.commitment_rates(
        compact=compact, periods={"current": (period.start, period.end), "previous": period.previous}
    )
    svg = rates_chart(results).decode()
    assert f"{MULTI_YEAR} *" in svg and f"{FULL_COST} *" in svg
    assert f"{IN_ADVANCE} *" not in svg
    words = " ".join(re.sub(r"<[^>]+>", " ", svg).split())  # pygal wraps the axis title over lines
    assert "Records meeting the commitment (%); * incomplete" in words
