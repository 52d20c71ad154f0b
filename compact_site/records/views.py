"""Change history for officers: who changed what and when, and restoring an earlier version.

Every domain model keeps its history with django-simple-history; these pages read it.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from signatories.roles import OFFICER, role_required

from . import services
from .selectors import KINDS, changes, version_fields


def _kind(name):
    try:
        return KINDS[name]
    except KeyError:
        raise Http404("No history for that kind of record") from None


def _reason(error):
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return "another record now holds what it needs"


@role_required(OFFICER)
def history(request, kind, pk):
    kind_ = _kind(kind)
    obj = get_object_or_404(kind_.model, pk=pk)
    context = {
        "kind": kind,
        "kind_label": kind_.label,
        "obj": obj,
        "rows": changes(kind_, obj),
        "restorable": kind_.restorable,
    }
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
        try:
            restored = services.restore_version(version=version)
        except (IntegrityError, ValidationError) as error:
            messages.error(
                request,
                f"That version cannot be restored: it conflicts with the records as they are now ({_reason(error)}).",
            )
            return redirect("history", kind, obj.pk)
        messages.success(
            request, f"The {kind_.label} has been restored to how it was on {version.history_date:%-d %B %Y at %H:%M}."
        )
        return redirect(restored.get_absolute_url())
    context = {
        "kind": kind,
        "kind_label": kind_.label,
        "obj": obj,
        "version": version,
        "fields": version_fields(kind_, version),
    }
    return render(request, "compact_site/history_restore.html", context)
