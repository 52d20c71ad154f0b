"""Committees, their meetings, the reports sent to them, and their recommendations with responses.

The LSP is one committee among them (``CommitteeKind.LSP``, one per compact): reports are still written to it
and emailed to its members as before (``compact_site.reporting.services``).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from signatories.models import Compact, Organisation
from success_factors.models import Action

from ..models import Report


class CommitteeKind(models.TextChoices):
    LSP = "lsp", "Local Strategic Partnership"
    SCRUTINY = "scrutiny", "Scrutiny committee"
    HEALTH_AND_WELLBEING = "health_and_wellbeing", "Health and Wellbeing Board"
    CABINET_MEMBER = "cabinet_member", "Cabinet member"
    OTHER = "other", "Other committee or policy maker"


class Committee(models.Model):
    """A body a report goes to, that may make recommendations about the Compact."""

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=CommitteeKind.choices)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["compact"], condition=Q(kind="lsp"), name="one_lsp_committee_per_compact")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("committees:committee_detail", args=[self.pk])

    @property
    def is_lsp(self) -> bool:
        return self.kind == CommitteeKind.LSP


class CommitteeMeeting(models.Model):
    """A meeting of a committee, past or planned."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField("date of the meeting")
    title = models.CharField(max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["committee", "held_on"], name="one_meeting_a_day")]

    def __str__(self) -> str:
        return f"{self.committee}, {self.held_on:%-d %B %Y}"


class ReportSent(models.Model):
    """A published report sent to a committee meeting, with the agenda item's link."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="sendings")
    meeting = models.ForeignKey(CommitteeMeeting, on_delete=models.PROTECT, related_name="reports_sent")
    agenda_item_url = models.URLField("link to the agenda item", max_length=500, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-meeting__held_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["report", "meeting"], name="report_sent_once_to_a_meeting")]

    def __str__(self) -> str:
        return f"{self.report.title} to {self.meeting}"


class Response(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    PARTLY_ACCEPTED = "partly_accepted", "Partly accepted"
    NOT_ACCEPTED = "not_accepted", "Not accepted"


class Recommendation(models.Model):
    """A committee's recommendation about a report it was sent, who must respond by when, and the response.

    Awaiting a response while ``response`` is empty; overdue is derived (awaiting, and due before today).
    """

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="committee_recommendations")
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="recommendations")
    text = models.TextField("recommendation")
    made_on = models.DateField("date it was made")
    respond_by = models.CharField("who must respond", max_length=200)
    responder_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="recommendations_to_answer",
        verbose_name="organisation that must respond",
    )
    response_due_on = models.DateField("response due by")
    response = models.CharField(max_length=20, choices=Response.choices, blank=True)
    response_text = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.OneToOneField(
        Action, on_delete=models.SET_NULL, null=True, blank=True, related_name="recommendation"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["response_due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(response_due_on__gte=F("made_on")), name="recommendation_due_after_it_is_made"
            ),
            models.CheckConstraint(
                condition=Q(responded_on__isnull=True) | Q(responded_on__gte=F("made_on")),
                name="response_not_before_recommendation",
            ),
            models.CheckConstraint(
                condition=Q(response="", responded_on__isnull=True) | (~Q(response="") & Q(responded_on__isnull=False)),
                name="response_has_a_date",
            ),
        ]
        indexes = [models.Index(fields=["response", "response_due_on"], name="recommendation_due_idx")]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("committees:recommendation_detail", args=[self.pk])

    @property
    def is_answered(self) -> bool:
        return bool(self.response)

    @property
    def is_overdue(self) -> bool:
        return not self.response and self.response_due_on < timezone.localdate()


class ResponseDigest(models.Model):
    """One week's digest of overdue responses sent to one person, so the weekly job never sends it twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week_of = models.DateField()
    overdue = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "week_of"], name="one_response_digest_a_week")]

    def __str__(self) -> str:
        return f"Responses digest for {self.user} in the week of {self.week_of}"
