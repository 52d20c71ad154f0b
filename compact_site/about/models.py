from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

# True of this service as it ships: officers change it when an audit finds more, or when the PDFs are made accessible.
DEFAULT_KNOWN_ISSUES = (
    "The PDF downloads of reports to the LSP and of the induction pack are not tagged, so a screen reader may read "
    "them out of order. Everything in them is also on a web page of this service."
)


class LawfulBasis(models.TextChoices):
    """The bases of UK GDPR article 6(1) a council may rely on for this service."""

    PUBLIC_TASK = (
        "public_task",
        "Public task: it is needed to carry out a task in the public interest (article 6(1)(e))",
    )
    LEGITIMATE_INTERESTS = (
        "legitimate_interests",
        "Legitimate interests: it is needed for the legitimate interests of the organisations in the Compact "
        "(article 6(1)(f))",
    )
    LEGAL_OBLIGATION = "legal_obligation", "Legal obligation: the law requires it (article 6(1)(c))"
    CONSENT = "consent", "Consent: each person has agreed to it, and may withdraw their consent (article 6(1)(a))"


class StatementSettings(models.Model):
    """What the accessibility statement, privacy notice, contact page and security.txt say that varies from one
    area to the next (one row). Every default is true of the service as it ships."""

    contact_email = models.EmailField(
        "the Compact team's email address",
        blank=True,
        help_text="A shared team mailbox, not one person's own address. Shown on the contact page, the "
        "accessibility statement and the privacy notice.",
    )
    contact_phone = models.CharField("the Compact team's phone number", max_length=40, blank=True)
    contact_address = models.TextField("the Compact team's postal address", blank=True)
    reply_within_days = models.PositiveSmallIntegerField(
        "working days to reply",
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="How soon the team answers a request for an accessible format or a problem reported.",
    )
    dpo_email = models.EmailField("the data protection officer's email address", blank=True)
    dpo_address = models.TextField("the data protection officer's postal address", blank=True)
    lawful_basis = models.CharField(
        "lawful basis", max_length=30, choices=LawfulBasis.choices, default=LawfulBasis.PUBLIC_TASK
    )
    lawful_basis_detail = models.TextField(
        "the task or power behind it",
        blank=True,
        help_text="Optional: for example, the council's role in working with the voluntary and community sector.",
    )
    last_audit_on = models.DateField("date of the last accessibility audit", null=True, blank=True)
    audited_by = models.CharField("who carried out the audit", max_length=200, blank=True)
    known_issues = models.TextField(
        "known accessibility issues",
        blank=True,
        default=DEFAULT_KNOWN_ISSUES,
        help_text="One issue a line: what does not work, for whom, and what to do instead.",
    )
    prepared_on = models.DateField("date the accessibility statement was prepared", null=True, blank=True)
    reviewed_on = models.DateField("date the accessibility statement was last reviewed", null=True, blank=True)
    erase_after_months = models.PositiveSmallIntegerField(
        "months to keep a leaver's personal data",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="An officer erases a person's personal data this long after they leave (stand down or stop "
        "signing in), unless it is needed for a report or a dispute.",
    )
    backups_kept_months = models.PositiveSmallIntegerField(
        "months to keep backups",
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="How long the council's technical staff keep copies of the database.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "statement settings"

    def __str__(self) -> str:
        return "Accessibility, privacy and contact details"

    @classmethod
    def current(cls) -> "StatementSettings":
        return cls.objects.order_by("pk").first() or cls()

    @property
    def known_issue_list(self) -> list[str]:
        return [line.strip() for line in self.known_issues.splitlines() if line.strip()]
