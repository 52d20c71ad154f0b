"""The record-a-win form and the officer's return note."""

from crispy_forms_gds.layout import HTML, Field, Fieldset, Fixed, Layout, Size
from django import forms
from django.conf import settings

from signatories.form_fields import (
    EditConflictMixin,
    GovDateField,
    GovForm,
    OrganisationPicker,
    OrganisationsChoiceField,
    not_in_future,
)
from success_factors.models import Factor

from .evidence import ACCEPT, check_evidence_file, display_name, size_label
from .services import NO_FACTOR, WIN_FIELDS


class FactorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, factor):
        return str(factor)


LOST_FILE = HTML(
    "{% if form.lost_file_name %}"
    '<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>'
    '<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>'
    "{% if form.errors.evidence_file %}“{{ form.lost_file_name }}” was not saved. Choose a file again.{% else %}"
    "You chose “{{ form.lost_file_name }}”. Choose it again before you save: browsers forget a chosen file "
    "when a page shows an error.{% endif %}</strong></div>{% endif %}"
)


class WinForm(EditConflictMixin, GovForm):
    title = forms.CharField(
        label="Give the win a short title",
        max_length=200,
        help_text="For example, Joint hospital discharge scheme with Age Concern.",
        error_messages={"required": "Enter a title for the win"},
    )
    happened_on = GovDateField(label="Date it happened", help_text="For example, 27 3 2026")
    what_happened = forms.CharField(
        label="What happened?",
        widget=forms.Textarea,
        help_text="Who did what together, and how the Compact helped.",
        error_messages={"required": "Enter what happened"},
    )
    difference_made = forms.CharField(
        label="What difference did it make?",
        widget=forms.Textarea,
        help_text="The outcome for local people or services: who benefited and how. Numbers help.",
        error_messages={"required": "Enter the difference the win made"},
    )
    factors = FactorChoiceField(
        queryset=Factor.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        label="Which of the seven factors does it show?",
        help_text="Select all that apply.",
        error_messages={"required": NO_FACTOR},
    )
    organisations = OrganisationsChoiceField(
        required=False,
        label="Organisations involved (optional)",
        help_text="Choose every organisation that took part.",
    )
    is_quick_win = forms.BooleanField(
        required=False,
        label="This was a quick win",
        help_text="Something done early and simply that shows the Compact working and builds trust.",
    )
    people_reached = forms.IntegerField(
        required=False,
        min_value=1,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        label="People reached (optional)",
        help_text="Roughly how many people benefited, if you know.",
        error_messages={
            "invalid": "Enter the number of people as a whole number, like 120",
            "min_value": "The number of people reached must be 1 or more",
        },
    )
    evidence_link = forms.URLField(
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "govuk-input", "spellcheck": "false"}),
        label="Link to evidence (optional)",
        help_text="A news story, report or photos online.",
        error_messages={"invalid": "Enter the link in the right format, like https://www.example.org/report"},
    )
    evidence_file = forms.FileField(
        required=False,
        label="Upload a file (optional)",
        widget=forms.FileInput(attrs={"accept": ACCEPT, "class": "govuk-file-upload"}),
        error_messages={"empty": "The selected file is empty", "invalid": "Choose a file to upload"},
    )

    def __init__(self, *args, win=None, **kwargs):
        if win is not None:
            kwargs.setdefault("initial", self.initial_from(win))
        super().__init__(*args, **kwargs)
        limit = size_label(settings.WIN_UPLOAD_MAX_BYTES)
        hint = f"A PDF, photo (PNG or JPEG), Word, Excel, PowerPoint or ODT file, smaller than {limit}."
        if win is not None and win.evidence_file:
            hint += f" Choosing a file replaces “{win.evidence_display_name}”."
        self.fields["evidence_file"].help_text = hint
        self.helper.layout = Layout(
            Field.text("title"),
            "happened_on",
            Field.textarea("what_happened", rows=5),
            Field.textarea("difference_made", rows=4),
            Field("factors", template="wins/includes/factor_checkboxes.html"),
            OrganisationPicker("organisations"),
            Field("is_quick_win", template="wins/includes/checkbox_with_hint.html"),
            Field.text("people_reached", field_width=Fixed.FIVE),
            Fieldset(
                Field.text("evidence_link"),
                LOST_FILE,
                "evidence_file",
                legend="Evidence (optional)",
                legend_size=Size.SMALL,
            ),
        )
        self.watch(win)

    @staticmethod
    def initial_from(win):
        initial = {name: getattr(win, name) for name in WIN_FIELDS}
        initial["factors"] = list(win.factors.all())
        initial["organisations"] = list(win.organisations.all())
        return initial

    def clean_happened_on(self):
        return not_in_future(self.cleaned_data["happened_on"], "The date it happened")

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            check_evidence_file(upload)
        return upload

    @property
    def lost_file_name(self):
        """The name of a file chosen for a save that failed: the browser will not send it again."""
        upload = self.files.get("evidence_file") if self.is_bound else None
        return display_name(upload.name) if upload and self.errors else ""

    def win_data(self):
        """What the services need: the fields, the factors and organisations, and any new file."""
        data = {name: self.cleaned_data[name] for name in WIN_FIELDS}
        data["factors"] = list(self.cleaned_data["factors"])
        data["organisations"] = list(self.cleaned_data["organisations"])
        data["evidence_file"] = self.cleaned_data.get("evidence_file") or None
        return data

    def add_service_error(self, error):
        """Show a rule a service enforced as errors on the form, on the field it names when it names one."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for field, errors in error.error_dict.items():
            self.add_error(field if field in self.fields else None, errors)


class ReturnForm(GovForm):
    note = forms.CharField(
        label="What does the champion need to change?",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="They will see this note on the win and in an email. Be specific and kind.",
        error_messages={"required": "Say what the champion needs to change"},
    )
