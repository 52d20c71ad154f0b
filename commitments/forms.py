"""Form pieces both kinds of record use, the commitments' own form, and the explanation and acceptance forms."""

from crispy_forms_gds.layout import Field, Fixed, Layout, Size
from django import forms

from signatories.form_fields import EditConflictMixin, GovDateField, GovForm
from signatories.models import Sector
from signatories.selectors import active_signatories
from success_factors.forms.plan import FactorChoiceField
from success_factors.models import Factor

from .models import RULE_UNITS, Rule
from .selectors import Period, period_named, periods_for

# An explicit third answer: a question left blank used to count as "not known" without anyone saying so.
NOT_KNOWN = "not_known"
YES_NO_UNKNOWN = [("yes", "Yes"), ("no", "No"), (NOT_KNOWN, "Not known")]
ANSWERS = {"yes": True, "no": False, NOT_KNOWN: None}


def statutory_bodies(compact):
    return active_signatories(compact=compact).filter(sector=Sector.STATUTORY).order_by("name").distinct()


class BodyField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=None,
            empty_label="Choose a statutory signatory",
            label="Which statutory signatory?",
            error_messages={
                "required": "Choose the statutory signatory",
                "invalid_choice": "Choose the statutory signatory",
            },
            **kwargs,
        )


def tri_state(label, *, required_message, **kwargs):
    """Yes / No / Not known, one of which must be chosen, stored as True, False or None."""
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO_UNKNOWN,
        widget=forms.RadioSelect,
        coerce=ANSWERS.get,
        empty_value=None,
        error_messages={"required": required_message, "invalid_choice": required_message},
        **kwargs,
    )


def tri_state_initial(value):
    return NOT_KNOWN if value is None else ("yes" if value else "no")


def optional_date(label, hint="For example, 27 3 2026"):
    return GovDateField(label=label, required=False, help_text=hint)


def link_field(label, **kwargs):
    return forms.URLField(
        label=label,
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "govuk-input", "spellcheck": "false"}),
        error_messages={"invalid": "Enter the link in the right format, like https://www.example.gov.uk/consultation"},
        **kwargs,
    )


class RecordForm(EditConflictMixin, GovForm):
    """What a consultation or funding decision form shares: the statutory body, and the edit-conflict token."""

    fields_saved: tuple[str, ...] = ()

    def __init__(self, *args, compact, record=None, **kwargs):
        if record is not None:
            kwargs.setdefault("initial", self.initial_from(record))
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = statutory_bodies(compact)
        self.helper.layout = self.layout()
        self.watch(record)

    def initial_from(self, record):
        return {name: getattr(record, name) for name in self.fields_saved}

    def record_data(self):
        return {name: self.cleaned_data[name] for name in self.fields_saved}

    def add_service_error(self, error):
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for field, errors in error.error_dict.items():
            self.add_error(field if field in self.fields else None, errors)


class CommitmentForm(EditConflictMixin, GovForm):
    title = forms.CharField(
        label="The commitment, in a line", max_length=200, error_messages={"required": "Enter the commitment"}
    )
    description = forms.CharField(
        label="What it means (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    rule = forms.ChoiceField(
        label="How are records checked against it?",
        choices=Rule.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how records are checked"},
    )
    threshold = forms.IntegerField(
        label="The number (weeks, years or months, as the check says)",
        required=False,
        min_value=1,
        max_value=520,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        help_text="For example, 12 for a 12-week consultation. Leave it empty for a yes-or-no check. "
        "A new number applies to records recorded from now on.",
        error_messages={
            "invalid": "Enter the number as a whole number, like 12",
            "min_value": "The number must be 1 or more",
            "max_value": "The number must be 520 or less",
        },
    )
    factor = FactorChoiceField(
        queryset=Factor.objects.order_by("number"),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Which success factor is it part of?",
        error_messages={"required": "Choose the factor it is part of"},
    )
    retired = forms.BooleanField(
        label="Retire this commitment: records are no longer checked against it", required=False
    )

    def __init__(self, *args, commitment=None, **kwargs):
        if commitment is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": commitment.title,
                    "description": commitment.description,
                    "rule": commitment.rule,
                    "threshold": commitment.threshold,
                    "factor": commitment.factor,
                    "retired": not commitment.is_active,
                },
            )
        super().__init__(*args, **kwargs)
        fields = [
            Field.text("title"),
            Field.textarea("description"),
            Field.radios("rule", legend_size=Size.SMALL),
            Field.text("threshold", field_width=Fixed.FIVE),
            Field.radios("factor", legend_size=Size.SMALL),
        ]
        if commitment is None:
            del self.fields["retired"]
        else:
            fields.append(Field.checkbox("retired"))
        self.helper.layout = Layout(*fields)
        self.watch(commitment)

    def clean(self):
        data = super().clean()
        rule, threshold = data.get("rule"), data.get("threshold")
        if rule in RULE_UNITS and threshold is None and "threshold" not in self.errors:
            self.add_error("threshold", f"Enter the number of {RULE_UNITS[rule]}")
        return data


