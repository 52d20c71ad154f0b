from django import forms

from signatories.form_fields import GovForm


class EraseForm(GovForm):
    confirm = forms.BooleanField(
        label="They have left, and their personal data is not needed for a report or a dispute",
        error_messages={"required": "Confirm that they have left and their data is no longer needed"},
    )
