from django import forms

from signatories.form_fields import GovForm

# Filled in only by programs that fill in every field they find: people never see it (the template hides it).
HONEYPOT = "website"


class ProblemReportForm(GovForm):
    doing = forms.CharField(
        label="What were you doing?",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter what you were doing",
            "max_length": "What you were doing must be 3,000 characters or fewer",
        },
    )
    went_wrong = forms.CharField(
        label="What went wrong?",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter what went wrong",
            "max_length": "What went wrong must be 3,000 characters or fewer",
        },
    )
    email = forms.EmailField(
        label="Email address (optional)",
        required=False,
        help_text="Only if you would like a reply. We use it for nothing else.",
        error_messages={"invalid": "Enter an email address in the right format, like name@example.com"},
    )
    page = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
