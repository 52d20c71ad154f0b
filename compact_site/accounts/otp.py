"""Two-step state read with the signed-in user, in the same statement, instead of a query each.

``with_two_step_state`` adds to the user the id of their confirmed authenticator (or None) and whether
officers must use two-step verification. Both are read afresh on every request, so turning two-step off,
removing a device or requiring it for officers takes effect on the next request, exactly as before.
"""

from django.db.models import OuterRef, Subquery
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import SecuritySettings

DEVICE = "confirmed_totp_device_id"
OFFICERS_REQUIRED = "officer_two_step_required"


def with_two_step_state(users):
    devices = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True).order_by("pk").values("pk")[:1]
    setting = SecuritySettings.objects.order_by("pk").values("require_officer_two_step")[:1]
    return users.annotate(**{DEVICE: Subquery(devices), OFFICERS_REQUIRED: Subquery(setting)})


def has_confirmed_device(user):
    """Whether the user has a confirmed authenticator app."""
    if hasattr(user, DEVICE):
        return getattr(user, DEVICE) is not None
    return user_has_device(user, confirmed=True)


def officer_two_step_required():
    return SecuritySettings.current().require_officer_two_step


def officer_two_step_required_for(user):
    """Whether officers must use two-step verification (read with ``user`` when it was)."""
    if hasattr(user, OFFICERS_REQUIRED):
        return bool(getattr(user, OFFICERS_REQUIRED))
    return officer_two_step_required()
