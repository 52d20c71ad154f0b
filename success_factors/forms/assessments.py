"""Forms for filling in a self-assessment: starting one, answering a factor's statements, submitting, reopening."""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Fixed, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe

from signatories.form_fields import GovForm, OrganisationChoiceField
from signatories.selectors import active_signatories

from .. import services
from ..models import LEVEL_DESCRIPTIONS, Assessment, Level, Rating, round_validator
from ..selectors import indicators_for

LEVEL_CHOICES = [
    Choice(level.value, level.label, hint=LEVEL_DESCRIPTIONS[level])
    for level in (Level.NOT_IN_PLACE, Level.DEVELOPING, Level.ESTABLISHED, Level.EMBEDDED)
] + [Choice(Level.DONT_KNOW.value, Level.DONT_KNOW.label, hint=LEVEL_DESCRIPTIONS[Level.DONT_KNOW])]
LEVEL_CHOICES[3].divider = "or"


class StartAssessmentForm(GovForm):
    round = forms.CharField(
        label="Round",
        max_length=7,
        validators=[round_validator],
        help_text="The financial year the self-assessment is for, like 2026/27.",
        error_messages={"required": "Enter the round, like 2026/27"},
    )
    organisation = OrganisationChoiceField(
        queryset=None,
        label="Organisation",
        empty_label="Choose an organisation",
        help_text="Signatories of the Compact.",
        error_messages={"required": "Select the organisation the self-assessment is for"},
    )

    def __init__(self, *args, compact, organisation=None, **kwargs):
        """``organisation`` fixes whose assessment it is (a champion's own); otherwise an officer chooses."""
        super().__init__(*args, **kwargs)
        self.compact = compact
        self.fixed_organisation = organisation
        if organisation is None:
            self.fields["organisation"].queryset = active_signatories(compact=compact).order_by("name")
            fields = [Field.text("round", field_width=Fixed.TEN), "organisation"]
        else:
            del self.fields["organisation"]
            fields = [Field.text("round", field_width=Fixed.TEN)]
        self.helper.layout = Layout(*fields)
        self.already_started = False

    def clean_round(self):
        value = self.cleaned_data["round"].strip()
        start, end = value.split("/")
        if (int(start) + 1) % 100 != int(end):
            raise ValidationError(f"Enter a round of one financial year, like {start}/{(int(start) + 1) % 100:02d}")
        return value

    def save(self, *, by):
        organisation = self.fixed_organisation or self.cleaned_data["organisation"]
        round_name = self.cleaned_data["round"]
        self.already_started = Assessment.objects.filter(
            compact=self.compact, organisation=organisation, round=round_name
        ).exists()
        return services.start_assessment(compact=self.compact, organisation=organisation, round_name=round_name, by=by)


def _hidden(text):
    return format_html('<span class="govuk-visually-hidden"> {}</span>', text)


class RatingForm(GovForm):
    """The answer to one statement. Each form on a factor's page has its own prefix, so ids stay unique."""

    level = forms.TypedChoiceField(
        choices=LEVEL_CHOICES, coerce=int, empty_value=None, required=False, widget=forms.RadioSelect
    )
    evidence = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    evidence_link = forms.URLField(
        required=False,
        max_length=500,
        assume_scheme="https",
        widget=forms.TextInput(attrs={"spellcheck": "false", "inputmode": "url"}),
    )
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, indicator, position, total, **kwargs):
        kwargs.setdefault("prefix", f"indicator-{indicator.pk}")
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.position = position
        which = f"statement {position}"
        retired = (
            mark_safe(' <strong class="govuk-tag govuk-tag--grey">Retired</strong>') if indicator.is_retired else ""
        )
        # Crispy renders labels and hints unescaped: everything typed by people is escaped here.
        self.fields["level"].label = format_html(
            '<span class="govuk-caption-m">Statement {} of {}</span>{}{}', position, total, indicator.statement, retired
        )
        if indicator.guidance:
            self.fields["level"].help_text = linebreaks(indicator.guidance, autoescape=True)
        self.fields["level"].error_messages["invalid_choice"] = f"Select a level for {which}, or \u201cDon't know\u201d"
        self.fields["evidence"].label = format_html("Evidence{}", _hidden(f"for {which}"))
        self.fields["evidence"].help_text = "What shows this? For example, a report, minutes or a changed procedure."
        self.fields["evidence_link"].label = format_html("Link to the evidence (optional){}", _hidden(f"for {which}"))
        self.fields["evidence_link"].help_text = "A web address, like https://www.example.org/report"
        self.fields["evidence_link"].error_messages.update(
            invalid=f"Enter the link to the evidence for {which} as a full web address, like https://www.example.org/report",
            max_length=f"The link to the evidence for {which} must be 500 characters or fewer",
        )
        self.fields["comment"].label = format_html("Comment (optional){}", _hidden(f"on {which}"))
        self.helper.layout = Layout(
            Field.radios("level", legend_size=Size.MEDIUM, legend_tag="h2", small=True),
            "evidence",
            Field.text("evidence_link"),
            "comment",
        )

    @property
    def first_id(self):
        """Where the error summary sends people for this statement: its first radio button."""
        return f"{self['level'].auto_id}_1"


def rating_initial(rating):
    if rating is None:
        return {}
    return {
        "level": rating.level,
        "evidence": rating.evidence,
        "evidence_link": rating.evidence_link,
        "comment": rating.comment,
    }


class FactorAnswersForm:
    """Every statement of one factor on one page: checked together and saved together, or not at all.

    The statements are the factor's current indicators plus any retired one this assessment already
    rated (``indicators_for``), so an answer given before an indicator was retired is never hidden.
    """

    def __init__(self, data=None, *, assessment, factor):
        self.assessment = assessment
        self.factor = factor
        indicators = list(indicators_for(assessment).filter(factor=factor).order_by("order", "id"))
        ratings = {r.indicator_id: r for r in Rating.objects.filter(assessment=assessment, indicator__factor=factor)}
        self.forms = [
            RatingForm(
                data,
                indicator=indicator,
                position=n,
                total=len(indicators),
                initial=rating_initial(ratings.get(indicator.pk)),
            )
            for n, indicator in enumerate(indicators, start=1)
        ]
        self.non_field_errors = []

    def __iter__(self):
        return iter(self.forms)

    def is_valid(self):
        return all([form.is_valid() for form in self.forms])

    @property
    def errors(self):
        return bool(self.non_field_errors) or any(form.errors for form in self.forms)

    def save(self):
        """Save every answer on the page; on a broken rule (say, the assessment was submitted meanwhile)
        keep what was typed, note the error and return None."""
        answers = {form.indicator: form.cleaned_data for form in self.forms}
        try:
            return services.save_ratings(assessment=self.assessment, answers=answers)
        except ValidationError as error:
            self.non_field_errors.extend(error.messages)
            return None


class SubmitAssessmentForm(GovForm):
    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessment = assessment

    def save(self, *, by):
        try:
            return services.submit_assessment(assessment=self.assessment, by=by)
        except ValidationError as error:
            self.add_error(None, error)
            return None


class ReopenAssessmentForm(GovForm):
    reason = forms.CharField(
        label="Why are you reopening this self-assessment?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The organisation sees this on its self-assessment, so say what needs changing.",
        error_messages={"required": "Enter why you are reopening this self-assessment"},
    )

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessment = assessment

    def save(self, *, by):
        try:
            return services.reopen_assessment(assessment=self.assessment, by=by, reason=self.cleaned_data["reason"])
        except ValidationError as error:
            self.add_error(None, error)
            return None
