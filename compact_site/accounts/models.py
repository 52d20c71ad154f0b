import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from signatories.models import Organisation
from signatories.roles import ALL_ROLES


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """An officer's invitation to a person to use the service in one role.

    Only a hash of the emailed token is stored; the link expires and works once.
    """

    first_name = models.CharField(max_length=150)
    last_name = models.CharField(max_length=150)
    email = models.EmailField()
    role = models.CharField(max_length=40, choices=[(role, role) for role in ALL_ROLES])
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invitations",
        help_text="For champions: the organisation they champion the Compact in.",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="invitations_sent"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitations_accepted"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["email", "accepted_at"])]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name} <{self.email}> as {self.role}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()

    @property
    def state(self) -> str:
        if self.accepted_at:
            return "Accepted"
        return "Waiting" if self.expires_at > timezone.now() else "Expired"


class SecuritySettings(models.Model):
    """Service-wide security choices officers make (one row)."""

    require_officer_two_step = models.BooleanField(
        "require two-step verification for officers",
        default=False,
        help_text="Officers must set up an authenticator app before they can use the service.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "security settings"

    def __str__(self) -> str:
        return "Security settings"

    @classmethod
    def current(cls) -> "SecuritySettings":
        return cls.objects.order_by("pk").first() or cls()
