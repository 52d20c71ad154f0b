"""Form building blocks in the GOV.UK style, shared by every app's forms."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone


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
