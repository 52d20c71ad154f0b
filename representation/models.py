"""Networks and their members, partnership boards, their meetings and sector seats, who held each seat when (a
``Term``: history, never overwritten), and the report-backs representatives write after each meeting."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from signatories.models import Compact, Organisation


class Network(models.Model):
    """A forum or network of the sector through which its representatives are nominated and report back."""

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("representation:network_detail", args=[self.pk])


class Membership(models.Model):
    """An organisation on the register belonging to a network, from the date it joined (until it left)."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="network_memberships")
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["network", "organisation"], name="one_membership_per_organisation"),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("joined_on")), name="membership_left_after_joining"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} in {self.network}"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Every month"
    BIMONTHLY = "bimonthly", "Every two months"
    QUARTERLY = "quarterly", "Every three months"
    TWICE_A_YEAR = "twice_a_year", "Twice a year"
    YEARLY = "yearly", "Once a year"
    AS_NEEDED = "as_needed", "When needed"


class Board(models.Model):
    """A partnership board or committee, run by a statutory body, with seats for the sector."""

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    run_by = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="boards_run", verbose_name="statutory body that runs it"
    )
    meets = models.CharField("how often it meets", max_length=20, choices=Frequency.choices)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("representation:board_detail", args=[self.pk])


class Meeting(models.Model):
    """One meeting of a board, on a date (past or planned)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField("date of the meeting")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["board", "held_on"], name="one_meeting_a_day_per_board")]
        indexes = [models.Index(fields=["held_on"], name="meeting_held_on_idx")]

    def __str__(self):
        return f"{self.board} on {self.held_on:%-d %B %Y}"


class Seat(models.Model):
    """One of a board's seats for the sector. It is open from ``opened_on`` (vacant until first held) until an
    officer takes it away (``retired_on``); who held it when is its ``terms``."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="seats")
    number = models.PositiveSmallIntegerField()
    opened_on = models.DateField(default=timezone.localdate)
    retired_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["board__name", "number"]
        constraints = [models.UniqueConstraint(fields=["board", "number"], name="one_seat_number_per_board")]

    def __str__(self):
        return f"{self.board}: seat {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("representation:seat_detail", args=[self.pk])


class Term(models.Model):
    """A person holding a seat for an organisation, nominated by a network, from ``starts_on`` to ``ends_on`` (or
    ``left_on``, if they left early: their ``last_day``). Terms of one seat never overlap (``services.appoint``)."""

    seat = models.ForeignKey(Seat, on_delete=models.PROTECT, related_name="terms")
    holder_name = models.CharField("name", max_length=200)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="terms_held",
        verbose_name="their login",
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="seat_terms")
    nominated_by = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="terms")
    starts_on = models.DateField("start of term")
    ends_on = models.DateField("end of term")
    left_on = models.DateField(null=True, blank=True)
    name_is_public = models.BooleanField("agreed to their name being shown on the public site", default=False)
    outside_network = models.BooleanField(
        "the organisation was not a member of the nominating network when appointed", default=False
    )
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="term_ends_after_it_starts"),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | (Q(left_on__gte=F("starts_on")) & Q(left_on__lte=F("ends_on"))),
                name="term_left_within_term",
            ),
        ]
        indexes = [models.Index(fields=["ends_on"], name="term_ends_on_idx")]

    def __str__(self):
        return f"{self.holder_name} on {self.seat}"

    @property
    def last_day(self) -> datetime.date:
        return self.left_on or self.ends_on

    def holds_on(self, day: datetime.date) -> bool:
        return self.starts_on <= day <= self.last_day


class ReportBack(models.Model):
    """What a representative tells their network after a meeting: one per meeting and term."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="report_backs")
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="report_backs")
    discussed = models.TextField("what was discussed")
    sector_said = models.TextField("what the sector said")
    decided = models.TextField("what was decided")
    next_steps = models.TextField("what comes next")
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-meeting__held_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "term"], name="one_report_back_per_meeting_and_term")]
        indexes = [models.Index(fields=["written_at"], name="report_back_written_idx")]

    def __str__(self):
        return f"Report-back from {self.meeting} by {self.term.holder_name}"

    def get_absolute_url(self) -> str:
        return reverse("representation:report_back_detail", args=[self.pk])


class ReportBackReminder(models.Model):
    """The one reminder a representative is sent about a meeting with no report-back 14 days on."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "term"], name="one_reminder_per_meeting_and_term")]

    def __str__(self):
        return f"Report-back reminder for {self.meeting}"


class SeatsSummary(models.Model):
    """The monthly email to one officer about terms ending soon and long vacancies (``month`` is its first day)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "seats summaries"
        constraints = [models.UniqueConstraint(fields=["user", "month"], name="one_seats_summary_a_month")]

    def __str__(self):
        return f"Seats summary for {self.user} for {self.month:%B %Y}"
