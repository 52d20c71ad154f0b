"""A signatory's resource pledge for one financial year, with its named roles and its money.

A pledge keeps its totals (hours a month, money) beside its rows, written by ``services.save_pledge`` in the
same transaction as the rows, so pages add up one row per organisation.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..models import Compact, Organisation

ZERO = Decimal("0")


def financial_year_of(day: datetime.date) -> int:
    """The year a financial year starts in (1 April): 2026 for any day from 1 April 2026 to 31 March 2027."""
    return day.year if day.month >= 4 else day.year - 1


def year_label(year: int) -> str:
    """``2026`` as the financial year ``2026/27``."""
    return f"{year}/{(year + 1) % 100:02d}"


class Pledge(models.Model):
    """What one signatory pledges to the Compact for one financial year (``year``: the year it starts in)."""

    compact = models.ForeignKey(Compact, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="pledges")
    year = models.PositiveSmallIntegerField("financial year (the year it starts in)")
    in_kind = models.TextField("help in kind", blank=True)
    agreed_by = models.CharField("who agreed it", max_length=200)
    hours_per_month = models.DecimalField(max_digits=8, decimal_places=1, default=ZERO, editable=False)
    money = models.DecimalField(max_digits=12, decimal_places=2, default=ZERO, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-year", "organisation__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["compact", "organisation", "year"], name="one_pledge_per_year"),
            models.CheckConstraint(
                condition=Q(hours_per_month__gte=0, money__gte=0), name="pledge_totals_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["compact", "year"], name="pledge_year_idx")]

    def __str__(self) -> str:
        return f"{self.organisation}'s pledge for {self.year_label}"

    def get_absolute_url(self) -> str:
        return reverse("pledges:pledge_detail", args=[self.pk])

    @property
    def year_label(self) -> str:
        return year_label(self.year)


class PledgedRole(models.Model):
    """A named role with the hours a month it gives the Compact, e.g. "Compact champion, 4 hours a month"."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=200)
    hours_per_month = models.DecimalField(max_digits=6, decimal_places=1, validators=[MinValueValidator(ZERO)])

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [models.CheckConstraint(condition=Q(hours_per_month__gte=0), name="pledged_hours_not_negative")]

    def __str__(self) -> str:
        return f"{self.role}, {self.hours_per_month} hours a month"


class PledgedMoney(models.Model):
    """Money pledged from a budget line."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="money_lines")
    budget_line = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=12, decimal_places=2, validators=[MinValueValidator(ZERO)])

    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "pledged money"
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="pledged_money_not_negative")]

    def __str__(self) -> str:
        return f"£{self.amount} from {self.budget_line}"
