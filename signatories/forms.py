from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from . import services
from .form_fields import EditConflictMixin, GovDateField, GovForm, GovModelForm, OrganisationChoiceField, not_in_future
from .imports import validation
from .models import Champion, Compact, Endorsement, Organisation, OrganisationKind
from .roles import CHAMPION
from .selectors import organisation_choices


class CompactForm(EditConflictMixin, GovModelForm):
    adopted_on = GovDateField(label="Date adopted", required=False, help_text="For example, 27 3 2024")
    review_on = GovDateField(
        label="Review due on", required=False, help_text="When the partners plan to review it, for example 31 3 2027"
    )

    class Meta:
        model = Compact
        fields = ["name", "area", "council_name", "summary", "adopted_on", "review_on", "report_every_months"]
        labels = {"summary": "What the Compact is for"}
        help_texts = {"summary": "A few sentences that everyone signed in sees on the Compact's page."}
        error_messages = {
            "name": {"required": "Enter the Compact's name, for example Northbrook Local Compact"},
            "area": {"required": "Enter the area the Compact covers"},
            "report_every_months": {
                "required": "Enter how many months there are between reports to the LSP",
                "invalid": "Enter the number of months as a whole number, like 3",
                "min_value": "Enter a number of months from 1 to 24",
                "max_value": "Enter a number of months from 1 to 24",
            },
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report_every_months"].widget.attrs.update({"inputmode": "numeric"})
        self.watch(self.instance)

    def clean(self):
        data = super().clean()
        adopted, review = data.get("adopted_on"), data.get("review_on")
        if adopted and review and review <= adopted:
            self.add_error("review_on", "The review date must be after the date the Compact was adopted")
        return data


class OrganisationForm(EditConflictMixin, GovModelForm):
    website = forms.URLField(
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter the website address in the right format, like https://www.example.org"},
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "sector",
            "kind",
            "charity_number",
            "company_number",
            "identifier",
            "website",
            "address",
            "postcode",
            "email",
        ]
        error_messages = {
            "name": {"required": "Enter the organisation's name"},
            "sector": {"required": "Select the organisation's sector"},
            "kind": {"required": "Select the kind of organisation"},
            "email": {"invalid": "Enter an email address in the correct format, like name@example.org"},
        }
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "charity_number": "If it is a registered charity.",
            "company_number": "If it is registered at Companies House.",
            "identifier": "If it publishes or receives grants in the 360Giving Data Standard, like GB-CHC-1117726 "
            "or GB-COH-04270053.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].widget = forms.RadioSelect()
        self.fields["sector"].choices = self.fields["sector"].choices[1:]  # radios need no "---------"
        self.fields["kind"].choices = [("", "Select a kind")] + self.fields["kind"].choices[1:]
        self.watch(self.instance)

    def clean_postcode(self):
        try:
            return validation.clean_postcode(self.cleaned_data["postcode"])
        except validation.CellError:
            raise ValidationError("Enter a real UK postcode, like SW1A 1AA") from None

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        clash = Organisation.objects.filter(name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError("An organisation with this name is already on the register")
        return name


class SignUpForm(GovForm):
    compact = forms.ModelChoiceField(
        queryset=Compact.objects.all(), empty_label=None, error_messages={"required": "Select the compact"}
    )
    signed_on = GovDateField(label="Date signed", help_text="For example, 27 3 2026")
    signed_by_name = forms.CharField(
        label="Who signed", max_length=200, error_messages={"required": "Enter the name of the person who signed"}
    )
    signed_by_role = forms.CharField(
        label="Their role",
        max_length=200,
        help_text="For example, Chief Executive or Chair of Trustees.",
        error_messages={"required": "Enter the role of the person who signed"},
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        compacts = list(Compact.objects.all()[:2])
        if compacts:
            self.fields["compact"].initial = compacts[0]
        if len(compacts) == 1:
            self.fields["compact"].widget = forms.HiddenInput()

    def clean_signed_on(self):
        return not_in_future(self.cleaned_data["signed_on"], "The date signed")

    def save(self):
        return services.sign_up(organisation=self.organisation, **self.cleaned_data)

    def clean(self):
        data = super().clean()
        compact = data.get("compact")
        if compact and self.organisation.signatures.filter(compact=compact, withdrawn_on__isnull=True).exists():
            raise ValidationError(f"{self.organisation} has already signed {compact}")
        return data


class WithdrawalForm(GovForm):
    withdrawn_on = GovDateField(label="Date withdrawn", help_text="For example, 27 3 2026")
    reason = forms.CharField(
        label="Why did the organisation withdraw?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the reason the organisation withdrew"},
    )

    def __init__(self, *args, signature, **kwargs):
        super().__init__(*args, **kwargs)
        self.signature = signature

    def clean_withdrawn_on(self):
        withdrawn_on = not_in_future(self.cleaned_data["withdrawn_on"], "The date withdrawn")
        if withdrawn_on < self.signature.signed_on:
            raise ValidationError(
                f"The date withdrawn must be on or after the date signed ({self.signature.signed_on:%d %B %Y})"
            )
        return withdrawn_on

    def save(self):
        return services.withdraw(
            signature=self.signature, withdrawn_on=self.cleaned_data["withdrawn_on"], reason=self.cleaned_data["reason"]
        )


def champion_user_choices():
    return get_user_model().objects.filter(groups__name=CHAMPION, is_active=True).order_by("first_name", "last_name")


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        full = user.get_full_name()
        return f"{full} ({user.email or user.username})" if full else user.username


class ChampionForm(EditConflictMixin, GovModelForm):
    appointed_on = GovDateField(label="Date appointed", help_text="For example, 27 3 2026")
    user = UserChoiceField(
        queryset=champion_user_choices(),
        required=False,
        label="Login (optional)",
        empty_label="No login",
        help_text="Link the champion to their login so they can record wins and complete self-assessments.",
    )

    class Meta:
        model = Champion
        fields = [
            "organisation",
            "name",
            "job_title",
            "email",
            "phone",
            "appointed_on",
            "user",
            "support_needs",
            "training",
        ]
        field_classes = {"organisation": OrganisationChoiceField}
        error_messages = {
            "organisation": {"required": "Select the champion's organisation"},
            "name": {"required": "Enter the champion's name"},
            "email": {"invalid": "Enter an email address in the correct format, like name@example.org"},
        }
        widgets = {
            "support_needs": forms.Textarea(attrs={"rows": 3}),
            "training": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_choices()
        self.fields["organisation"].empty_label = "Select an organisation"
        self.fields["user"].queryset = champion_user_choices()
        self.watch(self.instance)
        if not self.instance.pk:
            self.fields["appointed_on"].initial = timezone.localdate()

    def clean_appointed_on(self):
        return not_in_future(self.cleaned_data["appointed_on"], "The date appointed")

    def clean_user(self):
        user = self.cleaned_data.get("user")
        services.check_user_free(user=user, champion=self.instance)
        return user


class StandDownForm(GovForm):
    stood_down_on = GovDateField(label="Date they stood down", help_text="For example, 27 3 2026")
    reason = forms.CharField(
        label="Reason (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, left the organisation or handed over to a colleague.",
    )

    def __init__(self, *args, champion, **kwargs):
        super().__init__(*args, **kwargs)
        self.champion = champion
        self.fields["stood_down_on"].initial = timezone.localdate()

    def clean_stood_down_on(self):
        stood_down_on = not_in_future(self.cleaned_data["stood_down_on"], "The date they stood down")
        if stood_down_on < self.champion.appointed_on:
            raise ValidationError(
                f"The date they stood down must be on or after the date they were appointed "
                f"({self.champion.appointed_on:%d %B %Y})"
            )
        return stood_down_on

    def save(self):
        return services.stand_down(
            champion=self.champion, stood_down_on=self.cleaned_data["stood_down_on"], reason=self.cleaned_data["reason"]
        )


class EndorsementForm(GovModelForm):
    endorsed_on = GovDateField(label="Date of endorsement", help_text="For example, 27 3 2026")

    class Meta:
        model = Endorsement
        fields = ["compact", "name", "kind", "position", "endorsed_on", "statement"]
        error_messages = {
            "name": {"required": "Enter the name of the person endorsing the Compact"},
            "kind": {"required": "Select the kind of position they hold"},
            "position": {"required": "Enter their position, for example Leader of the Council"},
        }
        widgets = {"statement": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].widget = forms.RadioSelect()
        self.fields["kind"].choices = self.fields["kind"].choices[1:]  # radios need no "---------"
        self.fields["compact"].empty_label = None
        compacts = list(Compact.objects.all()[:2])
        if compacts and not self.instance.pk:
            self.fields["compact"].initial = compacts[0]
        if len(compacts) == 1:
            self.fields["compact"].widget = forms.HiddenInput()

    def clean_endorsed_on(self):
        return not_in_future(self.cleaned_data["endorsed_on"], "The date of endorsement")


class OrganisationKindForm(GovForm):
    """The kind of several organisations at once: those ticked on the list of organisations, and the kind."""

    chosen = forms.CharField(widget=forms.HiddenInput, required=False)  # the organisations first offered
    organisations = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Organisations",
        help_text="Untick any you do not mean to change.",
        error_messages={
            "required": "Choose at least one organisation",
            "invalid_choice": "Choose organisations from the list",
            "invalid_pk_value": "Choose organisations from the list",
        },
    )
    kind = forms.ChoiceField(
        label="What kind of organisation are they?",
        choices=OrganisationKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the kind of organisation",
            "invalid_choice": "Choose the kind of organisation",
        },
    )

    def __init__(self, *args, chosen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisations"].queryset = Organisation.objects.filter(pk__in=chosen).order_by("name")
        self.fields["organisations"].label_from_instance = lambda organisation: (
            f"{organisation.name} (now {organisation.get_kind_display().lower()})"
        )
        self.helper.layout = Layout(
            Field("chosen"),
            Field.checkboxes("organisations", legend_size=Size.SMALL, small=True),
            Field.radios("kind", legend_size=Size.SMALL, small=True),
        )
