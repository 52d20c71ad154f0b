"""The whole moderation story through the pages: a champion submits, an officer returns it with a note,
the champion changes and resubmits it, the officer publishes it. Each step emails the champion."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.success_factors.builders import page_text
from wins.models import Win, WinStatus

from .factories import WinFactory, draft, submitted
from .test_record_win import form_data

pytestmark = pytest.mark.django_db
QUEUE = reverse("wins:queue")


def test_a_win_goes_from_champion_to_library(
    compact, champion, champion_client, officer_client, lsp_client, mailoutbox
):
    champion_client.post(reverse("wins:win_create"), form_data(title="Shared premises for the food bank"))
    win = Win.objects.get()

    # The officer sees it waiting, on the home page and in the queue.
    assert "1 win waiting for you" in page_text(officer_client.get(reverse("dashboard")))
    assert "Shared premises for the food bank" in page_text(officer_client.get(QUEUE))
    # Not yet in the library, and LSP members cannot see it at all.
    assert "Shared premises for the food bank" not in page_text(lsp_client.get(reverse("wins:library")))
    assert lsp_client.get(win.get_absolute_url()).status_code == 404

    # Returned with a note: the champion is emailed the note and a link to change the win.
    page = officer_client.get(reverse("wins:win_return", args=[win.pk]))
    assert "Return the win to Chris Champion" in page_text(page)
    response = officer_client.post(reverse("wins:win_return", args=[win.pk]), {"note": "Say which ward, please."})
    assert response["Location"] == QUEUE
    [returned] = mailoutbox
    assert returned.to == [champion.email]
    assert "Say which ward, please." in returned.body
    assert f"https://compact.example.org/wins/{win.pk}/edit/" in returned.body

    # The champion sees it first among their wins, with the note, and on their home page.
    assert "1 win returned to you" in page_text(champion_client.get(reverse("dashboard")))
    mine = page_text(champion_client.get(reverse("wins:my_wins")))
    assert "Officer’s note: Say which ward, please." in mine
    champion_client.post(reverse("wins:win_edit", args=[win.pk]), form_data(title="Shared premises in Eastfield"))
    win.refresh_from_db()
    assert win.status == WinStatus.SUBMITTED

    # Published from the queue: back to the queue, the champion emailed, the library shows it.
    response = officer_client.post(reverse("wins:win_publish", args=[win.pk]), {"from": "queue"})
    assert response["Location"] == QUEUE
    win.refresh_from_db()
    assert win.status == WinStatus.PUBLISHED
    published = mailoutbox[-1]
    assert "published" in published.subject and f"https://compact.example.org/wins/{win.pk}/" in published.body
    assert "Shared premises in Eastfield" in page_text(lsp_client.get(reverse("wins:library")))
    assert "0 wins waiting for you" in page_text(officer_client.get(reverse("dashboard")))


def test_the_queue_lists_submitted_wins_oldest_first(compact, officer_client):
    now = timezone.now()
    submitted(compact=compact, title="Submitted this morning", submitted_at=now)
    submitted(compact=compact, title="Submitted three days ago", submitted_at=now - datetime.timedelta(days=3))
    draft(compact=compact, title="Still a draft")
    WinFactory(compact=compact, title="Already published")

    text = page_text(officer_client.get(QUEUE))

    assert "2 wins waiting" in text
    assert text.index("Submitted three days ago") < text.index("Submitted this morning")
    assert "Still a draft" not in text and "Already published" not in text


def test_returning_without_a_note_shows_an_error(compact, officer_client):
    win = submitted(compact=compact)

    response = officer_client.post(reverse("wins:win_return", args=[win.pk]), {"note": ""})

    assert '<a href="#id_note">Say what the champion needs to change</a>' in response.content.decode()
    win.refresh_from_db()
    assert win.status == WinStatus.SUBMITTED


def test_a_win_that_is_not_waiting_cannot_be_returned(compact, officer_client):
    win = WinFactory(compact=compact)

    response = officer_client.get(reverse("wins:win_return", args=[win.pk]), follow=True)

    assert "Only a submitted win can be returned" in page_text(response)


def test_a_champion_submits_a_draft_from_its_page(compact, champion, champion_client):
    win = draft(compact=compact, recorded_by=champion)

    assert "Submit for publishing" in page_text(champion_client.get(win.get_absolute_url()))
    champion_client.post(reverse("wins:win_submit", args=[win.pk]))

    win.refresh_from_db()
    assert win.status == WinStatus.SUBMITTED


def test_a_champion_cannot_submit_someone_elses_draft(compact, champion_client):
    win = draft(compact=compact, recorded_by=factories.champion_user(username="someone-else"))

    assert champion_client.post(reverse("wins:win_submit", args=[win.pk])).status_code == 403
    win.refresh_from_db()
    assert win.status == WinStatus.DRAFT


def test_officers_see_the_history_of_a_win_and_others_do_not(compact, champion, champion_client, officer_client):
    champion_client.post(reverse("wins:win_create"), form_data(title="Councillors' briefing"))
    win = Win.objects.get()
    officer_client.post(reverse("wins:win_return", args=[win.pk]), {"note": "Which councillors came?"})

    officer_view = page_text(officer_client.get(win.get_absolute_url()))
    champion_view = page_text(champion_client.get(win.get_absolute_url()))

    assert "History" in officer_view
    assert "Recorded as draft" in officer_view
    assert "Draft → submitted" in officer_view
    assert "Submitted → returned “Which councillors came?” Olivia Officer" in officer_view
    assert "History" not in champion_view
    assert "Which councillors came?" in champion_view  # the note itself, for the champion to act on
