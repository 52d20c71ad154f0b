from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms

from signatories.form_fields import GovDateField

from ..forms import BodyField, RecordForm, link_field, optional_date
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
        required=False,
        choices=[(SectorInvolvement.YES, "Yes"), (SectorInvolvement.NO, "No"), ("", "Not known yet")],
        widget=forms.RadioSelect,
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
