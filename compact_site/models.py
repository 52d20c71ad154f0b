import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from signatories.models import Compact, Organisation
from signatories.roles import ALL_ROLES
from wins.models import Win


def hash_token(token):
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
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="invitations",
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

    def __str__(self):
        return f"{self.first_name} {self.last_name} <{self.email}> as {self.role}"

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_pending(self):
        return self.accepted_at is None and self.expires_at > timezone.now()

    @property
    def state(self):
        if self.accepted_at:
            return "Accepted"
        return "Waiting" if self.expires_at > timezone.now() else "Expired"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded"


# Published and superseded reports are frozen: the LSP reads them, nobody edits them.
FROZEN_STATUSES = (ReportStatus.PUBLISHED, ReportStatus.SUPERSEDED)


class Report(models.Model):
    """A report to the Local Strategic Partnership on one compact for one period.

    A draft shows live figures (kept for a few minutes between looks). Publishing (``compact_site.reporting.services.publish_report``) stores
    every figure, chart, highlighted win and the commentary in ``snapshot``; from then on the report is
    read only from the snapshot and never edited. A mistake is put right by a correction: a new report
    that ``supersedes`` this one.
    """

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="reports")
    title = models.CharField(max_length=200)
    period_start = models.DateField("start of the period")
    period_end = models.DateField("end of the period")
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    summary = models.TextField(blank=True)
    issues = models.TextField("issues for the LSP to resolve", blank=True)
    recommendations = models.TextField(blank=True)
    highlighted_wins = models.ManyToManyField(Win, blank=True, related_name="+")
    snapshot = models.JSONField(null=True, blank=True, editable=False)
    # A draft's figures and charts as last worked out, so looking at it again does not count everything
    # again: reused for settings.REPORT_DRAFT_FIGURES_MINUTES or until an officer asks for new ones.
    # Publishing always works them out afresh (``compact_site.reporting.content``).
    draft_figures = models.JSONField(null=True, blank=True, editable=False)
    draft_figures_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    supersedes = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections",
        help_text="The published report this one corrects.",
    )
    emailed_at = models.DateTimeField("last emailed to the LSP", null=True, blank=True)
    emailed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(
        m2m_fields=[highlighted_wins], excluded_fields=["updated_at", "draft_figures", "draft_figures_at"]
    )

    class Meta:
        ordering = ["-period_end", "-period_start", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__lte=models.F("period_end")), name="report_period_starts_before_it_ends"
            ),
            models.CheckConstraint(
                condition=Q(status="draft", published_at__isnull=True)
                | (~Q(status="draft") & Q(snapshot__isnull=False, published_at__isnull=False)),
                name="published_report_has_snapshot_and_date",
            ),
            models.UniqueConstraint(
                fields=["supersedes"], condition=Q(supersedes__isnull=False), name="one_correction_per_report"
            ),
        ]
        indexes = [models.Index(fields=["compact", "status", "-period_end"], name="report_list_idx")]

    def __str__(self):
        return f"{self.title} ({self.get_status_display().lower()})"

    def get_absolute_url(self):
        return reverse("reports:report_detail", args=[self.pk])

    @property
    def is_draft(self):
        return self.status == ReportStatus.DRAFT

    @property
    def is_frozen(self):
        return self.status in FROZEN_STATUSES


class SecuritySettings(models.Model):
    """Service-wide security choices officers make (one row)."""

    require_officer_two_step = models.BooleanField(
        "require two-step verification for officers",
        default=False,
        help_text="Officers must set up an authenticator app before they can use the service.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "security settings"

    def __str__(self):
        return "Security settings"

    @classmethod
    def current(cls):
        return cls.objects.order_by("pk").first() or cls()
