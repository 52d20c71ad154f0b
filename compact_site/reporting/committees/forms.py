"""The forms of committees, their meetings, sending a report, recommendations and responses."""

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms

from signatories.form_fields import GovDateField, GovForm, OrganisationChoiceField
from signatories.selectors import organisation_choices

from .models import CommitteeKind, Response

DATE_HINT = "For example, 27 3 2026"


class CommitteeForm(GovForm):
    name = forms.CharField(
        label="Name of the committee", max_length=200, error_messages={"required": "Enter the name of the committee"}
    )
    kind = forms.ChoiceField(
        label="What kind of body is it?",
        choices=CommitteeKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of body the committee is"},
    )
    description = forms.CharField(
        label="What it does (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("name"), Field.radios("kind", legend_size=Size.SMALL), Field.textarea("description")
        )


class MeetingForm(GovForm):
    held_on = GovDateField(label="Date of the meeting", help_text="Past or planned. " + DATE_HINT)
    title = forms.CharField(
        label="Title (optional)", max_length=200, required=False, help_text="For example, Budget scrutiny"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field("held_on"), Field.text("title"))


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        title = f" – {meeting.title}" if meeting.title else ""
        return f"{meeting.committee.name}, {meeting.held_on:%-d %B %Y}{title}"


class SendReportForm(GovForm):
    meeting = MeetingChoiceField(
        queryset=None,
        label="Which meeting is it going to?",
        empty_label="Choose a meeting",
        help_text="Add the meeting on its committee's page first if it is not listed.",
        error_messages={"required": "Choose the meeting", "invalid_choice": "Choose the meeting"},
    )
    agenda_item_url = forms.URLField(
        label="Link to the agenda item (optional)",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="The committee's page for this item, for example on the council's committee website",
        error_messages={"invalid": "Enter the link as a web address, like https://democracy.example.gov.uk/item/12"},
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.helper.layout = Layout("meeting", Field.text("agenda_item_url"))


class CommitteeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, committee):
        return committee.name


class RecommendationForm(GovForm):
    committee = CommitteeChoiceField(
        queryset=None,
        label="Committee that made it",
        empty_label="Choose a committee",
        help_text="A committee this report was sent to.",
        error_messages={"required": "Choose the committee", "invalid_choice": "Choose the committee"},
    )
    text = forms.CharField(
        label="Recommendation",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the recommendation"},
    )
    made_on = GovDateField(label="Date it was made", help_text=DATE_HINT)
    respond_by = forms.CharField(
        label="Who must respond",
        max_length=200,
        help_text="A person or post, for example Cabinet member for communities",
        error_messages={"required": "Enter who must respond"},
    )
    responder_organisation = OrganisationChoiceField(
        label="Their organisation",
        empty_label="Choose an organisation",
        help_text="Its champions are told each week while the response is overdue.",
        error_messages={
            "required": "Choose the organisation that must respond",
            "invalid_choice": "Choose the organisation that must respond",
        },
    )
    response_due_on = GovDateField(label="Response due by", help_text=DATE_HINT)

    def __init__(self, *args, committees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        self.fields["responder_organisation"].queryset = organisation_choices()
        self.helper.layout = Layout(
            "committee",
            Field.textarea("text"),
            Field("made_on"),
            Field.text("respond_by"),
            "responder_organisation",
            Field("response_due_on"),
        )


class ResponseForm(GovForm):
    response = forms.ChoiceField(
        label="The response",
        choices=Response.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the recommendation is accepted, partly accepted or not accepted"},
    )
    text = forms.CharField(
        label="What the response says",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the response"},
    )
    responded_on = GovDateField(label="Date of the response", help_text=DATE_HINT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("response", legend_size=Size.SMALL), Field.textarea("text"), Field("responded_on")
        )
