from crispy_forms_gds.layout import Field, Fieldset, Fixed, Layout, Size
from django import forms
from django.core.exceptions import ValidationError

from signatories.form_fields import GovDateField, GovForm, OrganisationPicker, OrganisationsChoiceField
from signatories.models import Sector
from signatories.selectors import organisation_choices

from ..forms import BodyField, RecordForm, link_field, optional_date, tri_state, tri_state_initial
from ..services import FUNDING_FIELDS
from .models import FundingChange, FundingKind

TRI_STATE = ("full_cost_recovery", "paid_in_advance", "rationale_published")


class AmountField(forms.DecimalField):
    """Pounds and pence in plain digits: Python reads "٣" as 3, a person typing it probably did not mean to."""

    def to_python(self, value):
        if isinstance(value, str) and not value.strip().replace(",", "").isascii():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value.replace(",", "") if isinstance(value, str) else value)


class FundingForm(RecordForm):
    fields_saved = FUNDING_FIELDS

    body = BodyField()
    name = forms.CharField(
        label="Name of the programme or contract",
        max_length=200,
        error_messages={"required": "Enter the name of the programme or contract"},
    )
    funding_kind = forms.ChoiceField(
        label="What kind of funding?",
        choices=FundingKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of funding"},
    )
    organisations_funded = OrganisationsChoiceField(
        organisation_choices().filter(sector=Sector.VOLUNTARY),
        required=False,
        label="Organisations funded (optional)",
        help_text="Choose every voluntary and community organisation the decision funds.",
    )
    amount = AmountField(
        label="Amount in pounds",
        min_value=0,
        max_digits=12,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        help_text="For the whole period, for example 45000",
        error_messages={
            "required": "Enter the amount",
            "invalid": "Enter the amount as a number, like 45000",
            "min_value": "The amount cannot be negative",
            "max_digits": "Enter an amount under £10,000,000,000",
            "max_whole_digits": "Enter an amount under £10,000,000,000",
            "max_decimal_places": "Enter the amount in pounds and pence, like 45000.50",
        },
    )
    decided_on = GovDateField(label="Date of the decision", help_text="For example, 1 2 2026")
    starts_on = GovDateField(label="Date the funding starts", help_text="For example, 1 4 2026")
    ends_on = optional_date("Date the funding ends (optional)", "For example, 31 3 2029")
    full_cost_recovery = tri_state(
        "Does the funder accept full cost recovery?",
        help_text="A fair share of the organisation's overheads.",
        required_message="Say whether the funder accepts full cost recovery, or choose Not known",
    )
    paid_in_advance = tri_state(
        "Is it paid in advance?", required_message="Say whether it is paid in advance, or choose Not known"
    )
    rationale_published = tri_state(
        "Was the rationale for the decision published?",
        required_message="Say whether the rationale was published, or choose Not known",
    )
    rationale_link = link_field("Link to the rationale (optional)")
    change = forms.ChoiceField(
        label="Is funding being ended or reduced?",
        required=False,
        widget=forms.RadioSelect,
        choices=[(FundingChange.ENDED, "Ended"), (FundingChange.REDUCED, "Reduced"), ("", "Neither")],
    )
    notice_given_on = optional_date("Date written notice was given (optional)")
    change_takes_effect_on = optional_date("Date the change takes effect (optional)")
    change_reason = forms.CharField(
        label="The reason given (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def initial_from(self, record):
        initial = super().initial_from(record)
        for name in TRI_STATE:
            initial[name] = tri_state_initial(initial[name])
        initial["organisations_funded"] = list(record.organisations_funded.all())
        return initial

    def layout(self):
        return Layout(
            "body",
            Field.text("name"),
            Field.radios("funding_kind", legend_size=Size.SMALL, inline=True),
            OrganisationPicker("organisations_funded"),
            Field.text("amount", field_width=Fixed.TEN),
            "decided_on",
            "starts_on",
            "ends_on",
            Field.radios("full_cost_recovery", legend_size=Size.SMALL, inline=True),
            Field.radios("paid_in_advance", legend_size=Size.SMALL, inline=True),
            Field.radios("rationale_published", legend_size=Size.SMALL, inline=True),
            Field.text("rationale_link"),
            Fieldset(
                Field.radios("change", legend_size=Size.SMALL, inline=True),
                "notice_given_on",
                "change_takes_effect_on",
                Field.textarea("change_reason"),
                legend="Ending or reducing funding",
                legend_size=Size.MEDIUM,
            ),
        )

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date must be the same as or after the start date")
        if not data.get("change") and (data.get("notice_given_on") or data.get("change_takes_effect_on")):
            self.add_error("change", "Say whether the funding is being ended or reduced, or remove the notice dates")
        notice, effect = data.get("notice_given_on"), data.get("change_takes_effect_on")
        if notice and effect and effect < notice:
            self.add_error("change_takes_effect_on", "The change cannot take effect before notice was given")
        return data

    def organisations(self):
        return list(self.cleaned_data["organisations_funded"])


ANSWERS = [("yes", "Yes"), ("no", "No"), ("unknown", "Not known")]


class SetForManyForm(GovForm):
    """One yes-or-no answer 360Giving data does not carry, for every funding decision in one grant programme."""

    programme = forms.ChoiceField(
        label="Which grant programme?",
        help_text="Every funding decision in it is changed.",
        error_messages={"required": "Choose the grant programme", "invalid_choice": "Choose the grant programme"},
    )
    field = forms.ChoiceField(
        label="What do you want to record?",
        choices=[
            ("full_cost_recovery", "Full cost recovery accepted"),
            ("paid_in_advance", "Paid in advance"),
            ("rationale_published", "Rationale published"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you want to record"},
    )
    answer = forms.ChoiceField(
        label="Answer",
        choices=ANSWERS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose Yes, No or Not known"},
    )

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", "Choose a programme"), *((name, name) for name in programmes)]
        self.helper.layout = Layout(
            "programme", Field.radios("field", legend_size=Size.MEDIUM), Field.radios("answer", inline=True)
        )

    def value(self):
        return {"yes": True, "no": False}.get(self.cleaned_data["answer"])
