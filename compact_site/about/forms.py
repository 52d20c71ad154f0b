from django import forms

from signatories.form_fields import GovDateField, GovModelForm, not_in_future

from .models import StatementSettings

MONTHS_ERRORS = {
    "required": "Enter a number of months",
    "invalid": "Enter the number of months as a whole number, like 12",
    "min_value": "Enter a number of months from 1 to 120",
    "max_value": "Enter a number of months from 1 to 120",
}


class StatementSettingsForm(GovModelForm):
    """The parts of the accessibility statement, privacy notice and contact page that officers fill in."""

    last_audit_on = GovDateField(
        label="Date of the last accessibility audit",
        required=False,
        help_text="Leave empty if nobody has audited the service yet. For example, 27 3 2026",
    )
    prepared_on = GovDateField(
        label="Date the accessibility statement was prepared", required=False, help_text="For example, 27 3 2026"
    )
    reviewed_on = GovDateField(
        label="Date the accessibility statement was last reviewed", required=False, help_text="For example, 27 3 2026"
    )

    class Meta:
        model = StatementSettings
        fields = [
            "contact_email",
            "contact_phone",
            "contact_address",
            "reply_within_days",
            "dpo_email",
            "dpo_address",
            "lawful_basis",
            "lawful_basis_detail",
            "last_audit_on",
            "audited_by",
            "known_issues",
            "prepared_on",
            "reviewed_on",
            "erase_after_months",
            "backups_kept_months",
        ]
        labels = {
            "contact_email": "The Compact team's email address",
            "contact_phone": "The Compact team's phone number (optional)",
            "contact_address": "The Compact team's postal address (optional)",
            "reply_within_days": "Working days to reply",
            "dpo_email": "The data protection officer's email address",
            "dpo_address": "The data protection officer's postal address (optional)",
            "lawful_basis": "Lawful basis for holding personal data",
            "lawful_basis_detail": "The task or power behind it (optional)",
            "audited_by": "Who carried out the audit (optional)",
            "known_issues": "Known accessibility issues",
            "erase_after_months": "Months to keep a leaver's personal data",
            "backups_kept_months": "Months to keep backups",
        }
        error_messages = {
            "contact_email": {"invalid": "Enter the email address in the right format, like compact@example.gov.uk"},
            "dpo_email": {"invalid": "Enter the email address in the right format, like dpo@example.gov.uk"},
            "reply_within_days": {
                "required": "Enter how many working days the team takes to reply",
                "invalid": "Enter the number of days as a whole number, like 10",
                "min_value": "Enter a number of days from 1 to 60",
                "max_value": "Enter a number of days from 1 to 60",
            },
            "lawful_basis": {"required": "Select the lawful basis"},
            "erase_after_months": MONTHS_ERRORS,
            "backups_kept_months": MONTHS_ERRORS,
        }
        widgets = {
            "contact_address": forms.Textarea(attrs={"rows": 3}),
            "dpo_address": forms.Textarea(attrs={"rows": 3}),
            "lawful_basis": forms.RadioSelect,
            "lawful_basis_detail": forms.Textarea(attrs={"rows": 3}),
            "known_issues": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("reply_within_days", "erase_after_months", "backups_kept_months"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric"})

    def clean_last_audit_on(self):
        return not_in_future(self.cleaned_data.get("last_audit_on"), "The date of the audit")

    def clean_prepared_on(self):
        return not_in_future(self.cleaned_data.get("prepared_on"), "The date the statement was prepared")

    def clean_reviewed_on(self):
        return not_in_future(self.cleaned_data.get("reviewed_on"), "The date the statement was reviewed")

    def clean(self):
        data = super().clean()
        prepared, reviewed = data.get("prepared_on"), data.get("reviewed_on")
        if prepared and reviewed and reviewed < prepared:
            self.add_error("reviewed_on", "The review date must be the same as or after the date it was prepared")
        return data
