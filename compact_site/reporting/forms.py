"""The officer's forms: a report's period (with presets), its commentary and its highlighted wins."""

from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.utils import timezone

from signatories.form_fields import GovDateField, GovForm
from signatories.models import Compact

from .periods import last_financial_year, last_full_quarter, period_label
from .services import MOST_HIGHLIGHTS, PERIOD_ORDER

LAST_QUARTER, LAST_YEAR, CUSTOM = "last_quarter", "last_year", "custom"
OTHER_DATES = "Other dates"


def presets(today):
    return {LAST_QUARTER: last_full_quarter(today), LAST_YEAR: last_financial_year(today)}


class PeriodForm(GovForm):
    """The period a report covers: last quarter, last financial year, or any dates."""

    period = forms.ChoiceField(
        label="Which period does the report cover?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the period the report covers"},
    )
    start = GovDateField(label="Start date", required=False, help_text="Only for other dates. For example, 1 4 2026")
    end = GovDateField(label="End date", required=False, help_text="Only for other dates. For example, 30 6 2026")

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.presets = presets(today or timezone.localdate())
        quarter, year = self.presets[LAST_QUARTER], self.presets[LAST_YEAR]
        self.fields["period"].choices = [
            (LAST_QUARTER, f"Last quarter: {period_label(*quarter)}"),
            (LAST_YEAR, f"Last financial year: {period_label(*year)}"),
            (CUSTOM, OTHER_DATES),
        ]
        for name, words in (("start", "the start date"), ("end", "the end date")):
            self.fields[name].error_messages["incomplete"] = f"Enter {words} as a day, month and year"
        self.helper.layout = Layout(*self.layout_fields())

    def layout_fields(self):
        # The dates are always shown rather than revealed under "Other dates": GOV.UK Frontend's reveal
        # sets aria-expanded on a radio, which ARIA does not allow (axe-core reports it).
        return [Field.radios("period", legend_size="s"), Field("start"), Field("end")]

    @classmethod
    def initial_for(cls, start, end, today=None):
        """The form's initial data for an existing period: a preset when it is one, otherwise the dates."""
        for name, dates in presets(today or timezone.localdate()).items():
            if dates == (start, end):
                return {"period": name}
        return {"period": CUSTOM, "start": start, "end": end}

    def clean(self):
        data = super().clean()
        choice = data.get("period")
        if choice in self.presets:
            for name in ("start", "end"):  # dates typed before choosing a preset are not needed
                self.errors.pop(name, None)
            data["start"], data["end"] = self.presets[choice]
        elif choice == CUSTOM:
            if "start" not in self.errors and not data.get("start"):
                self.add_error("start", "Enter the start date")
            if "end" not in self.errors and not data.get("end"):
                self.add_error("end", "Enter the end date")
            if data.get("start") and data.get("end") and data["start"] > data["end"]:
                self.add_error("end", PERIOD_ORDER)
        return data


class ReportCreateForm(PeriodForm):
    compact = forms.ModelChoiceField(
        queryset=Compact.objects.all(), empty_label=None, error_messages={"required": "Select the compact"}
    )
    title = forms.CharField(
        label="Title (optional)",
        max_length=200,
        required=False,
        help_text="Leave blank to call it “Compact report to the LSP” and the period, for example "
        "“Compact report to the LSP: July to September 2026”.",
    )

    def __init__(self, *args, compact=None, **kwargs):
        super().__init__(*args, **kwargs)
        compacts = list(Compact.objects.all()[:2])
        self.fields["compact"].initial = compact or (compacts[0] if compacts else None)
        if len(compacts) == 1:
            self.fields["compact"].widget = forms.HiddenInput()
        self.helper.layout = Layout("compact", *self.layout_fields(), Field("title"))


class WinChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, win):
        return f"{win.title} ({win.happened_on.day} {win.happened_on:%B %Y})"


class ReportEditForm(GovForm):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter a title for the report"})
    summary = forms.CharField(
        label="Summary",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="What the LSP needs to know about the period, in a few short paragraphs. It comes first in the "
        "report. You need a summary to publish.",
    )
    issues = forms.CharField(
        label="Issues for the LSP to resolve",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What the Compact cannot sort out without the LSP: decisions, blockages, help needed. "
        "Start each issue on a new line.",
    )
    recommendations = forms.CharField(
        label="Recommendations",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What you ask the LSP to agree. Start each recommendation on a new line.",
    )
    highlighted_wins = WinChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Wins to highlight",
        help_text=f"Wins published in the period. Choose up to {MOST_HIGHLIGHTS}; the report shows what "
        "difference each one made.",
    )

    def __init__(self, *args, wins, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["highlighted_wins"].queryset = wins
        self.helper.layout = Layout(
            Field.text("title"),
            Field.textarea("summary"),
            Field.textarea("issues"),
            Field.textarea("recommendations"),
            Field.checkboxes("highlighted_wins", small=True),
        )
        if not wins.exists():
            del self.fields["highlighted_wins"]
            self.helper.layout = Layout(
                Field.text("title"),
                Field.textarea("summary"),
                Field.textarea("issues"),
                Field.textarea("recommendations"),
            )

    def clean_highlighted_wins(self):
        wins = self.cleaned_data["highlighted_wins"]
        if len(wins) > MOST_HIGHLIGHTS:
            raise forms.ValidationError(f"Choose no more than {MOST_HIGHLIGHTS} wins to highlight")
        return wins

    def report_data(self):
        data = dict(self.cleaned_data)
        data.setdefault("highlighted_wins", [])
        return data
