"""Changes to wins. Each function checks who may act and that the move is allowed, records the move
in the win's event log, and emails the champion when an officer publishes or returns their win."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications import kinds
from notifications.services import queue_email
from signatories.models import Compact, Organisation
from signatories.roles import CHAMPION, OFFICER, has_role, is_officer
from signatories.selectors import organisation_for
from success_factors.models import Factor

from .evidence import check_evidence_file, display_name, extension
from .models import EDITABLE_STATUSES, Win, WinEvent, WinStatus
from .permissions import can_edit_win, can_submit_win

# The fields a person fills in; status, dates of moves and who recorded it are the services' business.
WIN_FIELDS = (
    "title",
    "what_happened",
    "difference_made",
    "happened_on",
    "is_quick_win",
    "people_reached",
    "evidence_link",
)
NO_FACTOR = "Select at least one of the seven factors the win shows"


def _fill(win, *, factors, fields, evidence_file):
    unknown = set(fields) - set(WIN_FIELDS)
    if unknown:
        raise TypeError(f"Unknown win fields: {sorted(unknown)}")
    factors = list(factors or ())
    if not factors:
        raise ValidationError({"factors": NO_FACTOR})
    for name, value in fields.items():
        setattr(win, name, value)
    win.full_clean(exclude=["evidence_file"])
    if evidence_file is not None:
        check_evidence_file(evidence_file)
        win.evidence_file_name = display_name(evidence_file.name)
        # The storage name comes from evidence_upload_to: random, under wins/<year>/<month>/.
        win.evidence_file.save(f"evidence{extension(evidence_file.name)}", evidence_file, save=False)
    return factors


def _save_new(win, *, factors, organisations):
    win.save()
    win.factors.set(factors)
    win.organisations.set(organisations or ())


def _log(win, *, from_status, by, note=""):
    return WinEvent.objects.create(win=win, from_status=from_status, to_status=win.status, by=by, note=note)


def _check_recorder(by):
    if not has_role(by, OFFICER, CHAMPION):
        raise PermissionDenied("Only Compact officers and champions record wins.")


def _check_officer(by):
    if not is_officer(by):
        raise PermissionDenied("Only a Compact officer can publish or return a win.")


@transaction.atomic
def create_draft(
    *,
    compact: Compact,
    by: User,
    factors: Iterable[Factor],
    organisations: Iterable[Organisation] = (),
    evidence_file: UploadedFile | None = None,
    **fields: object,
) -> Win:
    """Record a new win as a draft, for the person recording it and their organisation."""
    _check_recorder(by)
    win = Win(compact=compact, recorded_by=by, organisation=organisation_for(by), status=WinStatus.DRAFT)
    factors = _fill(win, factors=factors, fields=fields, evidence_file=evidence_file)
    _save_new(win, factors=factors, organisations=organisations)
    _log(win, from_status="", by=by)
    return win


@transaction.atomic
def update_win(
    *,
    win: Win,
    by: User,
    factors: Iterable[Factor],
    organisations: Iterable[Organisation] = (),
    evidence_file: UploadedFile | None = None,
    **fields: object,
) -> Win:
    """Change what a win says. Champions change only their own, while it is a draft or returned; officers any.

    A new ``evidence_file`` replaces the old one (the old file is kept for the history).
    """
    win = Win.objects.select_for_update().get(pk=win.pk)
    if not can_edit_win(by, win):
        raise PermissionDenied("You can change only your own wins, and only before they are submitted.")
    factors = _fill(win, factors=factors, fields=fields, evidence_file=evidence_file)
    win.save()
    win.factors.set(factors)
    win.organisations.set(organisations or ())
    return win


@transaction.atomic
def submit_win(*, win: Win, by: User) -> Win:
    """Send a draft or returned win to the officers for publishing."""
    win = Win.objects.select_for_update().get(pk=win.pk)
    if win.status not in EDITABLE_STATUSES:
        raise ValidationError(f"This win is {win.get_status_display().lower()}, so it cannot be submitted.")
    if not can_submit_win(by, win):
        raise PermissionDenied("You can submit only your own wins.")
    before = win.status
    win.status = WinStatus.SUBMITTED
    win.submitted_at = timezone.now()
    win.return_note = ""  # the note is kept in the event log
    win.save(update_fields=["status", "submitted_at", "return_note", "updated_at"])
    _log(win, from_status=before, by=by)
    return win


@transaction.atomic
def publish_win(*, win: Win, by: User) -> Win:
    """An officer publishes a win into the library and tells the champion who recorded it."""
    _check_officer(by)
    win = Win.objects.select_for_update().get(pk=win.pk)
    if win.status == WinStatus.PUBLISHED:
        raise ValidationError("This win has already been published.")
    before = win.status
    win.status = WinStatus.PUBLISHED
    win.published_at = timezone.now()
    win.published_by = by
    win.return_note = ""
    win.save(update_fields=["status", "published_at", "published_by", "return_note", "updated_at"])
    _log(win, from_status=before, by=by)
    _tell_recorder(
        win,
        by=by,
        template="wins/email/published.txt",
        subject=f"Your win has been published: {win.title}",
        url_name="wins:win_detail",
    )
    return win


@transaction.atomic
def show_on_public_site(*, win: Win, by: User, show: bool = True) -> Win:
    """An officer shows a published win on the public site, or takes it off (``show=False``).

    Off by default, because a story can name people: an officer reads it first.
    """
    _check_officer(by)
    win = Win.objects.select_for_update().get(pk=win.pk)
    if show and win.status != WinStatus.PUBLISHED:
        raise ValidationError("Only a published win can be shown on the public site.")
    if win.show_on_public_site != show:
        win.show_on_public_site = show
        win.save(update_fields=["show_on_public_site", "updated_at"])
    return win


@transaction.atomic
def return_to_champion(*, win: Win, by: User, note: str) -> Win:
    """An officer sends a submitted win back to its champion with a note saying what to change."""
    _check_officer(by)
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": "Say what the champion needs to change"})
    win = Win.objects.select_for_update().get(pk=win.pk)
    if win.status != WinStatus.SUBMITTED:
        raise ValidationError("Only a submitted win can be returned.")
    win.status = WinStatus.RETURNED
    win.return_note = note
    win.save(update_fields=["status", "return_note", "updated_at"])
    _log(win, from_status=WinStatus.SUBMITTED, by=by, note=note)
    _tell_recorder(
        win,
        by=by,
        template="wins/email/returned.txt",
        subject=f"Your win needs some changes: {win.title}",
        url_name="wins:win_edit",
    )
    return win


@transaction.atomic
def record_and_publish(
    *,
    compact: Compact,
    by: User,
    factors: Iterable[Factor],
    organisations: Iterable[Organisation] = (),
    evidence_file: UploadedFile | None = None,
    **fields: object,
) -> Win:
    """An officer records a win and publishes it straight away, without moderation."""
    _check_officer(by)
    now = timezone.now()
    win = Win(
        compact=compact,
        recorded_by=by,
        organisation=organisation_for(by),
        status=WinStatus.PUBLISHED,
        published_at=now,
        published_by=by,
    )
    factors = _fill(win, factors=factors, fields=fields, evidence_file=evidence_file)
    _save_new(win, factors=factors, organisations=organisations)
    _log(win, from_status="", by=by, note="Recorded and published by an officer.")
    return win


# What a person can do with the record-a-win form: keep the win as it is, send it to the officers,
# or (officers) publish it.
SAVE, SUBMIT, PUBLISH = "save", "submit", "publish"


@transaction.atomic
def save_win(*, win: Win | None = None, compact: Compact | None = None, by: User, then: str = SAVE, **data: Any) -> Win:
    """Create a win (``win`` None) or change one from the form, then save it as it is, submit it or publish it."""
    if then not in (SAVE, SUBMIT, PUBLISH):
        raise ValidationError("Choose whether to save, submit or publish the win.")
    if win is None:
        if compact is None:
            raise ValidationError("Set up the Compact before recording wins.")
        if then == PUBLISH:
            return record_and_publish(compact=compact, by=by, **data)
        win = create_draft(compact=compact, by=by, **data)
    else:
        win = update_win(win=win, by=by, **data)
    if then == SUBMIT:
        return submit_win(win=win, by=by)
    if then == PUBLISH:
        return publish_win(win=win, by=by)
    return win


def _tell_recorder(win, *, by, template, subject, url_name):
    recorder = win.recorded_by
    if recorder is None or not recorder.email or recorder.pk == by.pk:
        return
    context = {
        "win": win,
        "recorder": recorder,
        "officer": by,
        "link": settings.SITE_URL.rstrip("/") + reverse(url_name, args=[win.pk]),
        "service_name": settings.SERVICE_NAME,
    }
    queue_email(
        to=recorder.email, subject=subject, template=template, context=context, kind=kinds.WIN_OUTCOME, user=recorder
    )
