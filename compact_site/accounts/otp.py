"""Two-step state read with the signed-in user, in the same statement, instead of a query each.

``with_two_step_state`` adds to the user the id of their confirmed authenticator (or None) and whether
officers must use two-step verification. Both are read afresh on every request, so turning two-step off,
removing a device or requiring it for officers takes effect on the next request, exactly as before.
"""

from django.db.models import OuterRef, Subquery
from django.utils.functional import SimpleLazyObject, empty
from django_otp import DEVICE_ID_SESSION_KEY, user_has_device
from django_otp.middleware import OTPMiddleware
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


class VerifiedDeviceMiddleware(OTPMiddleware):
    """django-otp's middleware, without a query for the device that verified this session when the user was
    read with ``with_two_step_state`` and that device is still their confirmed one.

    In that case the device is built from what was read (its other fields load if anything asks for them);
    in every other case (another device, a removed or unconfirmed one) django-otp looks it up as usual.
    """

    def _install_lazy_accessors(self, request):
        """The user is read here, once, and handed on as itself rather than behind two lazy wrappers (Django's
        and django-otp's): every middleware and view after this reads ``request.user``, and each read through
        the wrappers cost more than the rest of a signed-in request's Python."""
        user = getattr(request, "user", None)
        super()._install_lazy_accessors(request)  # ``request.auser`` for async views, as django-otp has it
        if user is not None:
            if isinstance(user, SimpleLazyObject):
                if user._wrapped is empty:
                    user._setup()
                user = user._wrapped
            request.user = self._verify_user_sync(request, user)

    def _verify_user_sync(self, request, user):
        device_id = getattr(user, DEVICE, None)
        persistent_id = request.session.get(DEVICE_ID_SESSION_KEY) if user.is_authenticated else None
        if device_id is None or persistent_id != f"{TOTPDevice.model_label()}/{device_id}":
            return super()._verify_user_sync(request, user)
        self._init_user_fields(user)
        user.otp_device = TOTPDevice.from_db(None, ["id", "user_id", "confirmed"], (device_id, user.pk, True))
        return user
