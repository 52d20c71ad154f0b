"""The services that move a win: who may, what is allowed, what is logged and who is told."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests import factories
from wins import services
from wins.models import Win, WinEvent, WinStatus

from .factories import PDF_BYTES, WinFactory, draft, factor, submitted, upload

pytestmark = pytest.mark.django_db


def fields(**overrides):
    data = {
        "title": "Joint hospital discharge scheme",
        "what_happened": "Volunteers phone patients before they go home.",
        "difference_made": "Forty older people went home on time.",
        "happened_on": datetime.date(2026, 3, 2),
        "factors": [factor(1), factor(4)],
    }
    data.update(overrides)
    return data


def moves(win):
    return list(WinEvent.objects.filter(win=win).values_list("from_status", "to_status"))


def test_a_champion_records_a_draft_for_their_organisation(compact, champion):
    win = services.create_draft(compact=compact, by=champion, **fields())

    assert win.status == WinStatus.DRAFT
    assert win.recorded_by == champion
    assert win.organisation == champion.champion_records.get().organisation
    assert {f.number for f in win.factors.all()} == {1, 4}
    assert moves(win) == [("", WinStatus.DRAFT)]


def test_a_win_needs_at_least_one_factor(compact, champion):
    with pytest.raises(ValidationError) as error:
        services.create_draft(compact=compact, by=champion, **fields(factors=[]))

    assert error.value.message_dict == {"factors": ["Select at least one of the seven factors the win shows"]}
    assert not Win.objects.exists()


def test_an_lsp_member_cannot_record_a_win(compact, lsp_member):
    with pytest.raises(PermissionDenied):
        services.create_draft(compact=compact, by=lsp_member, **fields())


def test_an_evidence_file_is_checked_and_stored_under_a_random_name(compact, champion, media_root):
    win = services.create_draft(
        compact=compact, by=champion, evidence_file=upload("../../etc/passwd.pdf", PDF_BYTES), **fields()
    )

    assert win.evidence_file_name == "passwd.pdf"
    assert win.evidence_file.name.startswith("wins/") and "passwd" not in win.evidence_file.name
    stored = media_root / win.evidence_file.name
    assert stored.read_bytes() == PDF_BYTES
    assert [path for path in media_root.rglob("*") if path.is_file()] == [stored]


def test_a_bad_file_saves_nothing(compact, champion, media_root):
    with pytest.raises(ValidationError):
        services.create_draft(compact=compact, by=champion, evidence_file=upload("report.pdf", b"MZ\x90"), **fields())

    assert not Win.objects.exists()
    assert not media_root.exists() or not any(path.is_file() for path in media_root.rglob("*"))


def test_submitting_records_when_and_who(compact, champion):
    win = services.create_draft(compact=compact, by=champion, **fields())

    services.submit_win(win=win, by=champion)

    win.refresh_from_db()
    assert win.status == WinStatus.SUBMITTED and win.submitted_at is not None
    assert moves(win) == [("", WinStatus.DRAFT), (WinStatus.DRAFT, WinStatus.SUBMITTED)]


def test_a_submitted_win_cannot_be_submitted_again(compact, champion):
    win = submitted(compact=compact, recorded_by=champion)

    with pytest.raises(ValidationError, match="cannot be submitted"):
        services.submit_win(win=win, by=champion)


def test_an_officer_publishes_and_the_champion_is_emailed(
    compact, champion, officer, mailoutbox, django_capture_on_commit_callbacks
):
    win = submitted(compact=compact, recorded_by=champion, title="Volunteers' fair")

    with django_capture_on_commit_callbacks(execute=True):
        services.publish_win(win=win, by=officer)

    win.refresh_from_db()
    assert (win.status, win.published_by) == (WinStatus.PUBLISHED, officer)
    assert win.published_at is not None
    [email] = mailoutbox
    assert email.to == [champion.email]
    assert "Volunteers' fair" in email.subject
    assert f"https://compact.example.org/wins/{win.pk}/" in email.body


def test_a_champion_cannot_publish(compact, champion):
    win = submitted(compact=compact, recorded_by=champion)

    with pytest.raises(PermissionDenied):
        services.publish_win(win=win, by=champion)


def test_a_published_win_cannot_be_published_twice(compact, officer):
    with pytest.raises(ValidationError, match="already been published"):
        services.publish_win(win=WinFactory(compact=compact), by=officer)


def test_returning_needs_a_note(compact, champion, officer, mailoutbox):
    win = submitted(compact=compact, recorded_by=champion)

    with pytest.raises(ValidationError) as error:
        services.return_to_champion(win=win, by=officer, note="   ")

    assert error.value.message_dict == {"note": ["Say what the champion needs to change"]}
    win.refresh_from_db()
    assert win.status == WinStatus.SUBMITTED
    assert mailoutbox == []


def test_returning_keeps_the_note_and_emails_it_with_a_link_to_change_the_win(
    compact, champion, officer, mailoutbox, django_capture_on_commit_callbacks
):
    win = submitted(compact=compact, recorded_by=champion)

    with django_capture_on_commit_callbacks(execute=True):
        services.return_to_champion(win=win, by=officer, note="Please add how many people came.")

    win.refresh_from_db()
    assert (win.status, win.return_note) == (WinStatus.RETURNED, "Please add how many people came.")
    assert WinEvent.objects.filter(win=win).last().note == "Please add how many people came."
    [email] = mailoutbox
    assert "Please add how many people came." in email.body
    assert f"https://compact.example.org/wins/{win.pk}/edit/" in email.body


def test_only_a_submitted_win_can_be_returned(compact, officer):
    with pytest.raises(ValidationError, match="Only a submitted win"):
        services.return_to_champion(win=draft(compact=compact), by=officer, note="Why?")


def test_resubmitting_clears_the_note_but_the_log_keeps_it(compact, champion, officer):
    win = WinFactory(compact=compact, recorded_by=champion, status=WinStatus.RETURNED, return_note="Add numbers.")
    WinEvent.objects.create(win=win, from_status=WinStatus.SUBMITTED, to_status=WinStatus.RETURNED, note="Add numbers.")

    services.submit_win(win=win, by=champion)

    win.refresh_from_db()
    assert (win.status, win.return_note) == (WinStatus.SUBMITTED, "")
    assert WinEvent.objects.filter(win=win, note="Add numbers.").exists()


def test_a_champion_updates_their_own_draft(compact, champion):
    win = services.create_draft(compact=compact, by=champion, **fields())

    services.update_win(win=win, by=champion, **fields(title="A better title", factors=[factor(7)]))

    win.refresh_from_db()
    assert win.title == "A better title"
    assert [f.number for f in win.factors.all()] == [7]


def test_a_champion_cannot_update_someone_elses_win(compact, champion):
    other = draft(compact=compact, recorded_by=factories.champion_user(username="someone-else"))

    with pytest.raises(PermissionDenied):
        services.update_win(win=other, by=champion, **fields())


def test_a_champion_cannot_update_their_published_win(compact, champion):
    win = WinFactory(compact=compact, recorded_by=champion)

    with pytest.raises(PermissionDenied):
        services.update_win(win=win, by=champion, **fields(title="Changed after publishing"))
    win.refresh_from_db()
    assert win.title != "Changed after publishing"


def test_an_officer_updates_any_win(compact, officer):
    win = WinFactory(compact=compact, recorded_by=factories.champion_user(username="someone-else"))

    services.update_win(win=win, by=officer, **fields(title="Tidied by the officer"))

    win.refresh_from_db()
    assert (win.title, win.status) == ("Tidied by the officer", WinStatus.PUBLISHED)


def test_an_officer_records_and_publishes_in_one_step_without_emailing_themselves(compact, officer, mailoutbox):
    win = services.record_and_publish(compact=compact, by=officer, **fields())

    assert (win.status, win.published_by, win.recorded_by) == (WinStatus.PUBLISHED, officer, officer)
    assert moves(win) == [("", WinStatus.PUBLISHED)]
    assert mailoutbox == []


def test_only_an_officer_records_and_publishes(compact, champion):
    with pytest.raises(PermissionDenied):
        services.record_and_publish(compact=compact, by=champion, **fields())
    assert not Win.objects.exists()


def test_save_win_refuses_an_unknown_next_step(compact, champion):
    with pytest.raises(ValidationError):
        services.save_win(compact=compact, by=champion, then="delete", **fields())
