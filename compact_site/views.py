from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from signatories.roles import CHAMPION, LSP_MEMBER, OFFICER, READERS, public, role_required, roles_of
from signatories.selectors import champion_record_for, current_compact, register_summary
from wins.selectors import returned_count, wins_waiting_count

from . import services
from .forms import AcceptInvitationForm, InvitationForm
from .reporting import selectors as reporting_selectors
from .selectors import people_with_roles, recent_invitations


@role_required(*READERS)
def dashboard(request):
    roles = roles_of(request.user)
    compact = current_compact()
    context = {"compact": compact, "roles": roles}
    if roles & {OFFICER, LSP_MEMBER}:
        context["summary"] = register_summary(compact=compact)
    if OFFICER in roles:
        context["wins_waiting"] = wins_waiting_count(compact=compact)
    if CHAMPION in roles:
        context["champion_record"] = champion_record_for(request.user)
        context["wins_returned"] = returned_count(request.user)
    context.update(reporting_selectors.dashboard_context(roles=roles, compact=compact))
    return render(request, "compact_site/dashboard.html", context)


@role_required(OFFICER)
def invitation_list(request):
    return render(
        request,
        "compact_site/invitation_list.html",
        {"people": people_with_roles(), "invitations": recent_invitations()},
    )


@role_required(OFFICER)
def invitation_create(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invite(invited_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"An invitation has been emailed to {invitation.email}.")
            return redirect("invitation_list")
    return render(request, "compact_site/invitation_form.html", {"form": form})


@public
def invitation_accept(request, token):
    invitation = services.pending_invitation(token)
    if invitation is None:
        return render(request, "compact_site/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept(invitation=invitation, password=form.cleaned_data["new_password1"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome, {user.first_name}. Your account is ready.")
            return redirect("dashboard")
    return render(request, "compact_site/invitation_accept.html", {"form": form, "invitation": invitation})
