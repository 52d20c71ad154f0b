from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Sector(models.TextChoices):
    STATUTORY = "statutory", "Statutory"
    VOLUNTARY = "voluntary", "Voluntary and community"
    OTHER = "other", "Other"


class OrganisationKind(models.TextChoices):
    COUNCIL = "council", "Local council"
    HEALTH = "health", "NHS and health"
    POLICE = "police", "Police"
    FIRE = "fire", "Fire and rescue"
    EDUCATION = "education", "Education"
    HOUSING = "housing", "Housing"
    CVS = "cvs", "Council for voluntary service"
    CHARITY = "charity", "Charity"
    COMMUNITY_GROUP = "community_group", "Community group"
    SOCIAL_ENTERPRISE = "social_enterprise", "Social enterprise"
    FAITH = "faith", "Faith group"
    BUSINESS = "business", "Business"
    OTHER = "other", "Other"


class Compact(models.Model):
    """The agreement itself. Most areas have one; a revised Compact is a new row."""

    name = models.CharField(max_length=200)
    area = models.CharField(max_length=200, help_text="The local area the Compact covers.")
    council_name = models.CharField(
        "council that runs this service",
        max_length=200,
        blank=True,
        help_text="It runs the service, answers for its accessibility and controls the personal data it holds: "
        "the accessibility statement and the privacy notice name it. For example, Northbrook Borough Council.",
    )
    summary = models.TextField(blank=True)
    adopted_on = models.DateField(null=True, blank=True)
    review_on = models.DateField("review due on", null=True, blank=True)
    document = models.FileField(upload_to="compacts/", blank=True)
    report_every_months = models.PositiveSmallIntegerField(
        "months between reports to the LSP",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text="How often the Local Strategic Partnership expects a report: 3 for quarterly, 12 for yearly.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-adopted_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_on__isnull=True)
                | Q(adopted_on__isnull=True)
                | Q(review_on__gt=models.F("adopted_on")),
                name="compact_review_after_adoption",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("signatories:compact_detail")


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=20, choices=Sector.choices)
    kind = models.CharField("kind of organisation", max_length=30, choices=OrganisationKind.choices)
    charity_number = models.CharField("registered charity number", max_length=20, blank=True)
    company_number = models.CharField("company number", max_length=20, blank=True)
    identifier = models.CharField(
        "360Giving organisation identifier",
        max_length=100,
        blank=True,
        help_text="How grants data names it, like GB-CHC-1117726 (a charity) or GB-COH-04270053 (a company). "
        "Funding decisions imported from 360Giving files find their funder and recipients by it.",
    )
    website = models.URLField(blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    email = models.EmailField("main email", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="organisation_name_unique_ci"),
        ]
        # By name for the register's pages in name order; by sector and name for a sector's.
        indexes = [models.Index(fields=["name"]), models.Index(fields=["sector", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("signatories:organisation_detail", args=[self.pk])


class Signature(models.Model):
    """An organisation's signing of a compact. Withdrawing keeps the row, with a date and reason."""

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="signatures")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="signatures")
    signed_on = models.DateField()
    signed_by_name = models.CharField("signed by", max_length=200)
    signed_by_role = models.CharField("their role", max_length=200)
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawal_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-signed_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["compact", "organisation"],
                condition=Q(withdrawn_on__isnull=True),
                name="one_active_signature_per_organisation",
            ),
            models.CheckConstraint(
                condition=(Q(withdrawn_on__isnull=True) & Q(withdrawal_reason=""))
                | (Q(withdrawn_on__isnull=False) & ~Q(withdrawal_reason="")),
                name="withdrawal_has_date_and_reason",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("signed_on")),
                name="withdrawal_not_before_signing",
            ),
        ]
        indexes = [models.Index(fields=["compact", "withdrawn_on"])]

    def __str__(self) -> str:
        state = f"withdrawn {self.withdrawn_on:%d %B %Y}" if self.withdrawn_on else "active"
        return f"{self.organisation} signed {self.compact} on {self.signed_on:%d %B %Y} ({state})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None


class Champion(models.Model):
    """A named person who champions the Compact in their organisation.

    Standing down keeps the record: active means ``stood_down_on`` is empty.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="champions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="champion_records",
        help_text="The person's login, if they use this service.",
    )
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    appointed_on = models.DateField()
    stood_down_on = models.DateField(null=True, blank=True)
    stood_down_reason = models.TextField(blank=True)
    support_needs = models.TextField(
        blank=True, help_text="Time, training or peer support this champion has asked for."
    )
    training = models.TextField("training received", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(stood_down_on__isnull=True, user__isnull=False),
                name="one_active_champion_record_per_user",
            ),
            models.CheckConstraint(
                condition=Q(stood_down_on__isnull=True) | Q(stood_down_on__gte=models.F("appointed_on")),
                name="stand_down_not_before_appointment",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "stood_down_on"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    def get_absolute_url(self) -> str:
        return reverse("signatories:champion_detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.stood_down_on is None


class EndorsementKind(models.TextChoices):
    SENIOR_LEADER = "senior_leader", "Senior leader"
    ELECTED_MEMBER = "elected_member", "Elected member"
    SENIOR_OFFICER = "senior_officer", "Senior officer of a service directorate"


class Endorsement(models.Model):
    """A senior leader or elected member publicly endorsing the Compact."""

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="endorsements")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="endorsements")
    name = models.CharField(max_length=200)
    kind = models.CharField("position kind", max_length=20, choices=EndorsementKind.choices)
    position = models.CharField(max_length=200, help_text="For example, Leader of the Council.")
    endorsed_on = models.DateField()
    statement = models.TextField(blank=True, help_text="What they said, if they gave a statement.")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-endorsed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.name}, {self.position} ({self.endorsed_on:%d %B %Y})"


# Importing the register is a concept of its own (signatories/imports/); its model is declared there and
# imported here so it keeps this app's label and migrations.
from .imports.models import ImportRun  # noqa: E402,F401

# Resource pledges (success factor 6) likewise (signatories/pledges/).
from .pledges.models import Pledge, PledgedMoney, PledgedRole  # noqa: E402,F401
