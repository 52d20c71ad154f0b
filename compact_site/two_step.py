"""Optional two-step verification (TOTP authenticator apps, through django-otp).

Anyone may turn it on for their own account; an officer can require it for every officer. A person
with a confirmed authenticator must enter a code after their password before any other page.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from signatories.form_fields import GovForm
from signatories.roles import OFFICER, READERS, has_role, public, role_required

from .models import SecuritySettings

# Pages a person may reach before they have verified (or set up) their second step.
ALLOWED_BEFORE_VERIFYING = ("two_step_verify", "two_step_setup", "logout", "login")


class CodeForm(GovForm):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=8,
        help_text="The 6-digit code, for example 123456.",
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        allowed, _ = self.device.verify_is_allowed()
        if not allowed:  # django-otp slows down repeated wrong codes
            raise forms.ValidationError("That was a wrong code just now. Wait a few seconds, then enter the code again")
        if not code.isdigit() or not self.device.verify_token(code):
            raise forms.ValidationError("The code is not right. Enter the code your app shows now; it changes every 30 seconds")
        return code


class RequirementForm(GovForm):
    require_officer_two_step = forms.BooleanField(
        label="Require two-step verification for every Compact officer", required=False
    )


def needs_two_step(request):
    """Where a signed-in person must go before anything else: "verify", "setup" or None."""
    user = request.user
    if not user.is_authenticated:
        return None
    if user.is_verified():  # verified this session: they have a device, no need to look again
        return None
    if user_has_device(user, confirmed=True):
        return "verify"
    if has_role(user, OFFICER) and SecuritySettings.current().require_officer_two_step:
        return "setup"
    return None


class TwoStepMiddleware:
    """Sends people to verify (or set up) their second step before they see any other page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.url_name in ALLOWED_BEFORE_VERIFYING or request.path.startswith("/static/"):
            return None
        step = needs_two_step(request)
        if step == "verify":
            return redirect(f"{reverse('two_step_verify')}?next={request.get_full_path()}")
        if step == "setup":
            messages.info(request, "Officers must set up two-step verification before they carry on.")
            return redirect("two_step_setup")
        return None


def qr_code_data_uri(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def secret_for_people(device):
    """The key in the base32 form authenticator apps accept when typed in."""
    return " ".join(
        base64.b32encode(device.bin_key).decode("ascii").rstrip("=")[i: i + 4]
        for i in range(0, 32, 4)
    ).strip()


@role_required(*READERS)
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


@role_required(*READERS)
def two_step_manage(request):
    """Your own two-step verification; for officers also the requirement for all officers."""
    officer = has_role(request.user, OFFICER)
    setting = SecuritySettings.current()
    form = RequirementForm(
        request.POST or None, initial={"require_officer_two_step": setting.require_officer_two_step}
    ) if officer else None
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
