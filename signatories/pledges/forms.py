"""The pledge form: the year, up to three named roles with hours a month, two budget lines, help in kind, and who
agreed it. An empty row is left out; a half-filled one is an error."""

import re
from decimal import Decimal

from crispy_forms_gds.layout import Field, Fieldset, Fixed, Layout, Size
from django import forms
from django.core.exceptions import ValidationError

from ..form_fields import GovForm, OrganisationChoiceField
from .models import year_label

ROLE_ROWS = 3
MONEY_ROWS = 2
YEAR = re.compile(r"^\s*(\d{4})\s*(?:[/-]\s*(\d{2}|\d{4}))?\s*$")


def parse_year(value: str) -> int:
    """``"2026/27"`` (or ``2026-27``, ``2026/2027``, ``2026``) as 2026, the year the financial year starts in."""
    match = YEAR.match(value or "")
    if not match:
        raise ValidationError("Enter the financial year like 2026/27")
    start, end = int(match.group(1)), match.group(2)
    if end is not None and int(end) % 100 != (start + 1) % 100:
        raise ValidationError("Enter a financial year of two years in a row, like 2026/27")
    return start


def _hours(number):
    return forms.DecimalField(
        label="Hours a month",
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("744"),
        decimal_places=1,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={
            "invalid": "Enter the hours a month as a number, like 4 or 2.5",
            "min_value": "Hours a month cannot be negative: enter 0 or more",
            "max_value": "Hours a month must be 744 or fewer (the hours in a month)",
            "max_decimal_places": "Enter the hours a month to one decimal place at most, like 2.5",
        },
    )


def _amount(number):
    return forms.DecimalField(
        label="Amount in pounds",
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("9999999999"),
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={
            "invalid": "Enter the amount in pounds as a number, like 1500 or 250.50",
            "min_value": "The amount cannot be negative: enter 0 or more",
            "max_value": "Enter an amount under £10 billion",
            "max_decimal_places": "Enter the amount in pounds and pence, like 250.50",
        },
    )


class PledgeForm(GovForm):
    organisation = OrganisationChoiceField(
        label="Organisation",
        empty_label="Choose an organisation",
        error_messages={"required": "Choose the organisation", "invalid_choice": "Choose the organisation"},
    )
    year = forms.CharField(
        label="Financial year",
        max_length=9,
        help_text="This year or next, for example 2026/27",
        error_messages={"required": "Enter the financial year of the pledge"},
    )
    in_kind = forms.CharField(
        label="Help in kind (optional)",
        required=False,
        help_text="Venues, printing, staff time for events",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    agreed_by = forms.CharField(
        label="Who agreed it",
        max_length=200,
        help_text="Their name and role, for example Sam Patel, Chief Executive",
        error_messages={"required": "Enter who agreed the pledge"},
    )

    def __init__(self, *args, with_organisation: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, ROLE_ROWS + 1):
            self.fields[f"role_{number}"] = forms.CharField(label="Role", max_length=200, required=False)
            self.fields[f"hours_{number}"] = _hours(number)
        for number in range(1, MONEY_ROWS + 1):
            self.fields[f"budget_line_{number}"] = forms.CharField(label="Budget line", max_length=200, required=False)
            self.fields[f"amount_{number}"] = _amount(number)
        if not with_organisation:
            del self.fields["organisation"]
        roles = [
            Fieldset(
                Field.text(f"role_{number}"),
                Field.text(f"hours_{number}", field_width=Fixed.FIVE),
                legend=f"Role {number}" + (" (optional)" if number > 1 else ""),
                legend_size=Size.SMALL,
            )
            for number in range(1, ROLE_ROWS + 1)
        ]
        money = [
            Fieldset(
                Field.text(f"budget_line_{number}"),
                Field.text(f"amount_{number}", field_width=Fixed.TEN),
                legend=f"Money {number} (optional)",
                legend_size=Size.SMALL,
            )
            for number in range(1, MONEY_ROWS + 1)
        ]
        self.helper.layout = Layout(
            *(["organisation"] if with_organisation else []),
            Field.text("year", field_width=Fixed.TEN),
            *roles,
            *money,
            Field.textarea("in_kind"),
            Field.text("agreed_by"),
        )

    def clean_year(self) -> int:
        return parse_year(self.cleaned_data["year"])

    def _rows(self, name_field, number_field, rows, missing_name, missing_number):
        found = []
        for number in range(1, rows + 1):
            name = (self.cleaned_data.get(f"{name_field}_{number}") or "").strip()
            value = self.cleaned_data.get(f"{number_field}_{number}")
            if f"{number_field}_{number}" in self.errors:
                continue
            if name and value is None:
                self.add_error(f"{number_field}_{number}", missing_number.format(name=name))
            elif value is not None and not name:
                self.add_error(f"{name_field}_{number}", missing_name)
            elif name:
                found.append((name, value))
        return found

    def clean(self):
        data = super().clean()
        data["roles"] = self._rows(
            "role", "hours", ROLE_ROWS, "Enter the name of the role", "Enter the hours a month for {name}"
        )
        data["money"] = self._rows(
            "budget_line",
            "amount",
            MONEY_ROWS,
            "Enter the budget line the money comes from",
            "Enter the amount from {name}",
        )
        return data

    @staticmethod
    def initial_for(pledge) -> dict[str, object]:
        initial: dict[str, object] = {
            "organisation": pledge.organisation,
            "year": year_label(pledge.year),
            "in_kind": pledge.in_kind,
            "agreed_by": pledge.agreed_by,
        }
        for number, role in enumerate(pledge.roles.all(), start=1):
            initial[f"role_{number}"], initial[f"hours_{number}"] = role.role, role.hours_per_month
        for number, line in enumerate(pledge.money_lines.all(), start=1):
            initial[f"budget_line_{number}"], initial[f"amount_{number}"] = line.budget_line, line.amount
        return initial
