"""The forms people fill in about their own account (sign-in, passwords, two-step) and officers' forms
about people (invitations, erasing personal data)."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from notifications import kinds
from notifications.services import queue_email
from signatories.form_fields import GovForm, GovFormMixin, OrganisationChoiceField
from signatories.models import Champion
from signatories.roles import ALL_ROLES, CHAMPION

from .selectors import account_exists


class LoginForm(GovFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask your Compact officer.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Username or email address"
        self.fields["username"].error_messages["required"] = "Enter your username or email address"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["username"].widget.attrs.pop("autofocus", None)


class GovPasswordChangeForm(GovFormMixin, PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].widget.attrs.pop("autofocus", None)


class GovPasswordResetForm(GovFormMixin, PasswordResetForm):
    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        """Queue the reset link in the outbox instead of sending it inside the request."""
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        queue_email(
            to=to_email,
            subject=subject,
            template=email_template_name,
            context=context,
            kind=kinds.PASSWORD_RESET,
            user=context.get("user"),
        )


class GovSetPasswordForm(GovFormMixin, SetPasswordForm):
    pass


class InvitationForm(GovForm):
    first_name = forms.CharField(max_length=150, error_messages={"required": "Enter their first name"})
    last_name = forms.CharField(max_length=150, error_messages={"required": "Enter their last name"})
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    role = forms.ChoiceField(
        choices=[(role, role) for role in ALL_ROLES],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the role they will have"},
        help_text="Officers run the service; champions record wins and complete self-assessments; "
        "LSP members read reports.",
    )
    organisation = OrganisationChoiceField(
        required=False,
        empty_label="Select an organisation",
        help_text="Champions only: the organisation they champion the Compact in.",
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if account_exists(email):
            raise ValidationError("This email address already has an account")
        return email

    def clean(self):
        data = super().clean()
        if data.get("role") == CHAMPION and not data.get("organisation"):
            self.add_error("organisation", "Select the organisation the champion works in")
        return data


class AcceptInvitationForm(GovForm):
    """The invitee chooses a password, checked by Django's validators against their details."""

    new_password1 = forms.CharField(
        label="Create a password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        help_text="At least 12 characters. Avoid common words and your own name.",
        error_messages={"required": "Enter a password"},
    )
    new_password2 = forms.CharField(
        label="Confirm password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        error_messages={"required": "Confirm your password"},
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean_new_password2(self):
        first = self.cleaned_data.get("new_password1")
        second = self.cleaned_data.get("new_password2")
        if first and second and first != second:
            raise ValidationError("The two passwords do not match")
        candidate = User(
            username=self.invitation.email,
            email=self.invitation.email,
            first_name=self.invitation.first_name,
            last_name=self.invitation.last_name,
        )
        if second:
            password_validation.validate_password(second, candidate)
        return second


class EraseForm(GovForm):
    confirm = forms.BooleanField(
        label="They have left, and their personal data is not needed for a report or a dispute",
        error_messages={"required": "Confirm that they have left and their data is no longer needed"},
    )


class CodeForm(GovForm):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=8,
        help_text="The 6-digit code, for example 123456.",
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        allowed, _ = self.device.verify_is_allowed()
        if not allowed:  # django-otp slows down repeated wrong codes
            raise forms.ValidationError("That was a wrong code just now. Wait a few seconds, then enter the code again")
        if not code.isdigit() or not self.device.verify_token(code):
            raise forms.ValidationError(
                "The code is not right. Enter the code your app shows now; it changes every 30 seconds"
            )
        return code


class RequirementForm(GovForm):
    require_officer_two_step = forms.BooleanField(
        label="Require two-step verification for every Compact officer", required=False
    )


class ChampionInvitationForm(GovForm):
    """Tick the champions to invite; each gets their own invitation email."""

    champions: "forms.ModelMultipleChoiceField[Champion]" = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Champions to invite",
        error_messages={
            "required": "Select at least one champion to invite",
            "invalid_choice": "A champion you selected can no longer be invited: select again",
        },
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["champions"].queryset = candidates
        self.fields["champions"].label_from_instance = lambda c: f"{c.name}, {c.organisation.name} ({c.email})"
