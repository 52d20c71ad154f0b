import django_filters
from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from commitments.models import Consultation, FundingDecision, RecordKind
from commitments.selectors import visible_records
from signatories.form_fields import GovDateField, GovForm, OrganisationPicker, OrganisationsChoiceField, not_in_future
from success_factors.filters import FactorFilter
from success_factors.forms.plan import FactorChoiceField
from success_factors.models import Factor

from . import services
from .models import Concern, ConcernStatus


class ConcernForm(GovForm):
    title = forms.CharField(
        label="What needs addressing?",
        max_length=200,
        help_text="One line, for example: “Grant decisions announced with two weeks’ notice”.",
        error_messages={"required": "Enter what needs addressing"},
    )
    details = forms.CharField(
        label="What has happened? (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Who was affected, when, and what you would like to change.",
    )
    factor = FactorChoiceField(
        queryset=Factor.objects.order_by("number"),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Which success factor does it relate to most?",
        error_messages={"required": "Select the factor it relates to most"},
    )
    organisations = OrganisationsChoiceField(
        required=False,
        label="Organisations involved (optional)",
        help_text="Choose every organisation the concern is about.",
    )
    raised_on = GovDateField(label="Date raised", help_text="For example, 27 3 2026")
    # The consultation or funding decision it is about, when raised from one (carried in the page, not chosen).
    consultation: "forms.ModelChoiceField[Consultation]" = forms.ModelChoiceField(
        queryset=None, required=False, widget=forms.HiddenInput
    )
    funding_decision: "forms.ModelChoiceField[FundingDecision]" = forms.ModelChoiceField(
        queryset=None, required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, compact, by, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.compact, self.by, self.organisation = compact, by, organisation
        self.fields["consultation"].queryset = visible_records(RecordKind.CONSULTATION, user=by, compact=compact)
        self.fields["funding_decision"].queryset = visible_records(RecordKind.FUNDING, user=by, compact=compact)
        self.helper.layout = Layout(
            Field.text("title"),
            Field.textarea("details"),
            Field.radios("factor", legend_size=Size.SMALL),
            OrganisationPicker("organisations"),
            "raised_on",
            "consultation",
            "funding_decision",
        )

    def clean_raised_on(self):
        return not_in_future(self.cleaned_data["raised_on"], "The date raised")

    def save(self):
        return services.raise_concern(
            compact=self.compact, by=self.by, organisation=self.organisation, **self.cleaned_data
        )


class ConcernUpdateForm(GovForm):
    status = forms.ChoiceField(
        choices=ConcernStatus.choices,
        widget=forms.RadioSelect,
        label="Status",
        error_messages={"required": "Select the concern's status"},
    )
    resolution = forms.CharField(
        label="Resolution notes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What was agreed or done. Needed when it is resolved or escalated.",
    )
    summary = forms.CharField(
        label="Summary for champions (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="A short account without names, for other champions to learn from.",
    )
    summary_published = forms.BooleanField(
        label="Publish the summary to champions (and, once the concern is closed, to LSP members)", required=False
    )

    def __init__(self, *args, concern, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "status": concern.status,
                "resolution": concern.resolution,
                "summary": concern.summary,
                "summary_published": concern.summary_published,
            },
        )
        super().__init__(*args, **kwargs)
        self.concern = concern
        self.helper.layout = Layout(
            Field.radios("status", legend_size=Size.SMALL),
            Field.textarea("resolution"),
            Field.textarea("summary"),
            Field.checkbox("summary_published"),
        )

    def save(self):
        return services.update_concern(concern=self.concern, **self.cleaned_data)


class ConcernFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ConcernStatus.choices, empty_label="Any status")
    factor = FactorFilter(queryset=Factor.objects.all(), empty_label="All factors")

    class Meta:
        model = Concern
        fields = ["status", "factor"]
