from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from signatories.models import Compact, Organisation
from success_factors.models import Factor

from .evidence import evidence_upload_to


class WinStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    PUBLISHED = "published", "Published"
    RETURNED = "returned", "Returned"


# A champion may change their win only before an officer has it, or after it comes back.
EDITABLE_STATUSES = (WinStatus.DRAFT, WinStatus.RETURNED)


class Win(models.Model):
    """Something the Compact achieved, recorded by a champion or officer and published after moderation.

    The status moves draft → submitted → published (or returned with a note, then submitted again)
    only through the functions in ``wins.services``.
    """

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="wins")
    title = models.CharField(max_length=200)
    what_happened = models.TextField()
    difference_made = models.TextField("difference it made", help_text="The outcome for local people or services.")
    happened_on = models.DateField("date it happened")
    factors = models.ManyToManyField(Factor, related_name="wins")
    organisations = models.ManyToManyField(
        Organisation, related_name="wins_involved", blank=True, verbose_name="organisations involved"
    )
    is_quick_win = models.BooleanField("quick win", default=False)
    people_reached = models.PositiveIntegerField(null=True, blank=True, validators=[MinValueValidator(1)])
    evidence_link = models.URLField(blank=True, max_length=500)
    evidence_file = models.FileField(upload_to=evidence_upload_to, blank=True, max_length=200)
    evidence_file_name = models.CharField(
        "evidence file's original name", max_length=200, blank=True, help_text="Shown to people; never used as a path."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="wins_recorded"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recorded_wins",
        help_text="The organisation of the champion who recorded it.",
    )
    status = models.CharField(max_length=10, choices=WinStatus.choices, default=WinStatus.DRAFT)
    # Off by default: a story can name people. An officer turns it on for a published win (services.show_on_public_site).
    show_on_public_site = models.BooleanField("show on the public site", default=False)
    return_note = models.TextField(blank=True, help_text="Why an officer returned it, for the champion.")
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    # The words the library searches, kept by a PostgreSQL trigger from the title, what happened and the
    # difference made (migration 0004), so a search reads them rather than working them out for each row.
    # Always empty on SQLite, which searches with LIKE.
    search_vector = SearchVectorField(null=True, editable=False)

    history_m2m_fields = ["factors", "organisations"]
    history = HistoricalRecords(m2m_fields_model_field_name="history_m2m_fields", excluded_fields=["search_vector"])

    class Meta:
        ordering = ["-happened_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False), name="published_win_has_timestamp"
            ),
            models.CheckConstraint(
                condition=~Q(status="submitted") | Q(submitted_at__isnull=False), name="submitted_win_has_timestamp"
            ),
            models.CheckConstraint(condition=~Q(status="returned") | ~Q(return_note=""), name="returned_win_has_note"),
            models.CheckConstraint(
                condition=Q(people_reached__isnull=True) | Q(people_reached__gte=1), name="win_people_reached_positive"
            ),
        ]
        indexes = [
            # The library, factor and organisation pages: a compact's published wins, newest first.
            models.Index(fields=["compact", "status", "-happened_on", "-id"], name="win_library_idx"),
            # Reports: the wins published in a period.
            models.Index(fields=["compact", "status", "published_at", "id"], name="win_published_idx"),
            # The library's total: how many wins a compact has published, counted in this index alone. It holds
            # only the published wins' compact: a tenth the size of the indexes above, counted in half their time
            # (docs/performance-tallies.md).
            models.Index(fields=["compact"], name="win_published_count_idx", condition=Q(status="published")),
            # The officers' queue: submitted wins, oldest first.
            models.Index(fields=["status", "submitted_at"], name="win_queue_idx"),
            # The public site: the few published wins an officer chose to show, newest first.
            models.Index(
                fields=["compact", "-happened_on", "-id"],
                name="win_public_idx",
                condition=Q(status="published", show_on_public_site=True),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("wins:win_detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == WinStatus.PUBLISHED

    @property
    def evidence_display_name(self) -> str:
        return self.evidence_file_name or "evidence file"


class WinEvent(models.Model):
    """One move of a win between statuses: who, when, and the officer's note when it was returned."""

    win = models.ForeignKey(Win, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=10, choices=WinStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=WinStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        start = self.get_from_status_display() or "new"
        return f"{self.win}: {start} → {self.get_to_status_display()}"


# Concerns are a concept of their own (wins/concerns/); their model is declared there and imported here so
# that it keeps the wins app's label and table.
from .concerns.models import CONCERN_CLOSED_STATUSES, Concern, ConcernStatus  # noqa: E402,F401
