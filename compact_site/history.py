"""Change history for officers: who changed what and when, and restoring an earlier version.

Every domain model keeps its history with django-simple-history; these pages read it. Restoring
saves the chosen version's values as a new change, so the history itself is never rewritten.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods
from simple_history.utils import get_m2m_reverse_field_name

from signatories.models import Champion, Compact, Organisation
from signatories.roles import OFFICER, role_required
from success_factors.models import Action, Assessment
from wins.models import Concern, Win

from .models import Report


@dataclass(frozen=True)
class Kind:
    model: type
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
}
CHANGE_TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}
HIDDEN_FIELDS = {"updated_at", "created_at", "snapshot"}


def _kind(name):
    try:
        return KINDS[name]
    except KeyError:
        raise Http404("No history for that kind of record") from None


def _field_label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except Exception:  # a field that no longer exists on the model
        return name


def _display(record, name):
    value = getattr(record, name, None)
    if value in (None, ""):
        return "–"
    display = getattr(record, f"get_{name}_display", None)
    return str(display() if display else value)[:300]


def _reason(error):
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return "another record now holds what it needs"


def _related_ids(version):
    """(many-to-many field, ids it held) for each such field the history keeps (a win's factors and organisations)."""
    return [
        (field, list(getattr(version, field.name).values_list(f"{get_m2m_reverse_field_name(field)}_id", flat=True)))
        for field in getattr(version, "_history_m2m_fields", [])
    ]


def changes(kind, obj):
    """The object's versions, newest first, each with the fields that changed from the version before."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[:50])
    rows = []
    for record, older in zip(records, records[1:] + [None]):
        changed = []
        if older is not None:
            delta = record.diff_against(older, foreign_keys_are_objs=False)
            changed = [
                (_field_label(kind.model, change.field), _display(older, change.field), _display(record, change.field))
                for change in delta.changes
                if change.field not in HIDDEN_FIELDS and not isinstance(change.new, list)
            ]
        rows.append({"record": record, "type": CHANGE_TYPES.get(record.history_type, ""), "changes": changed})
    return rows


@role_required(OFFICER)
def history(request, kind, pk):
    kind_ = _kind(kind)
    obj = get_object_or_404(kind_.model, pk=pk)
    context = {"kind": kind, "kind_label": kind_.label, "obj": obj, "rows": changes(kind_, obj),
               "restorable": kind_.restorable}
    return render(request, "compact_site/history.html", context)


@role_required(OFFICER)
@require_http_methods(["GET", "POST"])
def history_restore(request, kind, pk, history_id):
    kind_ = _kind(kind)
    if not kind_.restorable:
        raise Http404("This kind of record cannot be restored")
    obj = get_object_or_404(kind_.model, pk=pk)
    version = get_object_or_404(obj.history.model, history_id=history_id, id=obj.pk)
    if request.method == "POST":
        restored = version.instance
        restored._state.adding = False  # it is the existing record, so uniqueness checks exclude itself
        restored._change_reason = f"Restored the version of {version.history_date:%-d %B %Y %H:%M}"
        try:
            with transaction.atomic():
                restored.full_clean(validate_unique=True)
                restored.save()
                for field, ids in _related_ids(version):
                    getattr(restored, field.name).set(ids)
        except (IntegrityError, ValidationError) as error:
            messages.error(request, f"That version cannot be restored: it conflicts with the records as they are now ({_reason(error)}).")
            return redirect("history", kind, obj.pk)
        messages.success(request, f"The {kind_.label} has been restored to how it was on {version.history_date:%-d %B %Y at %H:%M}.")
        return redirect(restored.get_absolute_url())
    fields = [
        (_field_label(kind_.model, field.name), _display(version, field.name))
        for field in kind_.model._meta.concrete_fields
        if field.name not in HIDDEN_FIELDS and field.name != "id"
    ]
    for field, ids in _related_ids(version):
        related = field.related_model.objects.filter(pk__in=ids)
        fields.append((_field_label(kind_.model, field.name), "; ".join(str(item) for item in related) or "–"))
    context = {"kind": kind, "kind_label": kind_.label, "obj": obj, "version": version, "fields": fields}
    return render(request, "compact_site/history_restore.html", context)
