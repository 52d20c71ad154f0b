from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from signatories.roles import CHAMPION, OFFICER, READERS, role_required
from signatories.selectors import current_compact

from ..filters import ActionFilter
from ..forms.plan import ActionForm, ActionProgressForm
from ..models import Action, Assessment, Factor
from ..permissions import can_update_action, can_work_on_assessment
from ..selectors import actions_for_plan

PAGE_SIZE = 25


def _action(pk):
    return get_object_or_404(
        Action.objects.select_related(
            "compact",
            "factor",
            "owner_organisation",
            "owner_user",
            "source_assessment__organisation",
            # A committee's recommendation it came from (``compact_site.reporting.committees``), by its reverse name.
            "recommendation",
        ),
        pk=pk,
    )


@role_required(*READERS)
def action_list(request):
    compact = current_compact()
    filterset = ActionFilter(request.GET, queryset=actions_for_plan(compact=compact).order_by("due_on", "id"))
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"filter": filterset, "page_obj": page, "compact": compact}
    return render(request, "success_factors/action_list.html", context)


def _is_id(value):
    # ASCII digits only, and few: "²".isdigit() is true, and int() refuses 5,000 digits.
    return value.isascii() and value.isdigit() and len(value) <= 18


def _initial_from_query(request):
    initial = {}
    number = request.GET.get("factor", "")
    if _is_id(number):
        initial["factor"] = Factor.objects.filter(number=number).first()
    assessment = request.GET.get("assessment", "")
    if _is_id(assessment):
        initial["source_assessment"] = Assessment.objects.filter(pk=assessment).select_related("organisation").first()
    return initial


@role_required(OFFICER)
def action_create(request):
    compact = current_compact()
    if compact is None:
        messages.info(request, "Set up the Compact before you plan actions.")
        return redirect("success_factors:action_list")
    initial = _initial_from_query(request)
    form = ActionForm(request.POST or None, initial=initial, compact=compact)
    if request.method == "POST" and form.is_valid():
        action = form.save(by=request.user)
        messages.success(request, "The action has been added to the plan.")
        return redirect(action)
    context = {"form": form, "source": initial.get("source_assessment")}
    return render(request, "success_factors/action_form.html", context)


@role_required(*READERS)
def action_detail(request, pk):
    action = _action(pk)
    source = action.source_assessment
    context = {
        "action": action,
        "can_update": can_update_action(request.user, action),
        "can_see_source": source is not None and can_work_on_assessment(request.user, source),
    }
    return render(request, "success_factors/action_detail.html", context)


@role_required(OFFICER)
def action_edit(request, pk):
    action = _action(pk)
    form = ActionForm(request.POST or None, instance=action, compact=action.compact)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The action has been updated.")
        return redirect(action)
    context = {"form": form, "action": action, "source": action.source_assessment}
    return render(request, "success_factors/action_form.html", context)


@role_required(OFFICER, CHAMPION)
def action_progress(request, pk):
    action = get_object_or_404(Action, pk=pk)
    if not can_update_action(request.user, action):
        raise PermissionDenied("Only the action's owner or an officer can update its progress.")
    form = ActionProgressForm(request.POST or None, action=action)
    if request.method == "POST" and form.is_valid() and form.save():
        messages.success(request, "The action's progress has been updated.")
        return redirect(action)
    return render(request, "success_factors/action_progress_form.html", {"form": form, "action": action})
