"""Reads of the change history that django-simple-history keeps for every domain record."""

from dataclasses import dataclass
from typing import Any

from django.db import models
from simple_history.models import HistoricalChanges
from simple_history.utils import get_m2m_reverse_field_name

from commitments.models import Commitment, Consultation, FundingDecision
from signatories.models import Champion, Compact, Organisation, Pledge
from success_factors.models import Action, Assessment
from wins.concerns.models import Concern
from wins.models import Win

from ..reporting.committees.models import Committee, Recommendation
from ..reporting.models import Report


@dataclass(frozen=True)
class Kind:
    model: type[models.Model]
    label: str
    restorable: bool = False


KINDS = {
    "compact": Kind(Compact, "Compact"),
    "organisation": Kind(Organisation, "organisation", restorable=True),
    "champion": Kind(Champion, "champion", restorable=True),
    "win": Kind(Win, "win", restorable=True),
    "assessment": Kind(Assessment, "self-assessment"),
    "action": Kind(Action, "action"),
    "concern": Kind(Concern, "concern"),
    "report": Kind(Report, "report"),
    "commitment": Kind(Commitment, "commitment"),
    "consultation": Kind(Consultation, "consultation"),
    "funding_decision": Kind(FundingDecision, "funding decision"),
    "pledge": Kind(Pledge, "pledge"),
    "committee": Kind(Committee, "committee"),
    "recommendation": Kind(Recommendation, "recommendation"),
}
CHANGE_TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}
HIDDEN_FIELDS = {"updated_at", "created_at", "snapshot"}


def field_label(model: type[models.Model], name: str) -> str:
    try:
        # History names a model's own fields, never a reverse relation (which has no verbose_name).
        return str(model._meta.get_field(name).verbose_name).capitalize()  # type: ignore[union-attr]
    except Exception:  # a field that no longer exists on the model
        return name


def display(record: models.Model, name: str) -> str:
    value = getattr(record, name, None)
    if value in (None, ""):
        return "–"
    display = getattr(record, f"get_{name}_display", None)
    return str(display() if display else value)[:300]


def history_m2m_fields(model: type[models.Model]) -> list[models.ManyToManyField]:
    """The many-to-many fields whose choices the history keeps: each model names them in ``history_m2m_fields``,
    which its ``HistoricalRecords`` reads through django-simple-history's ``m2m_fields_model_field_name``."""
    return [model._meta.get_field(name) for name in getattr(model, "history_m2m_fields", [])]  # type: ignore[misc]


def related_ids(version: HistoricalChanges) -> list[tuple[models.ManyToManyField, list[int]]]:
    """(many-to-many field, ids it held) for each such field the history keeps (a win's factors and organisations)."""
    return [
        (field, list(getattr(version, field.name).values_list(f"{get_m2m_reverse_field_name(field)}_id", flat=True)))
        for field in history_m2m_fields(version.instance_type)
    ]


def changes(kind: Kind, obj: models.Model) -> list[dict[str, Any]]:
    """The object's versions, newest first, each with the fields that changed from the version before."""
    # django-simple-history adds ``history`` to each model of KINDS when the class is made: django-stubs cannot see it.
    history = obj.history  # type: ignore[attr-defined]
    records = list(history.select_related("history_user").order_by("-history_date", "-history_id")[:50])
    rows = []
    for record, older in zip(records, records[1:] + [None], strict=False):
        changed = []
        if older is not None:
            delta = record.diff_against(older, foreign_keys_are_objs=False)
            changed = [
                (field_label(kind.model, change.field), display(older, change.field), display(record, change.field))
                for change in delta.changes
                if change.field not in HIDDEN_FIELDS and not isinstance(change.new, list)
            ]
        rows.append({"record": record, "type": CHANGE_TYPES.get(record.history_type, ""), "changes": changed})
    return rows


def version_fields(kind: Kind, version: HistoricalChanges) -> list[tuple[str, str]]:
    """(label, value) for every field of a past version, its many-to-many fields included, for the restore page."""
    fields = [
        (field_label(kind.model, field.name), display(version, field.name))
        for field in kind.model._meta.concrete_fields
        if field.name not in HIDDEN_FIELDS and field.name != "id"
    ]
    for field, ids in related_ids(version):
        # django-stubs types the related model as a plain Model, which declares no ``objects``.
        related = field.related_model.objects.filter(pk__in=ids)  # type: ignore[attr-defined]
        fields.append((field_label(kind.model, field.name), "; ".join(str(item) for item in related) or "–"))
    return fields
