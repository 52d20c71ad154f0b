from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms

from signatories.form_fields import GovDateField

from ..forms import NOT_KNOWN, BodyField, RecordForm, link_field, optional_date
from ..services import CONSULTATION_FIELDS
from .models import SectorInvolvement


class ConsultationForm(RecordForm):
    fields_saved = CONSULTATION_FIELDS

    body = BodyField()
    title = forms.CharField(
        label="Title of the consultation",
        max_length=200,
        error_messages={"required": "Enter the title of the consultation"},
    )
    link = link_field("Link to the consultation (optional)")
    opened_on = GovDateField(label="Date it opened", help_text="For example, 5 1 2026")
    closes_on = GovDateField(label="Date it closes", help_text="For example, 30 3 2026")
    early_notice_on = optional_date("Date early notice was given (optional)")
    sector_involved = forms.ChoiceField(
        label="Was the voluntary and community sector involved in designing it?",
        choices=[(SectorInvolvement.YES, "Yes"), (SectorInvolvement.NO, "No"), (NOT_KNOWN, "Not known")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Say whether the sector was involved in designing it, or choose Not known",
            "invalid_choice": "Say whether the sector was involved in designing it, or choose Not known",
        },
    )
    sector_involvement = forms.CharField(
        label="How was the sector involved? (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    feedback_published_on = optional_date("Date feedback on the responses was published (optional)")
    feedback_link = link_field("Link to the feedback (optional)")
    shorter_reason = forms.CharField(
        label="If it is shorter than the Compact asks, the reason given (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the statutory body said, for example a deadline set by law.",
    )

    def initial_from(self, record):
        initial = super().initial_from(record)
        initial["sector_involved"] = record.sector_involved or NOT_KNOWN
        return initial

    def clean_sector_involved(self):
        answer = self.cleaned_data["sector_involved"]
        return SectorInvolvement.UNKNOWN if answer == NOT_KNOWN else answer

    def layout(self):
        return Layout(
            "body",
            Field.text("title"),
            Field.text("link"),
            "opened_on",
            "closes_on",
            "early_notice_on",
            Field.radios("sector_involved", legend_size=Size.SMALL, inline=True),
            Field.textarea("sector_involvement"),
            Fieldset("feedback_published_on", Field.text("feedback_link"), legend="Feedback", legend_size=Size.SMALL),
            Field.textarea("shorter_reason"),
        )

    def clean(self):
        data = super().clean()
        opened, closes = data.get("opened_on"), data.get("closes_on")
        if opened and closes and closes < opened:
            self.add_error("closes_on", "The closing date must be the same as or after the date it opened")
        return data
