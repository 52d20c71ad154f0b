import datetime

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from signatories.models import Organisation

from ..models import CheckedRecord, RecordKind


class FundingKind(models.TextChoices):
    GRANT = "grant", "Grant"
    CONTRACT = "contract", "Contract"
    COMMISSIONED = "commissioned", "Commissioned service"


class FundingChange(models.TextChoices):
    NONE = "", "Neither"
    ENDED = "ended", "Ended"
    REDUCED = "reduced", "Reduced"


class FundingDecision(CheckedRecord):
    """A statutory signatory's decision to fund, end or cut funding of voluntary and community organisations."""

    kind = RecordKind.FUNDING
    kind_field = "funding_decision"

    name = models.CharField("programme or contract", max_length=200)
    programme = models.CharField(
        "grant programme", max_length=200, blank=True, help_text="The programme a grant was awarded under."
    )
    grant_identifier = models.CharField(
        "360Giving grant identifier",
        max_length=200,
        blank=True,
        help_text="The grant's Identifier in the funder's 360Giving data: a newer file updates this decision.",
    )
    funding_kind = models.CharField("kind", max_length=12, choices=FundingKind.choices)
    organisations_funded = models.ManyToManyField(
        Organisation, related_name="funding_received", blank=True, verbose_name="organisations funded"
    )
    amount = models.DecimalField(max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    decided_on = models.DateField("date of the decision")
    starts_on = models.DateField("funding starts on")
    ends_on = models.DateField("funding ends on", null=True, blank=True)
    full_cost_recovery = models.BooleanField("full cost recovery accepted", null=True, blank=True)
    paid_in_advance = models.BooleanField(null=True, blank=True)
    rationale_published = models.BooleanField(null=True, blank=True)
    rationale_link = models.URLField("link to the rationale", blank=True, max_length=500)
    change = models.CharField("ended or reduced", max_length=8, choices=FundingChange.choices, blank=True)
    notice_given_on = models.DateField("notice given on", null=True, blank=True)
    change_takes_effect_on = models.DateField("change takes effect on", null=True, blank=True)
    change_reason = models.TextField("reason for ending or reducing it", blank=True)

    history_m2m_fields = ["organisations_funded"]
    history = HistoricalRecords(m2m_fields_model_field_name="history_m2m_fields")

    class Meta:
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="funding_ends_after_start",
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="funding_amount_not_negative"),
            models.UniqueConstraint(
                fields=["compact", "grant_identifier"],
                condition=~Q(grant_identifier=""),
                name="funding_one_decision_per_grant",
            ),
        ]
        indexes = [
            models.Index(fields=["compact", "status", "-decided_on"], name="funding_list_idx"),
            models.Index(fields=["compact", "ends_on"], name="funding_ending_idx"),
            # An officer's list, newest first, read in order: a page reads its own rows, not every record.
            models.Index(fields=["compact", "-decided_on", "-id"], name="funding_order_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("commitments:funding_detail", args=[self.pk])

    @property
    def title(self) -> str:
        return self.name

    @property
    def dated_on(self) -> datetime.date:
        return self.decided_on

    def date_for(self, rule: str) -> datetime.date:
        """The date a check counts in: the notice of an ending or cut when it was given (or took effect), not
        the original decision to fund; every other check, the decision."""
        if rule == "notice":
            return self.notice_given_on or self.change_takes_effect_on or self.decided_on
        return self.decided_on


class FundingNoticeWarning(models.Model):
    """One early warning to officers that a funding decision ends on ``ends_on`` with no notice recorded.

    Written in the same transaction as the emails, so the daily job never warns twice about the same ending; a
    new end date is a new ending and is warned about again."""

    funding_decision = models.ForeignKey(FundingDecision, on_delete=models.CASCADE, related_name="notice_warnings")
    ends_on = models.DateField()
    sent_on = models.DateField()
    recipients = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["funding_decision", "ends_on"], name="funding_warned_once_per_ending"),
        ]

    def __str__(self):
        return f"Warning about {self.funding_decision} ending on {self.ends_on}"
