"""Evidence files are served only through the service, only to people who may see the win."""

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories

from .factories import PDF_BYTES, PNG_BYTES, WinFactory, draft, upload

pytestmark = pytest.mark.django_db


def file_url(win):
    return reverse("wins:win_evidence", args=[win.pk])


def body(response):
    return b"".join(response.streaming_content)


def with_file(name="minutes.pdf", content=PDF_BYTES, **kwargs):
    return WinFactory(evidence_file=upload(name, content), evidence_file_name=name, **kwargs)


def test_a_published_wins_file_is_a_download_for_everyone_signed_in(compact, lsp_client):
    win = with_file(compact=compact)

    response = lsp_client.get(file_url(win))

    assert response.status_code == 200
    assert body(response) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="minutes.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_photo_opens_in_the_browser(compact, champion_client):
    win = with_file("photo.png", PNG_BYTES, compact=compact)

    response = champion_client.get(file_url(win))

    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_original_name_is_given_back_not_the_stored_one(compact, champion, champion_client):
    win = with_file("Fair report – March.pdf", compact=compact)

    disposition = champion_client.get(file_url(win))["Content-Disposition"]

    assert "Fair%20report%20%E2%80%93%20March.pdf" in disposition
    assert win.evidence_file.name.rsplit("/", 1)[1] not in disposition


def test_nobody_signed_out_gets_a_file(compact, client):
    response = client.get(file_url(with_file(compact=compact)))

    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_drafts_file_is_for_its_recorder_and_officers_only(
    compact, champion, champion_client, officer_client, lsp_client
):
    win = draft(compact=compact, recorded_by=champion, evidence_file=upload(), evidence_file_name="report.pdf")
    other_champion = Client()
    other_champion.force_login(factories.champion_user(username="other-champion"))

    assert champion_client.get(file_url(win)).status_code == 200
    assert officer_client.get(file_url(win)).status_code == 200
    assert lsp_client.get(file_url(win)).status_code == 404
    assert other_champion.get(file_url(win)).status_code == 404


def test_a_win_without_a_file_has_nothing_to_serve(compact, lsp_client):
    assert lsp_client.get(file_url(WinFactory(compact=compact))).status_code == 404


def test_uploads_are_never_served_from_the_media_url(compact, lsp_client):
    win = with_file(compact=compact)

    assert lsp_client.get(f"/media/{win.evidence_file.name}").status_code == 404


def test_the_wins_page_links_to_the_file_by_its_original_name(compact, lsp_client):
    win = with_file("Volunteers fair photos.pdf", compact=compact)

    html = lsp_client.get(win.get_absolute_url()).content.decode()

    assert f'<a class="govuk-link" href="{file_url(win)}">Volunteers fair photos.pdf</a>' in html
