from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

DEFAULT_RATE_LIMIT = 60


class ApiToken(models.Model):
    """A key an officer gives to one named use of the API (a Power BI report, a spreadsheet).

    Only a SHA-256 hash of the key is stored; the key itself is shown once, when it is created.
    """

    name = models.CharField("what it is for", max_length=120, help_text="For example, Power BI – performance team.")
    prefix = models.CharField(max_length=12, editable=False, help_text="The start of the key, to recognise it by.")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    can_see_names = models.BooleanField(
        "can see champions' names",
        default=False,
        help_text="Without this, the API gives the number of champions in each organisation but not who they are.",
    )
    rate_limit_per_minute = models.PositiveIntegerField(
        "requests a minute", default=DEFAULT_RATE_LIMIT, validators=[MinValueValidator(1), MaxValueValidator(6000)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["revoked_at", "-created_at"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
