"""Concerns: champions and officers raise them; officers move them on and may put them on the action plan."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from commitments.selectors import concern_about
from signatories.roles import (
    CHAMPION,
    OFFICER,
    READERS,
    is_officer,
    role_required,
    roles_of,
)
from signatories.selectors import current_compact, organisation_for
from signatories.views import paginate
from success_factors.forms.plan import ActionForm

from . import services
from .forms import ConcernFilter, ConcernForm, ConcernUpdateForm
from .models import CONCERN_CLOSED_STATUSES, Concern
from .selectors import concern_status_table, concerns_for


def _concern(pk):
    return get_object_or_404(
        Concern.objects.select_related(
            "factor",
            "raised_by",
            "raised_by_organisation",
            "action",
            "compact",
            "consultation__body",
            "funding_decision__body",
        ),
        pk=pk,
    )


@role_required(*READERS)
def concern_list(request):
    compact = current_compact()
    table, totals = concern_status_table(compact=compact)
    concerns = concerns_for(compact=compact)
    context = {"compact": compact, "table": table, "totals": totals}
    if is_officer(request.user):
        filterset = ConcernFilter(request.GET, queryset=concerns)
        context.update(filter=filterset, page_obj=paginate(request, filterset.qs))
    else:
        summaries = concerns.filter(summary_published=True)
        if CHAMPION in roles_of(request.user):
            context["mine"] = concerns.filter(raised_by=request.user)
            summaries = summaries.exclude(raised_by=request.user)
        else:  # LSP members: counts, and only the summaries of concerns that are closed
            summaries = summaries.filter(status__in=CONCERN_CLOSED_STATUSES)
        context["summaries"] = summaries
    return render(request, "wins/concerns/concern_list.html", context)


@role_required(OFFICER, CHAMPION)
def concern_create(request):
    compact = current_compact()
    if compact is None:
        messages.info(request, "Set up the Compact before recording concerns.")
        return redirect("wins:concern_list")
    organisation = None if is_officer(request.user) else organisation_for(request.user)
    initial = {"raised_on": timezone.localdate()}
    about = concern_about(request.GET, user=request.user, compact=compact)
    if about is not None:
        record = about.pop("record")
        initial.update(about, **{record.kind_field: record})
        about["record"] = record
    form = ConcernForm(
        request.POST or None, compact=compact, by=request.user, organisation=organisation, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        concern = form.save()
        messages.success(request, "Your concern has been recorded. The Compact officer will be in touch.")
        return redirect(concern)
    if form.is_bound:
        record = form.cleaned_data.get("consultation") or form.cleaned_data.get("funding_decision")
    else:
        record = about["record"] if about else None
    return render(request, "wins/concerns/concern_form.html", {"form": form, "record": record})


@role_required(OFFICER, CHAMPION)
def concern_detail(request, pk):
    concern = _concern(pk)
    officer = is_officer(request.user)
    if officer or concern.raised_by_id == request.user.pk:
        context = {"concern": concern, "organisations": concern.organisations.order_by("name")}
        if officer:
            context["history"] = concern.history.select_related("history_user").order_by("-history_date")[:20]
        return render(request, "wins/concerns/concern_detail.html", context)
    if concern.summary_published:
        return render(request, "wins/concerns/concern_summary.html", {"concern": concern})
    raise Http404("No such concern")


@role_required(OFFICER)
def concern_update(request, pk):
    concern = _concern(pk)
    form = ConcernUpdateForm(request.POST or None, concern=concern)
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"The concern is now {concern.get_status_display().lower()}.")
            return redirect(concern)
    return render(request, "wins/concerns/concern_update.html", {"form": form, "concern": concern})


@role_required(OFFICER)
def concern_action(request, pk):
    concern = _concern(pk)
    description = concern.title if not concern.details else f"{concern.title}\n\n{concern.details}"
    form = ActionForm(
        request.POST or None,
        compact=concern.compact,
        initial={"factor": concern.factor, "description": description, "status": "open"},
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ActionForm.Meta.fields}
        action = services.turn_into_action(concern=concern, by=request.user, **fields)
        messages.success(request, "The concern is now an action on the plan.")
        return redirect(action)
    return render(request, "wins/concerns/concern_action.html", {"form": form, "concern": concern})
