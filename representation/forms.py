"""The forms of networks, boards, meetings, appointments and report-backs."""

from crispy_forms_gds.layout import Field, Fixed, Layout, Size
from django import forms

from signatories.form_fields import GovDateField, GovForm, OrganisationChoiceField
from signatories.models import Sector
from signatories.selectors import organisation_choices

from .models import Frequency, Network
from .selectors import holder_choices

DATE_HINT = "For example, 27 3 2026"


class NetworkForm(GovForm):
    name = forms.CharField(
        label="Name of the network or forum",
        max_length=200,
        error_messages={"required": "Enter the name of the network"},
    )
    description = forms.CharField(
        label="What it is and who it brings together (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field.text("name"), Field.textarea("description"))


class MemberForm(GovForm):
    organisation = OrganisationChoiceField(
        label="Organisation",
        empty_label="Choose an organisation",
        help_text="Any organisation on the register.",
        error_messages={"required": "Choose the organisation", "invalid_choice": "Choose the organisation"},
    )
    joined_on = GovDateField(label="Date it joined", help_text=DATE_HINT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout("organisation", Field("joined_on"))


class BoardForm(GovForm):
    name = forms.CharField(
        label="Name of the board or committee",
        max_length=200,
        error_messages={"required": "Enter the name of the board"},
    )
    run_by = OrganisationChoiceField(
        queryset=None,
        label="Statutory body that runs it",
        empty_label="Choose a statutory body",
        error_messages={
            "required": "Choose the statutory body that runs the board",
            "invalid_choice": "Choose the statutory body that runs the board",
        },
    )
    meets = forms.ChoiceField(
        label="How often does it meet?",
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how often the board meets"},
    )
    sector_seats = forms.IntegerField(
        label="How many seats does the sector have on it?",
        min_value=0,
        max_value=50,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": "Enter how many seats the sector has",
            "invalid": "Enter the number of seats as a whole number, like 3",
            "min_value": "The number of seats must be 0 or more",
            "max_value": "The number of seats must be 50 or fewer",
        },
    )
    description = forms.CharField(
        label="What the board does (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["run_by"].queryset = organisation_choices().filter(sector=Sector.STATUTORY).order_by("name")
        self.helper.layout = Layout(
            Field.text("name"),
            "run_by",
            Field.radios("meets", legend_size=Size.SMALL),
            Field.text("sector_seats", field_width=Fixed.TWO),
            Field.textarea("description"),
        )


class MeetingForm(GovForm):
    held_on = GovDateField(label="Date of the meeting", help_text="Past or planned. " + DATE_HINT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field("held_on"))


class HolderField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name() or user.username
        return f"{name} ({user.email})" if user.email else name


class AppointForm(GovForm):
    holder_name = forms.CharField(
        label="Name of the representative",
        max_length=200,
        error_messages={"required": "Enter the name of the representative"},
    )
    holder = HolderField(
        queryset=None,
        required=False,
        label="Their login (optional)",
        empty_label="No login yet",
        help_text="Representatives and champions with a login. With one, they write report-backs and are reminded "
        "about them; invite someone under People, in the Representative role, if they have none.",
    )
    organisation = OrganisationChoiceField(
        label="Organisation they represent",
        empty_label="Choose an organisation",
        error_messages={
            "required": "Choose the organisation they represent",
            "invalid_choice": "Choose the organisation they represent",
        },
    )
    nominated_by = forms.ModelChoiceField(
        queryset=None,
        label="Network that nominated them",
        empty_label="Choose a network",
        error_messages={
            "required": "Choose the network that nominated them",
            "invalid_choice": "Choose the network that nominated them",
        },
    )
    starts_on = GovDateField(label="Start of term", help_text=DATE_HINT)
    ends_on = GovDateField(label="End of term", help_text=DATE_HINT)
    name_is_public = forms.BooleanField(
        label="They agree to their name being shown on the public site",
        required=False,
        help_text="Without their agreement the public site shows the seat, the network and the organisation only. "
        "Contact details are never shown.",
    )
    outside_network_confirmed = forms.BooleanField(
        label="Save it anyway: the organisation is not a member of the network, and the seat will be flagged",
        required=False,
    )

    def __init__(self, *args, compact, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = holder_choices()
        self.fields["nominated_by"].queryset = Network.objects.filter(compact=compact).order_by("name")
        self.helper.layout = Layout(
            Field.text("holder_name"),
            "holder",
            "organisation",
            "nominated_by",
            Field("starts_on"),
            Field("ends_on"),
            Field.checkbox("name_is_public"),
            Field.checkbox("outside_network_confirmed"),
        )

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "The end of the term must be on or after its start")
        return data


class MemberLeftForm(GovForm):
    left_on = GovDateField(label="Date it left", help_text="Its last day as a member. " + DATE_HINT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field("left_on"))


class EndTermForm(GovForm):
    left_on = GovDateField(label="Date they left the seat", help_text="Their last day on the board. " + DATE_HINT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(Field("left_on"))


class ReportBackForm(GovForm):
    discussed = forms.CharField(
        label="What was discussed?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what was discussed"},
    )
    sector_said = forms.CharField(
        label="What did the sector say?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The points you made for the network, and how they were received.",
        error_messages={"required": "Enter what the sector said"},
    )
    decided = forms.CharField(
        label="What was decided?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what was decided"},
    )
    next_steps = forms.CharField(
        label="What comes next?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the network should do or know before the next meeting.",
        error_messages={"required": "Enter what comes next"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.textarea("discussed"),
            Field.textarea("sector_said"),
            Field.textarea("decided"),
            Field.textarea("next_steps"),
        )