class ExplanationForm(GovForm):
    explanation = forms.CharField(
        label="The statutory body's explanation",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Why it was done this way. An officer reads it and may accept it as the reason a commitment was not met.",
        error_messages={"required": "Enter the explanation"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.textarea("explanation"))


class AcceptForm(GovForm):
    note = forms.CharField(
        label="Why is the reason accepted?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Everyone who reads the record sees this note beside the check.",
        error_messages={"required": "Say why the reason is accepted"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.textarea("note"))


CHOSEN = "chosen"


def _written(day):
    return f"{day.day} {day:%B %Y}"


class PeriodForm(GovForm):
    """The commitments page's period: one of the fixed ones, or any dates the reader chooses (sent by GET, so a
    chosen period has an address that can be shared)."""

    period = forms.ChoiceField(label="Period", widget=forms.RadioSelect, required=False)
    date_from = GovDateField(label="From", required=False, help_text="Only for other dates. For example, 1 4 2026")
    date_to = GovDateField(label="To", required=False, help_text="Only for other dates. For example, 31 3 2027")

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.options = periods_for(today)
        self.fields["period"].choices = [
            (option.key, f"{option.label} ({_written(option.start)} to {_written(option.end)})")
            for option in self.options
        ] + [(CHOSEN, "Other dates")]
        self.fields["period"].error_messages["invalid_choice"] = "Choose a period"
        for name, words in (("date_from", "the first day"), ("date_to", "the last day")):
            self.fields[name].error_messages["incomplete"] = f"Enter {words} as a day, month and year"
        # The dates are always shown rather than revealed under "Other dates": GOV.UK Frontend's reveal sets
        # aria-expanded on a radio, which ARIA does not allow (axe-core reports it), as on a report's period.
        self.helper.layout = Layout(
            Field.radios("period", legend_size=Size.SMALL, small=True), Field("date_from"), Field("date_to")
        )

    def clean(self):
        data = super().clean()
        choice = data.get("period") or self.options[0].key
        if choice != CHOSEN:
            for name in ("date_from", "date_to"):  # dates typed before choosing a fixed period are not needed
                self.errors.pop(name, None)
            data["chosen"] = period_named(choice, self.today)
            return data
        start, end = data.get("date_from"), data.get("date_to")
        if "date_from" not in self.errors and not start:
            self.add_error("date_from", "Enter the first day of the period")
        if "date_to" not in self.errors and not end:
            self.add_error("date_to", "Enter the last day of the period")
        if start and end:
            if start > end:
                self.add_error("date_to", "The last day must be the same as or after the first day")
            else:
                chosen = Period(CHOSEN, "The dates chosen", start, end)
                try:
                    chosen.previous  # noqa: B018 -- the period before it must exist in the calendar
                except (OverflowError, ValueError):
                    self.add_error("date_from", "The first day is too early: enter a date after the year 1")
                else:
                    data["chosen"] = chosen
        return data

    def chosen(self) -> Period:
        """The period asked for; the default (the last 12 months) when the form has errors or asks nothing."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["chosen"]
        return self.options[0]
