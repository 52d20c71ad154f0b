"""Recording a signatory's resource pledge. Officers keep every organisation's; a champion keeps their own's."""

from collections.abc import Sequence
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Compact, Organisation
from ..roles import is_officer
from ..selectors import organisation_for
from .models import ZERO, Pledge, PledgedMoney, PledgedRole, financial_year_of, year_label

EARLIEST_YEAR = 2000


def can_keep_pledge(user: User, organisation: Organisation) -> bool:
    """Officers keep every organisation's pledges; a champion keeps their own organisation's."""
    if is_officer(user):
        return True
    own = organisation_for(user)
    return own is not None and own.pk == organisation.pk


def _check_year(year: int) -> None:
    latest = financial_year_of(timezone.localdate()) + 1
    if year > latest:
        raise ValidationError(
            {"year": f"A pledge can be for this financial year or next ({year_label(latest)}) at the latest"}
        )
    if year < EARLIEST_YEAR:
        raise ValidationError({"year": f"Enter a financial year from {year_label(EARLIEST_YEAR)} on"})


def _check_rows(roles, money):
    errors = {}
    for number, (role, hours) in enumerate(roles, start=1):
        if hours < ZERO:
            errors[f"hours_{number}"] = "Hours a month cannot be negative: enter 0 or more"
        if not role.strip():
            errors[f"role_{number}"] = "Enter the name of the role"
    for number, (line, amount) in enumerate(money, start=1):
        if amount < ZERO:
            errors[f"amount_{number}"] = "The amount cannot be negative: enter 0 or more"
        if not line.strip():
            errors[f"budget_line_{number}"] = "Enter the budget line the money comes from"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_pledge(
    *,
    by: User,
    compact: Compact,
    organisation: Organisation,
    year: int,
    agreed_by: str,
    in_kind: str = "",
    roles: Sequence[tuple[str, Decimal]] = (),
    money: Sequence[tuple[str, Decimal]] = (),
    pledge: Pledge | None = None,
) -> Pledge:
    """Record (or, given ``pledge``, change) an organisation's pledge for a financial year, with its roles and money.

    Every row is checked before anything is written; the pledge's totals are kept with it in the same transaction.
    """
    if not can_keep_pledge(by, organisation):
        raise PermissionDenied("Only officers, and the organisation's own champion, keep its pledge.")
    _check_year(year)
    _check_rows(roles, money)
    if not agreed_by.strip():
        raise ValidationError({"agreed_by": "Enter who agreed the pledge"})
    others = Pledge.objects.filter(compact=compact, organisation=organisation, year=year)
    if pledge is not None:
        others = others.exclude(pk=pledge.pk)
    if others.exists():
        raise ValidationError(
            {"year": f"{organisation} already has a pledge for {year_label(year)}: change that one instead"}
        )
    if pledge is None:
        pledge = Pledge(compact=compact, organisation=organisation, recorded_by=by)
    pledge.year = year
    pledge.agreed_by = agreed_by.strip()
    pledge.in_kind = in_kind.strip()
    pledge.hours_per_month = sum((hours for _, hours in roles), ZERO)
    pledge.money = sum((amount for _, amount in money), ZERO)
    pledge.save()
    pledge.roles.all().delete()
    pledge.money_lines.all().delete()
    # One by one, not in bulk, so each row's history is kept (a pledge has a handful).
    for role, hours in roles:
        PledgedRole.objects.create(pledge=pledge, role=role.strip(), hours_per_month=hours)
    for line, amount in money:
        PledgedMoney.objects.create(pledge=pledge, budget_line=line.strip(), amount=amount)
    return pledge
