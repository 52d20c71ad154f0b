import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ..models import CheckedRecord, RecordKind


class SectorInvolvement(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNKNOWN = "", "Not known"


class Consultation(CheckedRecord):
    """A consultation a statutory signatory ran, checked against the commitments about consultations."""

    kind = RecordKind.CONSULTATION
    kind_field = "consultation"

    title = models.CharField(max_length=200)
    link = models.URLField(blank=True, max_length=500)
    opened_on = models.DateField()
    closes_on = models.DateField()
    early_notice_on = models.DateField("early notice given on", null=True, blank=True)
    sector_involved = models.CharField(
        "sector involved in designing it", max_length=3, choices=SectorInvolvement.choices, blank=True
    )
    sector_involvement = models.TextField("how the sector was involved", blank=True)
    feedback_published_on = models.DateField("feedback published on", null=True, blank=True)
    feedback_link = models.URLField("link to the feedback", blank=True, max_length=500)
    shorter_reason = models.TextField("reason given for a shorter consultation", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opened_on")), name="consultation_closes_after_opening"
            ),
        ]
        indexes = [
            models.Index(fields=["compact", "status", "-opened_on"], name="consultation_list_idx"),
            models.Index(fields=["compact", "closes_on"], name="consultation_closing_idx"),
            # An officer's list, newest first, read in order: a page reads its own rows, not every record.
            models.Index(fields=["compact", "-opened_on", "-id"], name="consultation_order_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("commitments:consultation_detail", args=[self.pk])

    @property
    def dated_on(self) -> datetime.date:
        return self.opened_on

    def date_for(self, rule: str) -> datetime.date:
        """Every check of a consultation counts in the period it opened in."""
        return self.opened_on
