from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from signatories.models import Compact
from wins.models import Win


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
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        help_text="The published report this one corrects.",
    )
    is_public = models.BooleanField(
        "shown on the public site",
        default=False,
        help_text="A published report an officer has chosen to show to everyone on the public site.",
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

    history_m2m_fields = ["highlighted_wins"]
    history = HistoricalRecords(
        m2m_fields_model_field_name="history_m2m_fields",
        excluded_fields=["updated_at", "draft_figures", "draft_figures_at"],
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

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display().lower()})"

    def get_absolute_url(self) -> str:
        return reverse("reports:report_detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == ReportStatus.DRAFT

    @property
    def is_frozen(self) -> bool:
        return self.status in FROZEN_STATUSES


class ReportReminder(models.Model):
    """A reminder to officers that a report to the LSP is due soon (``days_before`` 21 or 7) or overdue (0).

    One per compact, due date and stage, so the daily job never sends the same reminder twice, and a new
    due date (after a report is published) earns its own reminders.
    """

    compact = models.ForeignKey(Compact, on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    sent_on = models.DateField()
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["compact", "due_on", "days_before"], name="one_report_reminder_per_stage")
        ]

    def __str__(self) -> str:
        return f"Report due {self.due_on}: reminder {self.days_before} days before"
