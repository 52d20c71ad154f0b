"""The pledges pages: the summary everyone reads, and each organisation's pledge, kept by its champion or an officer.

Officers and LSP members read every pledge; a champion reads and keeps their own organisation's.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from ..form_fields import add_service_error
from ..roles import CHAMPION, LSP_MEMBER, OFFICER, READERS, has_role, is_officer, role_required
from ..selectors import current_compact, organisation_for
from . import selectors, services
from .forms import PledgeForm, parse_year
from .models import Pledge, financial_year_of, year_label


def _year_asked(request):
    try:
        return parse_year(request.GET.get("year", ""))
    except ValidationError:
        return None


@role_required(*READERS)
def pledge_summary(request):
    compact = current_compact()
    today = timezone.localdate()
    summary = selectors.pledge_summary(compact=compact, today=today, year=_year_asked(request))
    own = organisation_for(request.user) if has_role(request.user, CHAMPION) else None
    context = {
        "summary": summary,
        "compact": compact,
        "own": own,
        "own_pledge": own and selectors.pledge_for(compact=compact, organisation=own, year=summary["year"]),
        "pledges": list(selectors.pledges_for_year(compact=compact, year=summary["year"]))
        if has_role(request.user, OFFICER, LSP_MEMBER)
        else None,
    }
    return render(request, "signatories/pledges/pledge_summary.html", context)


def _pledge(request, pk):
    pledge = get_object_or_404(Pledge.objects.select_related("organisation", "recorded_by"), pk=pk)
    if not (has_role(request.user, OFFICER, LSP_MEMBER) or services.can_keep_pledge(request.user, pledge.organisation)):
        raise PermissionDenied("Only officers, LSP members and the organisation's own champion read its pledge.")
    return pledge


@role_required(*READERS)
def pledge_detail(request, pk):
    pledge = _pledge(request, pk)
    context = {
        "pledge": pledge,
        "roles": list(pledge.roles.all()),
        "money_lines": list(pledge.money_lines.all()),
        "can_keep": services.can_keep_pledge(request.user, pledge.organisation),
    }
    return render(request, "signatories/pledges/pledge_detail.html", context)


def _save(request, form, *, organisation, pledge=None):
    data = form.cleaned_data
    try:
        return services.save_pledge(
            by=request.user,
            compact=current_compact(),
            organisation=organisation,
            year=data["year"],
            agreed_by=data["agreed_by"],
            in_kind=data["in_kind"],
            roles=data["roles"],
            money=data["money"],
            pledge=pledge,
        )
    except ValidationError as error:
        add_service_error(form, error)
        return None


@role_required(OFFICER, CHAMPION)
def pledge_create(request):
    compact = current_compact()
    if compact is None:
        messages.info(request, "Set up the Compact before recording pledges.")
        return redirect("dashboard")
    officer = is_officer(request.user)
    own = None if officer else organisation_for(request.user)
    if not officer and own is None:
        raise PermissionDenied("Only a champion with an organisation records its pledge.")
    year = _year_asked(request) or financial_year_of(timezone.localdate())
    form = PledgeForm(request.POST or None, with_organisation=officer, initial={"year": year_label(year)})
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, organisation=form.cleaned_data.get("organisation") or own)
        if saved is not None:
            messages.success(request, f"{saved.organisation.name}’s pledge for {saved.year_label} has been saved.")
            return redirect(saved)
    return render(request, "signatories/pledges/pledge_form.html", {"form": form, "organisation": own})


@role_required(OFFICER, CHAMPION)
def pledge_edit(request, pk):
    pledge = get_object_or_404(Pledge.objects.select_related("organisation"), pk=pk)
    if not services.can_keep_pledge(request.user, pledge.organisation):
        raise PermissionDenied("Only officers and the organisation's own champion change its pledge.")
    form = PledgeForm(request.POST or None, with_organisation=False, initial=PledgeForm.initial_for(pledge))
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, organisation=pledge.organisation, pledge=pledge)
        if saved is not None:
            messages.success(request, f"{saved.organisation.name}’s pledge for {saved.year_label} has been saved.")
            return redirect(saved)
    context = {"form": form, "organisation": pledge.organisation, "pledge": pledge}
    return render(request, "signatories/pledges/pledge_form.html", context)
