from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from signatories.models import Compact, Organisation


class Factor(models.Model):
    """One of the seven critical success factors, seeded by a data migration."""

    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=120)
    summary = models.TextField()
    guidance = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1) & Q(number__lte=7), name="factor_number_1_to_7")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("success_factors:factor_detail", args=[self.number])


class Indicator(models.Model):
    """A statement an organisation rates itself against. Retired, never deleted once rated."""

    factor = models.ForeignKey(Factor, on_delete=models.PROTECT, related_name="indicators")
    order = models.PositiveSmallIntegerField(default=0)
    statement = models.CharField(max_length=300)
    guidance = models.TextField(blank=True, help_text="What good looks like, to help people choose a level.")
    is_local = models.BooleanField(
        "local indicator", default=False, help_text="Added by this area rather than part of the standard set."
    )
    retired_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["factor__number", "order", "id"]

    def __str__(self):
        return self.statement

    @property
    def is_retired(self) -> bool:
        return self.retired_on is not None


class Level(models.IntegerChoices):
    DONT_KNOW = 0, "Don't know"
    NOT_IN_PLACE = 1, "Not in place"
    DEVELOPING = 2, "Developing"
    ESTABLISHED = 3, "Established"
    EMBEDDED = 4, "Embedded"


LEVEL_DESCRIPTIONS = {
    Level.NOT_IN_PLACE: "Nothing has been done yet, or it has stopped.",
    Level.DEVELOPING: "Work has started, but it is patchy or new.",
    Level.ESTABLISHED: "It happens reliably and most people know about it.",
    Level.EMBEDDED: "It is part of how we work, reviewed and improved.",
    Level.DONT_KNOW: "Not scored. Say why in the comment if you can.",
}

round_validator = RegexValidator(r"^\d{4}/\d{2}$", "Enter the round as a financial year, like 2026/27")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"


class Assessment(models.Model):
    """One organisation's self-assessment against the seven factors for one round."""

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="assessments")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="assessments")
    round = models.CharField(max_length=7, validators=[round_validator], help_text="The financial year, like 2026/27.")
    status = models.CharField(max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopen_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-round", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["compact", "organisation", "round"], name="one_assessment_per_round"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False), name="submitted_has_timestamp"
            ),
        ]
        indexes = [models.Index(fields=["compact", "round", "status"])]

    def __str__(self):
        return f"{self.organisation} – {self.round}"

    def get_absolute_url(self) -> str:
        return reverse("success_factors:assessment_detail", args=[self.pk])

    @property
    def is_submitted(self) -> bool:
        return self.status == AssessmentStatus.SUBMITTED


class Rating(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="ratings")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="ratings")
    level = models.PositiveSmallIntegerField(choices=Level.choices, null=True, blank=True)
    evidence = models.TextField(blank=True)
    evidence_link = models.URLField(blank=True, max_length=500)
    comment = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__factor__number", "indicator__order", "indicator_id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "indicator"], name="one_rating_per_indicator"),
            models.CheckConstraint(condition=Q(level__isnull=True) | Q(level__lte=4), name="rating_level_0_to_4"),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.get_level_display() or 'not answered'}"


class FactorScore(models.Model):
    """A submitted assessment's result on one factor, kept when it is submitted.

    The partnership results then add up seven rows per organisation instead of every rating
    (``selectors.partnership_results``). ``mean_level`` is the mean of the factor's scored levels (1–4),
    or None when none was scored ("not enough evidence"). Derived from the ratings: written by
    ``services.record_factor_scores`` on submit and removed when the assessment is reopened.
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="factor_scores")
    factor = models.ForeignKey(Factor, on_delete=models.PROTECT, related_name="+")
    mean_level = models.FloatField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "factor"], name="one_score_per_factor")]

    def __str__(self):
        return f"{self.assessment}: factor {self.factor_id}"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class Action(models.Model):
    """An improvement action on a factor. Overdue is derived from the due date and status."""

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="actions")
    factor = models.ForeignKey(Factor, on_delete=models.PROTECT, related_name="actions")
    source_assessment = models.ForeignKey(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    description = models.TextField()
    owner_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name="owning organisation",
    )
    owner_name = models.CharField("owner", max_length=200, blank=True, help_text="The person who will make it happen.")
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions_owned",
        verbose_name="owner's login",
    )
    due_on = models.DateField()
    status = models.CharField(max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    progress_notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_organisation__isnull=False) | ~Q(owner_name="") | Q(owner_user__isnull=False),
                name="action_has_an_owner",
            )
        ]
        indexes = [models.Index(fields=["compact", "status", "due_on"])]

    def __str__(self):
        return self.description[:80]

    def get_absolute_url(self) -> str:
        return reverse("success_factors:action_detail", args=[self.pk])

    @property
    def is_overdue(self) -> bool:
        return self.status in OPEN_STATUSES and self.due_on < timezone.localdate()

    @property
    def owner_display(self) -> str:
        parts = [self.owner_name or (self.owner_user.get_full_name() if self.owner_user else "")]
        if self.owner_organisation:
            parts.append(str(self.owner_organisation))
        return ", ".join(p for p in parts if p)


# Concepts with packages of their own; imported here so they keep this app's label and migrations.
from .digests.models import ActionDigest  # noqa: E402,F401
from .rounds.models import DeadlineExtension, Round, RoundNotice, RoundStatus  # noqa: E402,F401
