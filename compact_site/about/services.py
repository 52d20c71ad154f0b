"""Officers' changes to what the accessibility statement, privacy notice and contact page say."""

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from signatories.roles import is_officer

from .models import StatementSettings


@transaction.atomic
def update_statement_settings(*, by: User, **details: Any) -> StatementSettings:
    """Save the officers' details (the fields of ``StatementSettings`` given as keywords); kept in its history."""
    if not is_officer(by):
        raise PermissionDenied("Only a Compact officer can change the accessibility statement and privacy notice.")
    setting = StatementSettings.objects.select_for_update().order_by("pk").first() or StatementSettings()
    for name, value in details.items():
        StatementSettings._meta.get_field(name)  # FieldDoesNotExist for a name that is not a detail
        setattr(setting, name, value)
    setting.updated_by = by
    setting.full_clean()
    setting.save()
    return setting
