"""Past self-assessment rounds from a scorecard spreadsheet, so an area's trend starts from day one.

One row per organisation and round, one column per indicator holding a level 1 to 4 (or its name) or
"Don't know". Each row becomes a submitted assessment with its ratings and factor scores. The file
reading, preview and confirm pages are the register import's (``signatories.imports``); this module
adds the scorecard as one more kind of import.
"""

import re

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from signatories.imports.matching import find_organisation, organisations_by_name
from signatories.imports.sheets import CHANGED, ERROR, UNCHANGED, Column, Sheet, mark_duplicates, register
from signatories.imports.validation import CellError, clean_name, squash, text
from signatories.selectors import current_compact

from ..models import Assessment, AssessmentStatus, Indicator, Level, Rating
from ..services import record_factor_scores

LEVELS = (
    {squash(label): value for value, label in Level.choices}
    | {str(value): value for value in (1, 2, 3, 4)}
    | {
        "dk": Level.DONT_KNOW,
        "0": Level.DONT_KNOW,
        "dontknow": Level.DONT_KNOW,
        "na": Level.DONT_KNOW,
        "notknown": Level.DONT_KNOW,
    }
)


def clean_level(value):
    key = squash(text(value))
    if not key:
        raise CellError("is empty: give a level from 1 to 4, or Don't know if it was not scored")
    if key not in LEVELS:
        raise CellError("must be a level from 1 to 4 (Not in place, Developing, Established, Embedded) or Don't know")
    return LEVELS[key]


def clean_round(value):
    """A financial year as rounds are named: 2024/25 (also read from 2024-25, 2024/2025 and 2024-2025)."""
    value = text(value).replace(" ", "")
    match = re.fullmatch(r"(\d{4})[/-](\d{2}|\d{4})", value)
    if not match or int(match[2][-2:]) != (int(match[1]) + 1) % 100:
        raise CellError("is not a financial year: write it like 2024/25")
    start = int(match[1])
    if start > timezone.localdate().year:
        raise CellError(f"is in the future ({start}/{str(start + 1)[-2:]}): import past rounds only")
    return f"{start}/{str(start + 1)[-2:]}"


def indicator_code(indicator, position):
    return f"{indicator.factor.number}.{position}"


@register
class ScorecardSheet(Sheet):
    kind = "scorecards"
    title = "past self-assessment scores"
    filename = "scorecards"
    identity = "by organisation and round: a round already on the service is never changed"
    done_url = "success_factors:partnership"

    def __init__(self):
        self.indicators = []
        columns = [
            Column(
                "organisation",
                "Organisation",
                clean_name,
                ("organisation name", "organization"),
                required=True,
                example="Northbrook Community Transport",
                hint="enter the organisation's name",
            ),
            Column(
                "round",
                "Round",
                clean_round,
                ("financial year", "year", "period"),
                required=True,
                example="2024/25",
                hint="enter the round, like 2024/25",
            ),
        ]
        positions = {}
        for indicator in Indicator.objects.filter(retired_on__isnull=True).select_related("factor"):
            position = positions[indicator.factor_id] = positions.get(indicator.factor_id, 0) + 1
            code = indicator_code(indicator, position)
            self.indicators.append((f"indicator_{indicator.pk}", indicator))
            columns.append(
                Column(
                    f"indicator_{indicator.pk}",
                    f"{code} {indicator.statement}",
                    clean_level,
                    (code, indicator.statement),
                    required=True,
                    example=3,
                )
            )
        self.columns = tuple(columns)
        self.compact = current_compact()
        super().__init__()

    def plan(self, rows):
        index = organisations_by_name()
        existing = {}
        if self.compact is not None:
            for assessment in Assessment.objects.filter(compact=self.compact).prefetch_related("ratings"):
                existing[(assessment.organisation_id, assessment.round)] = assessment
        headings = self.headings_of()
        for row in rows:
            row.label = f"{row.values.get('organisation', '')} {row.values.get('round', '')}".strip()
            if row.status == ERROR:
                continue
            if self.compact is None:
                row.error(
                    f"Row {row.number} is a self-assessment, but the Compact has not been set up yet: set it up "
                    "under About the Compact, then upload the file again"
                )
                continue
            organisation = find_organisation(row, index, headings)
            if organisation is None:
                continue
            row.organisation = organisation
            row.key = (organisation.pk, row.values["round"])
            assessment = existing.get(row.key)
            if assessment is None:
                continue
            row.target = assessment
            levels = {rating.indicator_id: rating.level for rating in assessment.ratings.all()}
            if assessment.status == AssessmentStatus.SUBMITTED and all(
                levels.get(indicator.pk) == row.values[key] for key, indicator in self.indicators
            ):
                row.status = UNCHANGED
            else:
                row.error(
                    f"{organisation.name} already has a self-assessment for {row.values['round']} on the "
                    "service, which an import never changes: take this row out of the file",
                    "round",
                    headings,
                )
        mark_duplicates(
            rows, lambda row: [("same organisation and round", getattr(row, "key", None))], "self-assessment"
        )

    def apply(self, rows, *, by, reason):
        now = timezone.now()
        new_rows = [row for row in rows if row.status not in (UNCHANGED, CHANGED)]
        assessments = [
            Assessment(
                compact=self.compact,
                organisation=row.organisation,
                round=row.values["round"],
                status=AssessmentStatus.SUBMITTED,
                started_by=by,
                submitted_by=by,
                submitted_at=now,
            )
            for row in new_rows
        ]
        if not assessments:
            return
        bulk_create_with_history(assessments, Assessment, batch_size=500, default_user=by, default_change_reason=reason)
        saved = {
            (a.organisation_id, a.round): a.pk
            for a in Assessment.objects.filter(
                compact=self.compact, round__in={row.values["round"] for row in new_rows}
            )
        }
        ratings = [
            Rating(assessment_id=saved[row.key], indicator=indicator, level=row.values[key])
            for row in new_rows
            for key, indicator in self.indicators
        ]
        bulk_create_with_history(ratings, Rating, batch_size=1000, default_user=by, default_change_reason=reason)
        record_factor_scores([saved[row.key] for row in new_rows])

    def export_rows(self):
        assessments = Assessment.objects.filter(status=AssessmentStatus.SUBMITTED).select_related("organisation")
        if self.compact is not None:
            assessments = assessments.filter(compact=self.compact)
        for assessment in assessments.prefetch_related("ratings").order_by("organisation__name", "round"):
            levels = {rating.indicator_id: rating.level for rating in assessment.ratings.all()}
            yield [assessment.organisation.name, assessment.round] + [
                level_label(levels.get(indicator.pk)) for _, indicator in self.indicators
            ]


def level_label(level):
    if level is None:
        return ""
    return "Don't know" if level == Level.DONT_KNOW else level
