"""Changes made by importing: keeping an uploaded file for its preview, and applying it in one transaction."""

from collections.abc import Mapping
from datetime import timedelta

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .. import caching
from .files import FileProblem, check_size, display_name
from .models import ImportRun, ImportStatus
from .selectors import preview
from .sheets import CHANGED, NEW, UNCHANGED, sheet_for

KEEP_UNCONFIRMED = timedelta(days=1)


def upload(*, kind: str, uploaded_file: UploadedFile, by: User) -> ImportRun:
    """Check an uploaded file can be read and keep it for its preview. Raises ValidationError if not.

    The officer's earlier uploads of the same kind that were never confirmed are dropped: one waits at a time.
    Anyone's upload left unconfirmed for a day is dropped too, so files (and the personal data in them) are
    not kept.
    """
    sheet = sheet_for(kind)  # an unknown kind is a programming error, not the officer's
    assert uploaded_file.size is not None  # a file uploaded in a request always has its size
    check_file(uploaded_file.size, sheet.max_bytes)
    try:
        table = sheet.read(uploaded_file.read())
    except FileProblem as problem:
        raise ValidationError(str(problem)) from None
    with transaction.atomic():
        waiting = ImportRun.objects.filter(status=ImportStatus.PREVIEWED)
        stale = Q(uploaded_by=by, kind=kind) | Q(uploaded_at__lt=timezone.now() - KEEP_UNCONFIRMED)
        waiting.filter(stale).update(status=ImportStatus.REPLACED, table={})
        return ImportRun.objects.create(
            kind=kind, file_name=display_name(uploaded_file.name), table=table.as_json(), uploaded_by=by
        )


def check_file(size: int, limit: int | None = None) -> None:
    try:
        check_size(size, limit)
    except FileProblem as problem:
        raise ValidationError(str(problem)) from None


def choose_columns(*, run: ImportRun, choices: Mapping[int | str, str]) -> ImportRun:
    """Remember which field each unrecognised heading is (or that it is to be ignored), by the column's
    position, and the officer's answer to each of the sheet's questions, by the question's key."""
    run.columns = {**run.columns, **{str(index): key for index, key in choices.items()}}
    run.save(update_fields=["columns"])
    return run


class ImportChanged(Exception):
    """The register changed between the preview and the confirmation: nothing was written."""


@transaction.atomic
def apply(*, run: ImportRun, by: User) -> ImportRun:
    """Apply every row of the file, or none: the file is read and matched again inside the transaction."""
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.status != ImportStatus.PREVIEWED:
        raise ValidationError("This file has already been imported, or replaced by a newer upload.")
    result = preview(run)
    if not result.can_confirm:
        raise ImportChanged("The file cannot be imported as it stands: check the preview again.")
    counts = result.counts
    reason = f"Imported from {run.file_name}"[:100]
    try:
        with transaction.atomic():
            result.sheet.apply(result.rows, by=by, reason=reason)
    except IntegrityError:
        raise ImportChanged(
            "Someone changed the register while this file was being imported, so nothing was imported: "
            "check the preview again."
        ) from None
    run.status = ImportStatus.APPLIED
    run.applied_at = timezone.now()
    run.row_count = len(result.rows)
    run.new_count, run.changed_count, run.unchanged_count = counts[NEW], counts[CHANGED], counts[UNCHANGED]
    run.table = {}
    run.save()
    # Bulk inserts send no signals: every kind of cached data is invalidated, now and at the commit.
    caching.invalidate(*caching.KINDS)
    return run
