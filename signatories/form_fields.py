"""Form building blocks in the GOV.UK style, shared by every app's forms."""

from datetime import datetime

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe


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
        chosen = {str(v) for v in self.format_value(value)}
        options = "".join(
            f'<option value="{escape(choice)}"{" selected" if str(choice) in chosen else ""}>{escape(label)}</option>'
            for choice, label in self.choices
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), mark_safe(options)
        )
