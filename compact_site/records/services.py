"""Restoring an earlier version of a record: saved as a new change, so the history itself is never rewritten."""

from django.db import models, transaction
from simple_history.models import HistoricalChanges

from .selectors import related_ids


@transaction.atomic
def restore_version(*, version: HistoricalChanges) -> models.Model:
    """Save ``version``'s values (and its many-to-many choices) as the record's newest change.

    Raises ``ValidationError`` or ``IntegrityError`` when the version clashes with the records as they are now.
    """
    restored = version.instance
    restored._state.adding = False  # it is the existing record, so uniqueness checks exclude itself
    restored._change_reason = f"Restored the version of {version.history_date:%-d %B %Y %H:%M}"
    restored.full_clean(validate_unique=True)
    restored.save()
    for field, ids in related_ids(version):
        getattr(restored, field.name).set(ids)
    return restored
