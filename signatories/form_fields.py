"""Form building blocks in the GOV.UK style, shared by every app's forms."""

from datetime import datetime

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field
from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .models import Sector
from .selectors import cached_with_register, organisation_choices, organisation_label, organisation_options


class GovDateField(DateInputField):
    """The GOV.UK date input (day, month, year) with plain-English errors."""

    def __init__(self, *, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        self.require_all_fields = False
        label = str(kwargs.get("label") or "the date").lower()
        self.error_messages["required"] = f"Enter {label}"
        self.error_messages["incomplete"] = f"Enter {label} as a day, month and year"

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except ValidationError:
            raise ValidationError("Enter a real date, for example 27 3 2026", code="invalid") from None


class GovFormMixin:
    """Gives a form a crispy-forms-gds helper; templates add the <form> tag and buttons."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own <form> carries the token


class GovForm(GovFormMixin, forms.Form):
    pass


class GovModelForm(GovFormMixin, forms.ModelForm):
    pass


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ``ValidationError`` on the fields it names (or above the form), for the error summary."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def not_in_future(value, what="The date"):
    if value and value > timezone.localdate():
        raise ValidationError(f"{what} must be today or in the past")
    return value


def version_of(record):
    """The token an edit form carries to notice someone else's change: when the record was last saved."""
    return record.updated_at.isoformat() if record is not None and record.pk else ""


def changes_since(record, version):
    """Labels of the fields changed since ``version``, from the record's history (empty if unknown)."""
    try:
        then = record.history.filter(updated_at=datetime.fromisoformat(version)).order_by("-history_date").first()
    except ValueError:
        return []
    now = record.history.order_by("-history_date").first()
    if then is None or now is None:
        return []
    fields = now.diff_against(then).changed_fields
    return [str(record._meta.get_field(name).verbose_name) for name in fields if name != "updated_at"]


class EditConflictMixin:
    """Refuses to save over a change someone else made while this form was open (optimistic locking).

    Call ``watch(record)`` in ``__init__``. The form carries the record's last-saved time; if the record
    has been saved since, the form shows what changed instead of saving, keeps what the person typed, and
    takes the newer version, so saving again deliberately replaces the other change.
    """

    def watch(self, record):
        self.watched = record if record is not None and record.pk else None
        if self.watched is None:
            return
        self.fields["version"] = forms.CharField(widget=forms.HiddenInput, required=False, initial=version_of(record))
        if self.helper.layout is not None:
            self.helper.layout.append("version")

    def clean(self):
        data = super().clean()
        record = getattr(self, "watched", None)
        submitted = (data or {}).get("version") if record is not None else None
        # A form posted without the token (not from our page) is not checked.
        if record is not None and submitted and submitted != version_of(record):
            changed = changes_since(record, submitted)
            what = f" ({', '.join(changed)})" if changed else ""
            self.data = self.data.copy()
            self.data[self.add_prefix("version")] = version_of(record)
            raise ValidationError(
                f"Someone else changed this record{what} while you were editing it, so your changes have not "
                "been saved. Check the page shows what you want, then save again to replace their changes."
            )
        return data


class QuickSelect(forms.Select):
    """A drop-down drawn in Python rather than one template per option, for long lists (1,000 organisations).

    Django renders each option through a template, about 0.1 ms apiece: most of the wins library's time
    at scale. Same HTML, flat choices only (no option groups). ``govuk-select`` is added here because
    crispy-forms-gds picks the class by the widget's class name.
    """

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "govuk-select", **(attrs or {})}, choices)

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _, group, _ in widget["optgroups"]
                for option in group
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options)


class OrganisationSelect(QuickSelect):
    """One organisation: a plain select, which static/js/organisation-picker.js turns into a type-ahead.

    When its field offers the whole register, the options come from the kept list (``organisation_options``):
    no query and no model object for each of 1,000 organisations."""

    from_register = False
    empty_label = None

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-module": "compact-organisation-select", **(attrs or {})}, choices)

    def render(self, name, value, attrs=None, renderer=None):
        if not self.from_register:
            return super().render(name, value, attrs, renderer)
        options = cached_with_register(
            "organisation-options-html",
            lambda: format_html_join(
                "", '<option value="{}">{}</option>', ((pk, label) for pk, label, _ in organisation_options())
            ),
        )
        if self.empty_label is not None:
            options = format_html('<option value="">{}</option>', self.empty_label) + options
        for pk in self.format_value(value):  # mark the chosen one; anything else matches no option
            options = options.replace(f'<option value="{pk}">', f'<option value="{pk}" selected>', 1)
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), mark_safe(options)
        )


