"""Forms for the factors' local indicators and the action plan."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from signatories.form_fields import EditConflictMixin, GovDateField, GovForm, GovModelForm, OrganisationChoiceField
from signatories.forms import UserChoiceField
from signatories.roles import CHAMPION, OFFICER
from signatories.selectors import organisation_choices

from .. import services
from ..models import Action, ActionStatus, Assessment, Factor


class IndicatorForm(GovForm):
    statement = forms.CharField(
        label="Indicator statement",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="A plain-English statement an organisation can rate itself against, like "
        "\u201cCompact Champions meet every quarter to share what works.\u201d",
        error_messages={"required": "Enter the indicator statement"},
    )
    guidance = forms.CharField(
        label="Guidance (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What good looks like, to help people choose a level.",
    )

    def __init__(self, *args, factor, **kwargs):
        super().__init__(*args, **kwargs)
        self.factor = factor

    def save(self):
        return services.add_local_indicator(factor=self.factor, **self.cleaned_data)


def action_owner_choices():
    """Active logins that may own an action: champions and Compact officers."""
    return (
        get_user_model()
        .objects.filter(groups__name__in=[CHAMPION, OFFICER], is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class FactorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, factor):
        return str(factor)


class ActionForm(EditConflictMixin, GovModelForm):
    factor = FactorChoiceField(
        queryset=Factor.objects.all(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Which factor does this action improve?",
        error_messages={"required": "Select the factor this action improves"},
    )
    owner_user = UserChoiceField(
        queryset=action_owner_choices(),
        required=False,
        label="Owner's login (optional)",
        empty_label="No login",
        help_text="Someone with a login can update the action's progress themselves.",
    )
    due_on = GovDateField(label="Due date", help_text="For example, 31 3 2027")

    class Meta:
        model = Action
        fields = [
            "factor",
            "source_assessment",
            "description",
            "owner_organisation",
            "owner_name",
            "owner_user",
            "due_on",
            "status",
        ]
        labels = {
            "description": "What will be done?",
            "owner_organisation": "Owning organisation (optional)",
            "owner_name": "Owner (optional)",
        }
        field_classes = {"owner_organisation": OrganisationChoiceField}
        help_texts = {"owner_name": "The person who will make it happen."}
        error_messages = {"description": {"required": "Enter what will be done"}}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "source_assessment": forms.HiddenInput,
            "status": forms.RadioSelect,
        }

    def __init__(self, *args, compact, **kwargs):
        super().__init__(*args, **kwargs)
        self.compact = compact
        self.fields["source_assessment"].queryset = Assessment.objects.filter(compact=compact)
        self.fields["owner_organisation"].queryset = organisation_choices()
        self.fields["owner_organisation"].empty_label = "No organisation"
        self.fields["owner_user"].queryset = action_owner_choices()
        self.fields["status"].choices = ActionStatus.choices
        self.watch(self.instance)

    def clean(self):
        data = super().clean()
        owners = [data.get("owner_organisation"), data.get("owner_name"), data.get("owner_user")]
        if not any(owners):
            self.add_error("owner_organisation", "Give the action an owner: an organisation, a person or a login")
        return data

    def save(self, *, by=None):
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if self.instance.pk:
            return services.update_action(action=self.instance, **fields)
        return services.create_action(compact=self.compact, by=by, **fields)


class ActionProgressForm(GovForm):
    status = forms.ChoiceField(
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        label="Status",
        error_messages={"required": "Select the action's status"},
    )
    progress_notes = forms.CharField(
        label="Progress notes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What has happened so far, and anything holding it up.",
    )

    def __init__(self, *args, action, **kwargs):
        kwargs.setdefault("initial", {"status": action.status, "progress_notes": action.progress_notes})
        super().__init__(*args, **kwargs)
        self.action = action

    def save(self):
        try:
            return services.update_action_progress(action=self.action, **self.cleaned_data)
        except ValidationError as error:
            self.add_error(None, error)
            return None
