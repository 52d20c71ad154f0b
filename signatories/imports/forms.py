from django import forms
from openpyxl.utils import get_column_letter

from ..form_fields import GovForm
from .sheets import IGNORE


class UploadForm(GovForm):
    file = forms.FileField(
        label="Upload a file",
        help_text="A CSV file or an Excel workbook (.xlsx).",
        error_messages={"required": "Select a CSV or Excel file", "empty": "The selected file is empty"},
        widget=forms.ClearableFileInput(
            attrs={"accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def __init__(self, *args, accept=None, hint=None, **kwargs):
        super().__init__(*args, **kwargs)
        if accept:
            self.fields["file"].widget.attrs["accept"] = accept
        if hint:
            self.fields["file"].help_text = hint


class ColumnsForm(GovForm):
    """For each heading we did not recognise: which field it is, or ignore it; and the sheet's questions."""

    def __init__(self, *args, sheet, unknown, used, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.question_keys = {}
        free = [(column.key, column.heading) for column in sheet.columns if column.key not in used]
        for index, heading in unknown:
            letter = get_column_letter(index + 1)
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=f"Column {letter}: “{heading}”",
                choices=[("", "Choose a field"), *free, (IGNORE, "Ignore this column")],
                error_messages={"required": f"Choose which field column {letter} (“{heading}”) holds, or ignore it"},
            )

        for number, question in enumerate(questions):
            name = f"question_{number}"
            self.question_keys[name] = question.key
            self.fields[name] = forms.ChoiceField(
                label=question.label,
                help_text=question.hint,
                choices=[("", "Choose one"), *question.choices],
                error_messages={"required": f"{question.label}: choose one"},
            )

    def choices(self):
        return {
            self.question_keys[name] if name in self.question_keys else int(name.split("_", 1)[1]): value
            for name, value in self.cleaned_data.items()
        }
