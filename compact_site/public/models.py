from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class PublicSiteSettings(models.Model):
    """What officers choose to open to the public (one row). Everything is closed until they choose."""

    is_on = models.BooleanField(
        "public site is on",
        default=False,
        help_text="Visitors who are not signed in see the public home page, the register of signatories, "
        "public wins and public reports. When it is off, everyone is asked to sign in.",
    )
    publish_scores = models.BooleanField(
        "publish the partnership scores",
        default=False,
        help_text="Show the seven factors' partnership scores on the public site and in the open data.",
    )
    publish_commitments = models.BooleanField(
        "publish how the commitments are kept",
        default=False,
        help_text="Show on the public site, for the last 12 months against the 12 before, the share of verified "
        "consultations and funding decisions that met each of the Compact's commitments, and each statutory body's.",
    )
    publish_representation = models.BooleanField(
        "publish the sector's seats on partnership boards",
        default=False,
        help_text="List the boards with seats for the sector and which network nominates each; a representative's "
        "name only where they agreed to it. Contact details are never shown.",
    )
    publish_scrutiny = models.BooleanField(
        "publish the committees and their recommendations",
        default=False,
        help_text="List the committees the Compact reports to, their recommendations and the responses to them.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "public site settings"

    def __str__(self) -> str:
        return "Public site settings"

    @classmethod
    def current(cls) -> "PublicSiteSettings":
        return cls.objects.order_by("pk").first() or cls()
