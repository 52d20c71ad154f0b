"""Recording a win on one page: defaults, the three ways to save, and errors that lose nothing."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from signatories.selectors import organisation_for
from success_factors.models import Factor
from tests.success_factors.builders import page_text
from wins.models import Win, WinStatus

from .factories import EXE_BYTES, PDF_BYTES, factor, upload

pytestmark = pytest.mark.django_db
URL = reverse("wins:win_create")


def form_data(**overrides):
    data = {
        "title": "Volunteers' fair at the library",
        "happened_on_0": "2",
        "happened_on_1": "3",
        "happened_on_2": "2026",
        "what_happened": "The CVS and the council ran a fair with 14 groups.",
        "difference_made": "120 people signed up to volunteer.",
        "factors": [factor(3).pk, factor(5).pk],
        "people_reached": "120",
        "evidence_link": "",
        "then": "submit",
    }
    data.update(overrides)
    return data


def test_the_form_starts_with_today_and_the_champions_organisation(compact, champion, champion_client):
    response = champion_client.get(URL)

    html = response.content.decode()
    today = timezone.localdate()
    assert f'name="happened_on_0" value="{today.day}"' in html
    assert f'name="happened_on_2" value="{today.year}"' in html
    organisation = organisation_for(champion)
    assert re.search(rf'name="organisations" type="checkbox" value="{organisation.pk}" checked>', html)
    text = page_text(response)
    assert "Record a win" in text and organisation.name in text
    for item in Factor.objects.all():
        assert str(item) in text and item.summary in text
    assert "Submit for publishing" in text and "Save as draft" in text
    assert "Publish" not in text.replace("publishing", "")


def test_officers_publish_from_the_same_form(compact, officer_client):
    text = page_text(officer_client.get(URL))

    assert "Publish" in text and "Save as draft" in text and "Submit for publishing" not in text


def test_a_champion_saves_a_draft(compact, champion, champion_client):
    response = champion_client.post(URL, form_data(then="save"))

    win = Win.objects.get()
    assert response.status_code == 302 and response["Location"] == win.get_absolute_url()
    assert (win.status, win.recorded_by, win.title) == (WinStatus.DRAFT, champion, "Volunteers' fair at the library")
    assert win.organisation == organisation_for(champion)
    assert win.people_reached == 120
    assert {f.number for f in win.factors.all()} == {3, 5}


def test_a_champion_submits_for_publishing(compact, champion_client, mailoutbox):
    response = champion_client.post(URL, form_data(), follow=True)

    win = Win.objects.get()
    assert win.status == WinStatus.SUBMITTED
    assert "Your win has been submitted" in page_text(response)
    assert mailoutbox == []


def test_an_officer_records_and_publishes_at_once(compact, officer, officer_client):
    officer_client.post(URL, form_data(then="publish", is_quick_win="on"))

    win = Win.objects.get()
    assert (win.status, win.published_by, win.is_quick_win) == (WinStatus.PUBLISHED, officer, True)


def test_a_champion_cannot_publish_by_tampering_with_the_button(compact, champion_client):
    response = champion_client.post(URL, form_data(then="publish"))

    assert response.status_code == 403
    assert not Win.objects.filter(status=WinStatus.PUBLISHED).exists()


def test_mistakes_are_listed_at_the_top_and_nothing_typed_is_lost(compact, champion_client):
    response = champion_client.post(URL, form_data(title="", factors=[], people_reached="lots"))

    assert response.status_code == 200
    assert not Win.objects.exists()
    html = response.content.decode()
    summary = html.split('class="govuk-error-summary"')[1].split("</ul>")[0]
    assert '<a href="#id_title">Enter a title for the win</a>' in summary
    assert '<a href="#id_factors_1">Select at least one of the seven factors the win shows</a>' in summary
    assert '<a href="#id_people_reached">Enter the number of people as a whole number, like 120</a>' in summary
    assert 'id="id_factors_1"' in html  # the link lands on the first checkbox
    assert "The CVS and the council ran a fair with 14 groups." in html
    assert 'name="people_reached" value="lots"' in html
    assert "<title>Error: Record a win" in html


def test_the_date_cannot_be_in_the_future(compact, champion_client):
    next_year = str(timezone.localdate().year + 1)

    response = champion_client.post(URL, form_data(happened_on_2=next_year))

    assert "The date it happened must be today or in the past" in page_text(response)
    assert not Win.objects.exists()


def test_a_program_renamed_as_a_pdf_is_refused_and_the_person_told_to_choose_again(
    compact, champion_client, media_root
):
    response = champion_client.post(URL, form_data(evidence_file=upload("report.pdf", EXE_BYTES)))

    assert response.status_code == 200
    assert not Win.objects.exists()
    assert not media_root.exists() or not any(path.is_file() for path in media_root.rglob("*"))
    html = response.content.decode()
    assert '<a href="#id_evidence_file">The selected file must be a PDF' in html
    assert "“report.pdf” was not saved. Choose a file again." in page_text(response)
    assert "Volunteers&#x27; fair at the library" in html


def test_a_file_over_the_limit_is_refused(compact, champion_client, settings):
    settings.WIN_UPLOAD_MAX_BYTES = 1024

    response = champion_client.post(URL, form_data(evidence_file=upload("big.pdf", b"%PDF-" + b"x" * 2000)))

    assert "The selected file must be smaller than 1 KB" in page_text(response)
    assert "smaller than 1 KB." in page_text(response)  # the hint states the same limit
    assert not Win.objects.exists()


def test_a_good_file_must_be_chosen_again_when_another_field_is_wrong(compact, champion_client):
    response = champion_client.post(URL, form_data(title="", evidence_file=upload("report.pdf", PDF_BYTES)))

    text = page_text(response)
    assert "You chose “report.pdf”. Choose it again before you save" in text
    assert "The selected file must" not in text


def test_a_path_in_the_file_name_is_neutralised(compact, champion_client, media_root):
    champion_client.post(URL, form_data(evidence_file=upload("../../etc/passwd.pdf", PDF_BYTES)))

    win = Win.objects.get()
    assert win.evidence_file_name == "passwd.pdf"
    stored = (media_root / win.evidence_file.name).resolve()
    assert stored.is_relative_to(media_root.resolve()) and stored.read_bytes() == PDF_BYTES
    assert "passwd" not in win.evidence_file.name


def test_without_a_compact_there_is_nowhere_to_record(db, champion_client):
    response = champion_client.get(URL, follow=True)

    assert "Set up the Compact before recording wins." in page_text(response)
