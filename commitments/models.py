"""The Compact's own commitments, and the kept result of checking each record against each of them.

The two kinds of record checked are declared in their own packages (``consultations/``, ``funding/``) and
imported at the end of this module, so they keep this app's label, migrations and tables.
"""

from typing import TypeAlias

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from signatories.models import Compact, Organisation
from success_factors.models import Factor


class Rule(models.TextChoices):
    """How a commitment is checked: each rule is one function in ``commitments.checks``."""

    CONSULTATION_LENGTH = "consultation_length", "Consultations last at least this many weeks"
    EARLY_NOTICE = "early_notice", "Early notice of a consultation, at least this many weeks before it opens"
    SECTOR_INVOLVED = "sector_involved", "The sector is involved in designing a consultation"
    FEEDBACK = "feedback", "Feedback on a consultation is published within this many weeks of it closing"
    RATIONALE = "rationale", "A funding decision's rationale is published"
    MULTI_YEAR = "multi_year", "Funding lasts at least this many years"
    FULL_COST_RECOVERY = "full_cost_recovery", "Funders accept full cost recovery"
    PAYMENT_IN_ADVANCE = "payment_in_advance", "Funding is paid in advance"
    NOTICE = "notice", "Notice of at least this many months before funding is ended or reduced"


class RecordKind(models.TextChoices):
    CONSULTATION = "consultation", "Consultations"
    FUNDING = "funding", "Funding decisions"


# What each rule's threshold counts, and which kind of record it checks.
RULE_UNITS: dict[str, str] = {
    Rule.CONSULTATION_LENGTH: "weeks",
    Rule.EARLY_NOTICE: "weeks",
    Rule.FEEDBACK: "weeks",
    Rule.MULTI_YEAR: "years",
    Rule.NOTICE: "months",
}
CONSULTATION_RULES = (Rule.CONSULTATION_LENGTH, Rule.EARLY_NOTICE, Rule.SECTOR_INVOLVED, Rule.FEEDBACK)
FUNDING_RULES = (Rule.RATIONALE, Rule.MULTI_YEAR, Rule.FULL_COST_RECOVERY, Rule.PAYMENT_IN_ADVANCE, Rule.NOTICE)


def kind_of_rule(rule: str) -> RecordKind:
    return RecordKind.CONSULTATION if rule in CONSULTATION_RULES else RecordKind.FUNDING


class Commitment(models.Model):
    """One promise in the Compact, in the area's own words, with the number that makes it checkable.

    One list for the deployment (one area, like the seven factors), seeded by a data migration with the six
    best-known commitments of Compacts in England; officers change the wording and numbers and add local
    ones. A changed threshold applies to records recorded from then on: each check keeps the threshold it
    was made with, and the change is kept in the history.
    """

    title = models.CharField("commitment", max_length=200)
    description = models.TextField("what it means", blank=True)
    rule = models.CharField("how it is checked", max_length=30, choices=Rule.choices)
    threshold = models.PositiveSmallIntegerField(null=True, blank=True)
    factor = models.ForeignKey(Factor, on_delete=models.PROTECT, related_name="commitments")
    order = models.PositiveSmallIntegerField(default=0)
    is_local = models.BooleanField("local commitment", default=False)
    retired_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(threshold__isnull=True) | Q(threshold__gte=1), name="commitment_threshold_positive"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("commitments:commitment_list") + f"#commitment-{self.pk}"

    @property
    def kind(self) -> RecordKind:
        return kind_of_rule(self.rule)

    @property
    def unit(self) -> str:
        return RULE_UNITS.get(self.rule, "")

    @property
    def is_active(self) -> bool:
        return self.retired_on is None


class RecordStatus(models.TextChoices):
    REPORTED = "reported", "Waiting for an officer"
    VERIFIED = "verified", "Verified"


class Result(models.TextChoices):
    MET = "met", "Met"
    NOT_MET = "not_met", "Not met"
    EXPLAINED = "explained", "Explained"
    UNKNOWN = "unknown", "Not known yet"


class CheckedRecord(models.Model):
    """What consultations and funding decisions share: who ran them, who reported and verified them, and the
    statutory body's explanation."""

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="+")
    body = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name="statutory body")
    status = models.CharField(max_length=10, choices=RecordStatus.choices, default=RecordStatus.REPORTED)
    body_explanation = models.TextField("the statutory body's explanation", blank=True)
    body_explained_at = models.DateTimeField(null=True, blank=True)
    body_explained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reported_by_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_verified(self) -> bool:
        return self.status == RecordStatus.VERIFIED


class Check(models.Model):
    """The result of checking one record against one commitment, kept so that pages count it and reports
    freeze it. Who ran the record, its date and whether it is verified are copied here (by the services,
    whenever the record is checked) so a period's rates are one query on one table."""

    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="checks")
    consultation = models.ForeignKey(
        "commitments.Consultation", on_delete=models.CASCADE, null=True, blank=True, related_name="checks"
    )
    funding_decision = models.ForeignKey(
        "commitments.FundingDecision", on_delete=models.CASCADE, null=True, blank=True, related_name="checks"
    )
    result = models.CharField(max_length=10, choices=Result.choices)
    why = models.TextField()
    threshold = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The threshold it was checked with.")
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_note = models.TextField("why the reason is accepted", blank=True)
    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="+")
    body = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    dated_on = models.DateField()
    verified = models.BooleanField(default=False)
    checked_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords(excluded_fields=["checked_at"])

    class Meta:
        ordering = ["commitment__order", "commitment_id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(consultation__isnull=True, funding_decision__isnull=False)
                | Q(consultation__isnull=False, funding_decision__isnull=True),
                name="check_is_of_one_record",
            ),
            models.UniqueConstraint(fields=["commitment", "consultation"], name="one_check_per_consultation"),
            models.UniqueConstraint(fields=["commitment", "funding_decision"], name="one_check_per_funding_decision"),
            models.CheckConstraint(
                condition=~Q(result="explained") | Q(accepted_at__isnull=False), name="explained_check_accepted"
            ),
        ]
        indexes = [
            # A period's rates: with the columns they count in the index, PostgreSQL reads only the index.
            models.Index(
                fields=["compact", "verified", "dated_on", "commitment", "body", "result"], name="check_rates_idx"
            ),
        ]

    def __str__(self):
        return f"{self.record}: {self.commitment} – {self.get_result_display()}"

    @property
    def record(self) -> "Record":
        # A check is of exactly one record (the ``check_is_of_one_record`` constraint), which the stubs cannot see.
        return self.consultation if self.consultation_id else self.funding_decision  # type: ignore[return-value]


from .consultations.models import Consultation, SectorInvolvement  # noqa: E402,F401
from .funding.models import FundingChange, FundingDecision, FundingKind, FundingNoticeWarning  # noqa: E402,F401

# A consultation or a funding decision: the two kinds of record checked against the commitments.
Record: TypeAlias = Consultation | FundingDecision
