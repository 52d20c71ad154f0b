from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from commitments.models import Consultation, FundingDecision
from signatories.models import Compact, Organisation
from success_factors.models import Factor


class ConcernStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_DISCUSSION = "in_discussion", "In discussion"
    RESOLVED = "resolved", "Resolved"
    ESCALATED = "escalated", "Escalated"


CONCERN_CLOSED_STATUSES = (ConcernStatus.RESOLVED, ConcernStatus.ESCALATED)


class Concern(models.Model):
    """Something about how the Compact works that needs addressing, raised by a champion or officer.

    Officers move it open → in discussion → resolved or escalated (to the LSP), through
    ``wins.concerns.services``; they may publish a short summary for champions (and, once closed,
    for LSP members), who otherwise see only counts.
    """

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="concerns")
    title = models.CharField("what needs addressing", max_length=200)
    details = models.TextField("what has happened", blank=True)
    factor = models.ForeignKey(Factor, on_delete=models.PROTECT, related_name="concerns")
    organisations = models.ManyToManyField(
        Organisation, related_name="concerns_involved", blank=True, verbose_name="organisations involved"
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="concerns_raised"
    )
    raised_by_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="concerns_raised"
    )
    raised_on = models.DateField(default=timezone.localdate)
    status = models.CharField(max_length=20, choices=ConcernStatus.choices, default=ConcernStatus.OPEN)
    resolution = models.TextField("resolution notes", blank=True)
    resolved_on = models.DateField(null=True, blank=True)
    escalated_on = models.DateField(null=True, blank=True)
    summary = models.TextField("published summary", blank=True)
    summary_published = models.BooleanField(default=False)
    action = models.ForeignKey(
        "success_factors.Action", on_delete=models.SET_NULL, null=True, blank=True, related_name="concerns"
    )
    # The commitment record it is about, if any: a concern raised from a consultation or funding decision that
    # did not meet a commitment. Plain foreign keys, so the database keeps the link whole and each record
    # lists its concerns.
    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, null=True, blank=True, related_name="concerns"
    )
    funding_decision = models.ForeignKey(
        FundingDecision, on_delete=models.PROTECT, null=True, blank=True, related_name="concerns"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history_m2m_fields = ["organisations"]
    history = HistoricalRecords(m2m_fields_model_field_name="history_m2m_fields")

    class Meta:
        ordering = ["-raised_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="resolved") | Q(resolved_on__isnull=False), name="resolved_concern_has_date"
            ),
            models.CheckConstraint(
                condition=~Q(status="escalated") | Q(escalated_on__isnull=False), name="escalated_concern_has_date"
            ),
            models.CheckConstraint(
                condition=Q(summary_published=False) | ~Q(summary=""), name="published_concern_has_summary"
            ),
            models.CheckConstraint(
                condition=Q(consultation__isnull=True) | Q(funding_decision__isnull=True),
                name="concern_about_one_record",
            ),
        ]
        indexes = [models.Index(fields=["compact", "status", "factor"], name="concern_status_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("wins:concern_detail", args=[self.pk])

    @property
    def record(self) -> Consultation | FundingDecision | None:
        """The consultation or funding decision the concern is about, or None."""
        return self.consultation or self.funding_decision

    @property
    def is_closed(self) -> bool:
        return self.status in CONCERN_CLOSED_STATUSES
