"""The commitments page for a period the reader chooses (from and to dates), beside the fixed ones, with errors
in the GOV.UK pattern."""

import datetime
import re

import pytest
from django.urls import reverse

from .builders import consultation, statutory_body

D = datetime.date
URL = reverse("commitments:overview")


def dates(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def chosen(start, end):
    return {"period": "chosen", **dates("date_from", start), **dates("date_to", end)}


def page_text(response):
    return " ".join(response.content.decode().split())


@pytest.fixture
def records(compact, officer):
    body = statutory_body("Anytown Borough Council")
    consultation(compact=compact, by=officer, body=body, title="Spring", opened_on=D(2025, 4, 7))  # 12 weeks: met
    consultation(compact=compact, by=officer, body=body, title="Summer", opened_on=D(2025, 7, 7), weeks=4)
    consultation(compact=compact, by=officer, body=body, title="Winter", opened_on=D(2024, 12, 2), weeks=4)


def length_row(text):
    return text.split("Consultations last 12 weeks", 1)[1].split("</tr>", 1)[0]


def test_a_chosen_period_counts_only_its_own_records_against_the_one_before(records, lsp_client):
    text = page_text(lsp_client.get(URL, chosen(D(2025, 4, 1), D(2025, 6, 30))))
    assert "The dates chosen: 1 April 2025 to 30 June 2025" in text
    assert "Compared with the period before, 1 January 2025 to 31 March 2025." in text
    assert "100%" in length_row(text) and "1 of 1 met, 0 not known" in length_row(text)
    wider = page_text(lsp_client.get(URL, chosen(D(2025, 4, 1), D(2025, 9, 30))))
    assert "50%" in length_row(wider) and "1 of 2 met, 0 not known" in length_row(wider)


def test_the_chosen_dates_stay_in_the_form(records, lsp_client):
    response = lsp_client.get(URL, chosen(D(2025, 4, 1), D(2025, 6, 30)))
    form = response.context["form"]
    assert (form["period"].value(), form.cleaned_data["date_from"]) == ("chosen", D(2025, 4, 1))
    chosen_radio = [tag for tag in re.findall(r"<input[^>]*>", response.content.decode()) if 'value="chosen"' in tag]
    assert len(chosen_radio) == 1 and "checked" in chosen_radio[0]


@pytest.mark.parametrize(
    "params, message, field",
    [
        (chosen(D(2025, 6, 30), D(2025, 4, 1)), "The last day must be the same as or after the first day", "date_to"),
        ({"period": "chosen", **dates("date_from", D(2025, 4, 1))}, "Enter the last day of the period", "date_to"),
        ({"period": "chosen"}, "Enter the first day of the period", "date_from"),
        (
            {
                "period": "chosen",
                "date_from_0": "31",
                "date_from_1": "2",
                "date_from_2": "2025",
                **dates("date_to", D(2025, 6, 1)),
            },
            "Enter a real date, for example 27 3 2026",
            "date_from",
        ),
        (
            {"period": "chosen", "date_from_0": "1", "date_from_1": "4", **dates("date_to", D(2025, 6, 1))},
            "Enter the first day of the period",  # a year left out
            "date_from",
        ),
        (chosen(D(1, 1, 1), D(1, 3, 1)), "The first day is too early", "date_from"),
        ({"period": "next-century"}, "Choose a period", "period"),
    ],
)
def test_a_wrong_period_is_an_error_in_the_summary_linked_to_its_field(params, message, field, records, lsp_client):
    response = lsp_client.get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: " in html
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', html, flags=re.S)[0]
    assert message in summary
    targets = re.findall(r'<a href="#([^"]+)"', summary)
    assert targets and all(f'id="{target}"' in html for target in targets)
    assert any(target.startswith(f"id_{field}") for target in targets)
    assert "The last 12 months:" in page_text(response), "the default period's figures are shown meanwhile"


def test_a_fixed_period_ignores_dates_left_in_the_form(records, lsp_client):
    params = {"period": "financial-year", "date_from_0": "99", "date_to_2": "x"}
    response = lsp_client.get(URL, params)
    assert "govuk-error-summary" not in response.content.decode()
    assert "The last financial year:" in page_text(response)


def test_the_form_as_nobody_filled_it_in_is_cached_with_the_page_but_a_filled_in_one_is_drawn_each_time(
    records, lsp_client
):
    first = page_text(lsp_client.get(URL))  # caches the page's parts, the empty form with them
    assert 'name="date_from_0" class=' in first and "govuk-error-summary" not in first

    wrong = page_text(lsp_client.get(URL, chosen(D(2026, 3, 31), D(2025, 4, 1))))  # the default period's parts again

    assert "govuk-error-summary" in wrong
    assert 'name="date_from_0" value="31"' in wrong  # what was asked, not the cached empty form
    assert period_form(page_text(lsp_client.get(URL))) == period_form(first)  # and the empty one comes back


def period_form(text):
    return text.split('<form method="get"', 1)[1].split("</form>", 1)[0]
