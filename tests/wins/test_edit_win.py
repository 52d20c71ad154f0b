"""Changing a win: champions their own drafts and returned wins; officers any win."""

import pytest
from django.urls import reverse

from tests import factories
from tests.success_factors.builders import page_text
from wins.models import WinStatus

from .factories import PDF_BYTES, WinFactory, draft, factor, submitted, upload
from .test_record_win import form_data

pytestmark = pytest.mark.django_db


def edit_url(win):
    return reverse("wins:win_edit", args=[win.pk])


def someone_else():
    return factories.champion_user(username="someone-else")


def test_a_champion_changes_their_draft(compact, champion, champion_client):
    win = draft(compact=compact, recorded_by=champion, title="First go")

    page = champion_client.get(edit_url(win))
    response = champion_client.post(edit_url(win), form_data(title="Second go", then="save"))

    assert 'value="First go"' in page.content.decode()
    assert response.status_code == 302
    win.refresh_from_db()
    assert (win.title, win.status) == ("Second go", WinStatus.DRAFT)


def test_a_returned_win_shows_the_note_and_can_be_submitted_again(compact, champion, champion_client):
    win = WinFactory(compact=compact, recorded_by=champion, status=WinStatus.RETURNED, return_note="Add the numbers.")

    assert "Add the numbers." in page_text(champion_client.get(edit_url(win)))
    champion_client.post(edit_url(win), form_data(people_reached="85"))

    win.refresh_from_db()
    assert (win.status, win.people_reached, win.return_note) == (WinStatus.SUBMITTED, 85, "")


def test_champion_cannot_edit_another_champions_win(compact, champion_client):
    win = draft(compact=compact, recorded_by=someone_else())

    assert champion_client.get(edit_url(win)).status_code == 403
    assert champion_client.post(edit_url(win), form_data(title="Hijacked")).status_code == 403
    win.refresh_from_db()
    assert win.title != "Hijacked"


@pytest.mark.parametrize("status", [WinStatus.SUBMITTED, WinStatus.PUBLISHED])
def test_champion_cannot_edit_published_win_or_one_waiting_for_an_officer(status, compact, champion, champion_client):
    win = WinFactory(compact=compact, recorded_by=champion, status=status, title="As it was")

    assert champion_client.get(edit_url(win)).status_code == 403
    assert champion_client.post(edit_url(win), form_data(title="Changed")).status_code == 403
    win.refresh_from_db()
    assert win.title == "As it was"


def test_an_officer_corrects_a_published_win_and_it_stays_published(compact, officer_client):
    win = WinFactory(compact=compact, recorded_by=someone_else())

    text = page_text(officer_client.get(edit_url(win)))
    officer_client.post(edit_url(win), form_data(title="Corrected by the officer", then="save"))

    assert "Save changes" in text and "Publish" not in text.replace("publishing", "")
    win.refresh_from_db()
    assert (win.title, win.status) == ("Corrected by the officer", WinStatus.PUBLISHED)


def test_an_officer_publishes_a_submitted_win_from_the_edit_page(compact, officer_client, mailoutbox):
    recorder = someone_else()
    win = submitted(compact=compact, recorded_by=recorder)

    officer_client.post(edit_url(win), form_data(then="publish"))

    win.refresh_from_db()
    assert win.status == WinStatus.PUBLISHED
    assert [email.to for email in mailoutbox] == [[recorder.email]]


def test_a_new_file_replaces_the_old_one_on_the_page(compact, champion, champion_client):
    win = draft(compact=compact, recorded_by=champion, evidence_file=upload("old.pdf"), evidence_file_name="old.pdf")

    assert "Choosing a file replaces “old.pdf”." in page_text(champion_client.get(edit_url(win)))
    champion_client.post(edit_url(win), form_data(then="save", evidence_file=upload("new.pdf", PDF_BYTES)))

    win.refresh_from_db()
    assert win.evidence_file_name == "new.pdf"


def test_saving_without_choosing_a_file_keeps_the_old_one(compact, champion, champion_client):
    win = draft(compact=compact, recorded_by=champion, evidence_file=upload("old.pdf"), evidence_file_name="old.pdf")
    stored = win.evidence_file.name

    champion_client.post(edit_url(win), form_data(then="save", factors=[factor(2).pk]))

    win.refresh_from_db()
    assert (win.evidence_file.name, win.evidence_file_name) == (stored, "old.pdf")
