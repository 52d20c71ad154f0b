"""The record of one spreadsheet import: who uploaded which file, what it held, and what it changed."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse


class ImportKind(models.TextChoices):
    ORGANISATIONS = "organisations", "Organisations"
    CHAMPIONS = "champions", "Champions"
    ENDORSEMENTS = "endorsements", "Endorsements"
    SCORECARDS = "scorecards", "Past self-assessment scores"
    GRANTS = "grants", "Funding decisions (360Giving)"
    CONSULTATIONS = "consultations", "Consultations"


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", "Waiting to be confirmed"
    APPLIED = "applied", "Applied"
    REPLACED = "replaced", "Replaced by another upload, or not confirmed in time"


class ImportRun(models.Model):
    """An uploaded file between preview and confirm, then the record of what it changed.

    The file is read once, on upload; what it held is kept here (never in the page) until the import is
    confirmed or dropped, and only the officer who uploaded it can see its preview or confirm it.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=20, choices=ImportKind.choices)
    file_name = models.CharField(max_length=200)
    table = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="The file's headings and cells as read on upload, kept until the import is confirmed or dropped.",
    )
    columns = models.JSONField(
        default=dict, blank=True, help_text="Headings the officer matched to a field by hand, or chose to ignore."
    )
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.PREVIEWED)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    new_count = models.PositiveIntegerField(default=0)
    changed_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["status", "uploaded_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.file_name} ({self.uploaded_at:%d %B %Y})"

    def get_absolute_url(self) -> str:
        return reverse("signatories:import_preview", args=[self.public_id])
