"""People and their accounts: invitations, two-step verification, sign-in lockouts and personal data."""

import base64
import json
from io import BytesIO

import qrcode
import qrcode.image.svg
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from signatories.models import Champion
from signatories.roles import ALL_ROLES, OFFICER, has_role, public, role_required, roles_of

from . import selectors, services
from .forms import (
    AcceptInvitationForm,
    ChampionInvitationForm,
    CodeForm,
    EraseForm,
    InvitationForm,
    RequirementForm,
)
from .models import SecuritySettings

# Invitations


@role_required(OFFICER)
def invitation_list(request):
    return render(
        request,
        "compact_site/invitation_list.html",
        {"people": selectors.people_with_roles(), "invitations": selectors.recent_invitations()},
    )


@role_required(OFFICER)
def invitation_create(request):
    form = InvitationForm(request.POST or None, initial=selectors.invitation_for_champion(request.GET.get("champion")))
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invite(invited_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"An invitation is being emailed to {invitation.email}.")
            return redirect("invitation_list")
    return render(request, "compact_site/invitation_form.html", {"form": form})


@role_required(OFFICER)
def champion_invite(request):
    """Invite champions who have no account yet, some or all of them at once."""
    waiting = selectors.champions_without_accounts()
    candidates = waiting.exclude(email="")
    if request.method == "POST" and "all" in request.POST:
        data = request.POST.copy()
        data.setlist("champions", [str(pk) for pk in candidates.values_list("pk", flat=True)])
        form = ChampionInvitationForm(data, candidates=candidates)
    else:
        form = ChampionInvitationForm(request.POST if request.method == "POST" else None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            invitations = services.invite_champions(champions=form.cleaned_data["champions"], invited_by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            count = len(invitations)
            messages.success(request, f"{count} champion{'s have' if count != 1 else ' has'} been invited by email.")
            return redirect("champion_invite")
    context = {
        "form": form,
        "candidates": candidates,
        "without_email": waiting.filter(email=""),
        "invitation_days": f"{settings.INVITATION_VALID_DAYS} days",
    }
    return render(request, "compact_site/champion_invite.html", context)


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
            login(request, user, backend="compact_site.accounts.backends.SignInBackend")
            messages.success(request, f"Welcome, {user.first_name}. Your account is ready.")
            return redirect("dashboard")
    return render(request, "compact_site/invitation_accept.html", {"form": form, "invitation": invitation})


# Two-step verification (TOTP authenticator apps, through django-otp)


def qr_code_data_uri(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def secret_for_people(device):
    """The key in the base32 form authenticator apps accept when typed in."""
    return " ".join(
        base64.b32encode(device.bin_key).decode("ascii").rstrip("=")[i : i + 4] for i in range(0, 32, 4)
    ).strip()


@role_required(*ALL_ROLES)
def two_step_setup(request):
    if user_has_device(request.user, confirmed=True):
        return redirect("two_step_manage")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first() or TOTPDevice.objects.create(
        user=request.user, name="Authenticator app", confirmed=False
    )
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save()
        otp_login(request, device)
        messages.success(request, "Two-step verification is on. You will be asked for a code each time you sign in.")
        return redirect("dashboard")
    context = {"form": form, "qr_code": qr_code_data_uri(device.config_url), "secret": secret_for_people(device)}
    return render(request, "compact_site/two_step/setup.html", context)


@public
def two_step_verify(request):
    if not request.user.is_authenticated:
        return redirect("login")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None or request.user.is_verified():
        return redirect("dashboard")
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        next_url = request.GET.get("next", "")
        return redirect(next_url if next_url.startswith("/") and not next_url.startswith("//") else "dashboard")
    return render(request, "compact_site/two_step/verify.html", {"form": form})


# Your account


@role_required(*ALL_ROLES)
def account(request):
    """Who is signed in, in which roles, and the way to their password, two-step verification, emails and sign out."""
    context = {
        "roles": sorted(roles_of(request.user)),
        "has_device": user_has_device(request.user, confirmed=True),
    }
    return render(request, "compact_site/account.html", context)


@role_required(*ALL_ROLES)
def two_step_manage(request):
    """Your own two-step verification; for officers also the requirement for all officers."""
    officer = has_role(request.user, OFFICER)
    setting = SecuritySettings.current()
    form = (
        RequirementForm(request.POST or None, initial={"require_officer_two_step": setting.require_officer_two_step})
        if officer
        else None
    )
    if request.method == "POST":
        if request.POST.get("turn_off") and not (officer and setting.require_officer_two_step):
            TOTPDevice.objects.filter(user=request.user).delete()
            messages.success(request, "Two-step verification is off for your account.")
            return redirect("two_step_manage")
        if form is not None and form.is_valid():
            setting.require_officer_two_step = form.cleaned_data["require_officer_two_step"]
            setting.updated_by = request.user
            setting.save()
            state = "now required" if setting.require_officer_two_step else "no longer required"
            messages.success(request, f"Two-step verification is {state} for officers.")
            return redirect("two_step_manage")
    context = {
        "has_device": user_has_device(request.user, confirmed=True),
        "form": form,
        "required": officer and setting.require_officer_two_step,
    }
    return render(request, "compact_site/two_step/manage.html", context)


# Sign-in lockouts (django-axes)


@role_required(OFFICER)
def lockout_list(request):
    return render(
        request,
        "compact_site/lockout_list.html",
        {"lockouts": selectors.lockouts(), "limit": settings.AXES_FAILURE_LIMIT, "hours": selectors.cooloff_hours()},
    )


@role_required(OFFICER)
@require_POST
def lockout_clear(request, pk):
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    reset(username=attempt.username, ip=attempt.ip_address)
    messages.success(request, f"{attempt.username} can sign in again from {attempt.ip_address}.")
    return redirect("lockout_list")


# Personal data: see it, download it as JSON, erase it


def _person(pk):
    return get_object_or_404(get_user_model(), pk=pk), None


def _champion(pk):
    champion = get_object_or_404(Champion.objects.select_related("user", "organisation"), pk=pk)
    return champion.user, champion


def _page(request, user, champion, kind, pk):
    context = {
        "person": user,
        "champion": champion,
        "data": selectors.person_data(user=user, champion=champion),
        "is_self": user is not None and user.pk == request.user.pk,
        "export_url": reverse(f"{kind}_data_export", kwargs={"pk": pk}),
        "erase_url": reverse(f"{kind}_erase", kwargs={"pk": pk}),
    }
    return render(request, "compact_site/personal_data/person.html", context)


def _export(user, champion):
    data = selectors.person_data(user=user, champion=champion)
    name = f"person-{user.pk}" if user is not None else f"champion-{champion.pk}"
    response = HttpResponse(json.dumps(data, cls=DjangoJSONEncoder, indent=2), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{name}-personal-data.json"'
    return response


def _erase(request, user, champion, back):
    if user is not None and user.pk == request.user.pk:
        raise PermissionDenied("Nobody erases their own personal data.")
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.erase_person(user=user, champion=champion, by=request.user)
        messages.success(request, "Their personal data has been erased. Their wins stay under their organisation.")
        return redirect("invitation_list" if user is not None else "signatories:champion_list")
    name = (user.get_full_name() or user.username) if user is not None else champion.name
    context = {"form": form, "name": name, "back": back, "champion": champion}
    return render(request, "compact_site/personal_data/erase.html", context)


@role_required(OFFICER)
def person_data(request, pk):
    return _page(request, *_person(pk), "person", pk)


@role_required(OFFICER)
def person_data_export(request, pk):
    return _export(*_person(pk))


@role_required(OFFICER)
def person_erase(request, pk):
    user, _ = _person(pk)
    return _erase(request, user, None, back=reverse("person_data", kwargs={"pk": pk}))


@role_required(OFFICER)
def champion_data(request, pk):
    return _page(request, *_champion(pk), "champion", pk)


@role_required(OFFICER)
def champion_data_export(request, pk):
    return _export(*_champion(pk))


@role_required(OFFICER)
def champion_erase(request, pk):
    user, champion = _champion(pk)
    return _erase(request, user, champion, back=reverse("champion_data", kwargs={"pk": pk}))
