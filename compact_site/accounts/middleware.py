"""Two-step verification before anything else: a person with an authenticator must enter a code after their
password, and officers must set one up when an officer has required it."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from signatories.roles import OFFICER, has_role

from .otp import has_confirmed_device, officer_two_step_required_for

# Pages a person may reach before they have verified (or set up) their second step.
ALLOWED_BEFORE_VERIFYING = ("two_step_verify", "two_step_setup", "logout", "login")


def needs_two_step(request):
    """Where a signed-in person must go before anything else: "verify", "setup" or None."""
    user = request.user
    if not user.is_authenticated:
        return None
    if user.is_verified():  # verified this session: they have a device, no need to look again
        return None
    if has_confirmed_device(user):
        return "verify"
    if has_role(user, OFFICER) and officer_two_step_required_for(user):
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
