"""Self-assessment rounds: a financial year's call for self-assessments, its deadline and what was sent."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from signatories.models import Compact, Organisation

DEFAULT_REMINDER_DAYS = (14, 3)


def default_reminder_days() -> list[int]:
    return list(DEFAULT_REMINDER_DAYS)


class RoundStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Round(models.Model):
    """One financial year's self-assessment round of a Compact.

    Assessments keep their year in ``Assessment.round``; a round is found by (compact, year).
    """

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="rounds")
    year = models.CharField("financial year", max_length=7, help_text="Like 2026/27.")
    opens_on = models.DateField("opens on")
    deadline = models.DateField()
    status = models.CharField(max_length=10, choices=RoundStatus.choices, default=RoundStatus.PLANNED)
    message = models.TextField("message to champions", blank=True)
    reminder_days = models.JSONField(
        default=default_reminder_days, help_text="Days before the deadline when reminders go out."
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    summary_sent_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["compact", "year"], name="one_round_per_year"),
            models.CheckConstraint(condition=Q(deadline__gte=F("opens_on")), name="round_deadline_after_opening"),
        ]

    def __str__(self):
        return f"{self.year} self-assessment round"

    def get_absolute_url(self) -> str:
        return reverse("success_factors:round_detail", args=[self.pk])

    @property
    def is_planned(self) -> bool:
        return self.status == RoundStatus.PLANNED

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == RoundStatus.CLOSED

    @property
    def reminder_days_text(self) -> str:
        return ", ".join(str(day) for day in self.reminder_days)


class DeadlineExtension(models.Model):
    """A later deadline for one organisation in one round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="extensions")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="deadline_extensions")
    deadline = models.DateField("new deadline")
    reason = models.TextField(blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "organisation"], name="one_extension_per_organisation")]

    def __str__(self):
        return f"{self.organisation}: {self.round.year} deadline {self.deadline}"


class NoticeKind(models.TextChoices):
    OPENED = "opened", "Round opened"
    REMINDER = "reminder", "Reminder"
    CHASE = "chase", "Chased by an officer"


class RoundNotice(models.Model):
    """What a round sent to an organisation's champions, and when: the record that stops a scheduled job
    sending anything twice. A reminder is unique per round, organisation, stage (days before) and the
    deadline it was about, so running the job again sends nothing, while an extension's new deadline
    earns its own reminders."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="notices")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=NoticeKind.choices)
    days_before = models.PositiveSmallIntegerField(null=True, blank=True)
    deadline = models.DateField()
    sent_on = models.DateField()
    # Opening and chasing write their notices pending (``sent_at`` empty) in the officer's transaction; a
    # task then writes each organisation's emails to the outbox and sets ``sent_at``, so a request for 1,000
    # organisations stays quick and a lost task leaves the notices for the sweep, never lost or sent twice.
    sent_at = models.DateTimeField(null=True, blank=True)
    recipients = models.PositiveSmallIntegerField(default=0)
    note = models.TextField(blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sent_at"], condition=Q(sent_at__isnull=True), name="round_notices_pending")]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation", "kind", "days_before", "deadline"],
                condition=Q(kind="reminder"),
                name="one_reminder_per_stage_and_deadline",
            ),
            models.UniqueConstraint(
                fields=["round", "organisation"], condition=Q(kind="opened"), name="one_opening_per_organisation"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.organisation} on {self.sent_on}"
