"""The Compact itself: everyone signed in reads its details; an officer sets it up and keeps them up to date."""

import datetime

import pytest
from django.urls import reverse

from signatories.form_fields import version_of
from signatories.models import Compact
from tests.success_factors.builders import page_text, text

pytestmark = pytest.mark.django_db
DETAIL_URL = reverse("signatories:compact_detail")
EDIT_URL = reverse("signatories:compact_edit")


def date_fields(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def compact_data(**overrides):
    data = {
        "name": "Riverside Local Compact",
        "area": "Riverside District",
        "summary": "How we work together.",
        **date_fields("adopted_on", datetime.date(2024, 4, 1)),
        **date_fields("review_on", datetime.date(2027, 3, 31)),
        "report_every_months": "3",
    }
    data.update(overrides)
    return data


def error_summary(response):
    html = response.content.decode()
    start = html.index('<div class="govuk-error-summary"')
    return text(html[start : html.index("</ul>", start)])


def test_an_officer_sets_up_the_compact_when_there_is_none(officer_client):
    assert "Set up the Compact" in page_text(officer_client.get(reverse("dashboard")))

    response = officer_client.post(EDIT_URL, compact_data(), follow=True)

    compact = Compact.objects.get()
    assert (compact.name, compact.area, compact.adopted_on) == (
        "Riverside Local Compact",
        "Riverside District",
        datetime.date(2024, 4, 1),
    )
    text = page_text(response)
    assert "The Compact has been set up. Next, add the organisations that have signed it." in text
    assert (
        "Area Riverside District Adopted 1 April 2024 Review due 31 March 2027 Reports to the LSP Every quarter" in text
    )


def test_everyone_signed_in_reads_the_compact_and_only_officers_may_change_it(compact, lsp_client, champion_client):
    for client in (lsp_client, champion_client):
        response = client.get(DETAIL_URL)
        assert compact.name in page_text(response)
        assert "Change the Compact's details" not in page_text(response)
    assert f'href="{DETAIL_URL}"' in lsp_client.get(reverse("dashboard")).content.decode()
    assert lsp_client.post(EDIT_URL, compact_data(name="Taken over")).status_code == 403
    compact.refresh_from_db()
    assert compact.name != "Taken over"


def test_an_officer_changes_how_often_the_lsp_hears(compact, officer_client):
    response = officer_client.post(
        EDIT_URL, compact_data(name=compact.name, report_every_months="12", version=version_of(compact)), follow=True
    )

    compact.refresh_from_db()
    assert compact.report_every_months == 12
    assert "The Compact's details have been saved." in page_text(response)
    assert "Reports to the LSP Every year" in page_text(response)
    assert Compact.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "Enter the Compact's name, for example Northbrook Local Compact"),
        ({"report_every_months": "0"}, "Enter a number of months from 1 to 24"),
        ({"report_every_months": "quarterly"}, "Enter the number of months as a whole number, like 3"),
        (
            date_fields("review_on", datetime.date(2024, 3, 1)),
            "The review date must be after the date the Compact was adopted",
        ),
    ],
)
def test_mistakes_are_explained_and_nothing_is_saved(compact, officer_client, overrides, message):
    before = Compact.objects.values().get()

    response = officer_client.post(EDIT_URL, compact_data(version=version_of(compact), **overrides))

    assert response.status_code == 200
    assert message in error_summary(response)
    assert Compact.objects.values().get() == before
    assert 'value="Riverside District"' in response.content.decode()  # what was typed is kept


def test_a_second_officer_editing_at_the_same_time_is_told_rather_than_overwritten(compact, officer_client):
    opened = version_of(compact)
    Compact.objects.filter(pk=compact.pk).update(area="Changed by someone else")
    compact.refresh_from_db()
    compact.save()  # a later save: a new version

    response = officer_client.post(EDIT_URL, compact_data(version=opened))

    assert "Someone else changed this record" in page_text(response)
    compact.refresh_from_db()
    assert compact.area == "Changed by someone else"


def test_the_compacts_history_is_one_click_away_for_officers(compact, officer_client):
    link = reverse("history", args=["compact", compact.pk])

    assert link in officer_client.get(DETAIL_URL).content.decode()
    assert officer_client.get(link).status_code == 200


def test_before_a_compact_is_set_up_readers_are_told_who_does_it(lsp_client):
    text = page_text(lsp_client.get(DETAIL_URL))

    assert "No Compact has been set up yet" in text and "A Compact officer sets it up." in text
    assert "Set up the Compact" not in text