class RegisterChoices:
    """What the organisation fields share: the whole register by default (withdrawn ones marked), which their
    widgets draw from the kept list (``organisation_options``) rather than a model object per organisation.

    A form that narrows the ``queryset`` gets its own options drawn the usual way. Whatever the widget shows,
    the organisation chosen is checked against the database when the form is sent."""

    def __init__(self, queryset=None, **kwargs):
        super().__init__(organisation_choices() if queryset is None else queryset, **kwargs)
        self.widget.from_register = queryset is None

    @property
    def queryset(self):
        return super().queryset

    @queryset.setter
    def queryset(self, queryset):
        forms.ModelChoiceField.queryset.__set__(self, queryset)  # Django's own setter: super() cannot assign
        self.widget.from_register = False

    def __deepcopy__(self, memo):  # each form's copy sets its queryset again: keep what the field was made with
        result = super().__deepcopy__(memo)
        result.widget.from_register = self.widget.from_register
        return result

    def label_from_instance(self, organisation):
        return organisation_label(organisation)


class OrganisationChoiceField(RegisterChoices, forms.ModelChoiceField):
    """One organisation, chosen by typing when scripts run."""

    widget = OrganisationSelect

    def __init__(self, queryset=None, **kwargs):
        super().__init__(queryset, **kwargs)
        self.widget.empty_label = self.empty_label


class OrganisationCheckboxes(forms.CheckboxSelectMultiple):
    """Several organisations: checkboxes grouped by sector, drawn in Python (a 1,000-organisation register).

    This is what works without JavaScript; organisation-picker.js hides it behind a type-ahead with a list of
    the chosen organisations and keeps the checkboxes ticked to match, so the form posts the same either way.
    The first checkbox carries the field's own id, so the error summary's link lands on it.
    """

    from_register = False

    def render(self, name, value, attrs=None, renderer=None):
        field_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        chosen = {str(pk) for pk in value or []}
        by_sector = {}
        if self.from_register:
            for pk, label, sector in organisation_options():
                by_sector.setdefault(sector, []).append((str(pk), label))
        for option, label in [] if self.from_register else self.choices:
            if option == "":
                continue
            by_sector.setdefault(option.instance.sector, []).append((str(option), label))
        groups, number = [], 0
        for sector, sector_label in Sector.choices:
            items = []
            for pk, label in by_sector.get(sector, []):
                number += 1
                box_id = field_id if number == 1 else f"{field_id}_{number}"
                items.append(
                    format_html(
                        '<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="{}" name="{}" '
                        'type="checkbox" value="{}"{}><label class="govuk-label govuk-checkboxes__label" for="{}">{}'
                        "</label></div>",
                        box_id,
                        name,
                        pk,
                        mark_safe(" checked") if pk in chosen else "",
                        box_id,
                        label,
                    )
                )
            if items:
                groups.append(
                    format_html(
                        '<fieldset class="govuk-fieldset compact-organisation-picker__group"><legend class="govuk-fieldset__'
                        'legend govuk-fieldset__legend--s">{}</legend><div class="govuk-checkboxes govuk-checkboxes--small">'
                        "{}</div></fieldset>",
                        sector_label,
                        mark_safe("".join(items)),
                    )
                )
        if not groups:
            return format_html(
                '<p class="govuk-body" id="{}">There are no organisations on the register yet.</p>', field_id
            )
        return format_html('<div class="compact-organisation-picker__groups">{}</div>', mark_safe("".join(groups)))


class OrganisationsChoiceField(RegisterChoices, forms.ModelMultipleChoiceField):
    """Several organisations: put it in a layout with ``OrganisationPicker``."""

    widget = OrganisationCheckboxes


class OrganisationPicker(Field):
    """The layout entry for an ``OrganisationsChoiceField``: a fieldset the picker script enhances."""

    template = "includes/organisation_picker.html"
