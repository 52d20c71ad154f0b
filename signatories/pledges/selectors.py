"""Reading pledges: a year's pledges, hours per sector, the trend across years and the signatories with none.

Each function makes a fixed number of queries however many pledges there are.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet, Sum

from ..models import Compact, Organisation, Sector
from ..selectors import active_signatories
from .models import ZERO, Pledge, financial_year_of, year_label

WITHOUT_PLEDGE_LISTED = 25


def pledges_for_year(*, compact: Compact | None, year: int) -> QuerySet[Pledge]:
    """A compact's pledges for a financial year, by organisation."""
    return (
        Pledge.objects.filter(compact=compact, year=year)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )


def pledge_for(*, compact: Compact | None, organisation: Organisation, year: int) -> Pledge | None:
    return Pledge.objects.filter(compact=compact, organisation=organisation, year=year).first()


def organisation_pledges(*, compact: Compact | None, organisation: Organisation) -> QuerySet[Pledge]:
    """An organisation's pledges, newest year first."""
    return Pledge.objects.filter(compact=compact, organisation=organisation).order_by("-year")


def without_pledge(*, compact: Compact | None, year: int) -> QuerySet[Organisation]:
    """Active signatories with no pledge for the year, by name."""
    pledged = Pledge.objects.filter(compact=compact, year=year, organisation=OuterRef("pk"))
    return active_signatories(compact=compact).exclude(Exists(pledged)).order_by("name", "pk")


def _by_sector(compact, years):
    rows = (
        Pledge.objects.filter(compact=compact, year__in=years)
        .values("year", "organisation__sector")
        .annotate(hours=Sum("hours_per_month"), money=Sum("money"), pledges=Count("pk"))
        .order_by()
    )
    return {(row["year"], row["organisation__sector"]): row for row in rows}


def pledge_trend(*, compact: Compact | None) -> list[dict[str, Any]]:
    """Every financial year with pledges, oldest first: pledges, hours a month and money pledged."""
    rows = (
        Pledge.objects.filter(compact=compact)
        .values("year")
        .annotate(hours=Sum("hours_per_month"), money=Sum("money"), pledges=Count("pk"))
        .order_by("year")
    )
    return [{**row, "label": year_label(row["year"])} for row in rows]


def pledge_summary(*, compact: Compact | None, today: datetime.date, year: int | None = None) -> dict[str, Any]:
    """A year's pledges against the year before: hours a month, money and pledges per sector, the signatories
    with no pledge (the first few named, all counted) and the trend across years. ``year`` defaults to this one."""
    year = financial_year_of(today) if year is None else year
    grouped = _by_sector(compact, [year, year - 1])
    sectors = []
    for value, label in Sector.choices:
        this, last = grouped.get((year, value), {}), grouped.get((year - 1, value), {})
        sectors.append(
            {
                "sector": label,
                "hours": this.get("hours") or ZERO,
                "previous_hours": last.get("hours") or ZERO,
                "money": this.get("money") or ZERO,
                "pledges": this.get("pledges", 0),
            }
        )
    missing = without_pledge(compact=compact, year=year)
    return {
        "year": year,
        "label": year_label(year),
        "previous_label": year_label(year - 1),
        "sectors": sectors,
        "hours": sum((row["hours"] for row in sectors), ZERO),
        "previous_hours": sum((row["previous_hours"] for row in sectors), ZERO),
        "money": sum((row["money"] for row in sectors), ZERO),
        "pledges": sum(row["pledges"] for row in sectors),
        "without_count": missing.count(),
        "without": list(missing[:WITHOUT_PLEDGE_LISTED]),
        "trend": pledge_trend(compact=compact),
    }


def _number(value: Decimal | None) -> float:
    return float(value or ZERO)


def _plain(value: float) -> int | float:
    """A whole number as an int (4, not 4.0), anything else to two places."""
    value = round(value, 2)
    return int(value) if value == int(value) else value


def pledge_figures(*, compact: Compact, periods: dict[str, tuple[datetime.date, datetime.date]]) -> dict[str, Any]:
    """A report's "Resourcing the Compact": the pledges of the financial year its period ends in against the year
    before, JSON-ready (every count a ``{"current": n, "previous": n}`` pair), for the snapshot to freeze."""
    year = financial_year_of(periods["current"][1])
    years = {"current": year, "previous": year - 1}
    grouped = _by_sector(compact, list(years.values()))
    signatories = active_signatories(compact=compact)
    without = {
        name: signatories.exclude(
            Exists(Pledge.objects.filter(compact=compact, year=value, organisation=OuterRef("pk")))
        ).count()
        for name, value in years.items()
    }

    def pair(field, sector=None):
        def total(year_value):
            rows = [row for (y, s), row in grouped.items() if y == year_value and sector in (None, s)]
            return sum((_number(row[field]) if field != "pledges" else row[field] for row in rows), 0)

        return {name: _plain(total(value)) for name, value in years.items()}

    return {
        "year": year_label(year),
        "previous_year": year_label(year - 1),
        "total": {
            "pledges": pair("pledges"),
            "hours": pair("hours"),
            "money": pair("money"),
            "without": without,
        },
        "by_sector": [
            {"sector": label, "hours": pair("hours", value), "pledges": pair("pledges", value)}
            for value, label in Sector.choices
        ],
    }


def pledge_totals(*, compact: Compact | None) -> QuerySet[Pledge]:
    """Every pledge with its organisation, for the API's totals per organisation and year."""
    return (
        Pledge.objects.filter(compact=compact)
        .select_related("organisation")
        .annotate(role_count=Count("roles"))
        .order_by("-year", "organisation__name", "pk")
    )
