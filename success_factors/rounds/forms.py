"""Forms for planning a round, chasing organisations and extending one organisation's deadline."""

import re

from crispy_forms_gds.layout import Field, Fixed, Layout
from django import forms
from django.core.exceptions import ValidationError

from signatories.form_fields import GovDateField, GovForm
from signatories.models import Organisation

from ..models import round_validator
from . import services
from .models import Round

MOST_REMINDER_DAYS = 90


def parse_reminder_days(text):
    """ "14, 3" as [14, 3]; a ValidationError in plain English for anything else."""
    parts = [part for part in re.split(r"[,\s]+", text.strip()) if part]
    if not parts:
        raise ValidationError("Enter the days before the deadline when reminders go out, like 14, 3")
    if not all(re.fullmatch(r"[0-9]+", part) for part in parts):  # not isdigit(): "²" is a digit to it
        raise ValidationError("Enter the reminder days as whole numbers separated by commas, like 14, 3")
    days = sorted({int(part) for part in parts}, reverse=True)
    if days[-1] < 1 or days[0] > MOST_REMINDER_DAYS:
        raise ValidationError(f"Reminder days must be between 1 and {MOST_REMINDER_DAYS} days before the deadline")
    return days


class RoundForm(GovForm):
    year = forms.CharField(
        label="Financial year",
        max_length=7,
        validators=[round_validator],
        help_text="The year the self-assessments are for, like 2026/27.",
        error_messages={"required": "Enter the financial year, like 2026/27"},
    )
    opens_on = GovDateField(label="Opening date", help_text="For example, 1 5 2026")
    deadline = GovDateField(label="Deadline", help_text="The last day to submit, for example, 30 6 2026")
    reminder_days = forms.CharField(
        label="Reminder days",
        max_length=40,
        help_text="How many days before the deadline to remind organisations that have not submitted, "
        "separated by commas.",
        error_messages={"required": "Enter the days before the deadline when reminders go out, like 14, 3"},
    )
    message = forms.CharField(
        label="Message to champions (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Goes in the email that opens the round, above the link to the self-assessment.",
    )

    def __init__(self, *args, compact, round_=None, **kwargs):
        self.compact = compact
        self.round = round_
        if round_ is not None:
            kwargs.setdefault(
                "initial",
                {
                    "year": round_.year,
                    "opens_on": round_.opens_on,
                    "deadline": round_.deadline,
                    "reminder_days": round_.reminder_days_text,
                    "message": round_.message,
                },
            )
        super().__init__(*args, **kwargs)
        fields = [
            Field.text("year", field_width=Fixed.TEN),
            "opens_on",
            "deadline",
            Field.text("reminder_days", field_width=Fixed.TEN),
            "message",
        ]
        if round_ is not None:
            del self.fields["year"]
            fields = fields[1:]
        self.helper.layout = Layout(*fields)

    def clean_year(self):
        value = self.cleaned_data["year"].strip()
        start, end = value.split("/")
        if (int(start) + 1) % 100 != int(end):
            raise ValidationError(f"Enter one financial year, like {start}/{(int(start) + 1) % 100:02d}")
        if Round.objects.filter(compact=self.compact, year=value).exists():
            raise ValidationError(f"There is already a {value} round. Change that one instead")
        return value

    def clean_reminder_days(self):
        return parse_reminder_days(self.cleaned_data["reminder_days"])

    def clean(self):
        data = super().clean()
        opens_on, deadline = data.get("opens_on"), data.get("deadline")
        if opens_on and deadline and deadline < opens_on:
            self.add_error("deadline", "The deadline must be on or after the opening date")
        return data

    def save(self):
        data = self.cleaned_data
        try:
            if self.round is not None:
                return services.update_round(
                    round_=self.round,
                    opens_on=data["opens_on"],
                    deadline=data["deadline"],
                    message=data["message"],
                    reminder_days=data["reminder_days"],
                )
            return services.create_round(compact=self.compact, **data)
        except ValidationError as error:
            self.add_error(None, error)
            return None


class ExtensionForm(GovForm):
    deadline = GovDateField(label="New deadline", help_text="For example, 31 7 2026")
    reason = forms.CharField(
        label="Reason (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept with the extension, for the record.",
    )

    def __init__(self, *args, round_, organisation, extension=None, **kwargs):
        if extension is not None:
            kwargs.setdefault("initial", {"deadline": extension.deadline, "reason": extension.reason})
        super().__init__(*args, **kwargs)
        self.round = round_
        self.organisation = organisation

    def save(self, *, by):
        try:
            return services.extend_deadline(
                round_=self.round, organisation=self.organisation, by=by, **self.cleaned_data
            )
        except ValidationError as error:
            self.add_error("deadline", error)
            return None


class OrganisationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, organisation):
        return organisation.name


class ChaseForm(GovForm):
    organisations = OrganisationChoiceField(
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Which organisations?",
        help_text="Organisations that have not submitted. Their champions with a login get your note.",
        error_messages={"required": "Select at least one organisation to chase"},
    )
    note = forms.CharField(
        label="Your note",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Goes in the email above the link to the self-assessment.",
        error_messages={"required": "Write a note to go with the chaser"},
    )

    def __init__(self, *args, round_, waiting, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round_
        self.fields["organisations"].queryset = Organisation.objects.filter(pk__in=[o.pk for o in waiting]).order_by(
            "name"
        )

    def save(self, *, by):
        try:
            return services.chase(round_=self.round, by=by, **self.cleaned_data)
        except ValidationError as error:
            self.add_error(None, error)
            return None
