from django import forms

from notifications import kinds
from signatories.form_fields import GovForm


class EmailChoicesForm(GovForm):
    """The optional kinds of email a person wants; essential ones are not on the form at all."""

    wanted = forms.MultipleChoiceField(
        label="Optional emails you want",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(kind.key, kind.label) for kind in kinds.optional()],
        error_messages={"invalid_choice": "Select only the emails listed"},
    )
