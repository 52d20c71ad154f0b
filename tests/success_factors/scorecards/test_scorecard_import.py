"""Past self-assessment rounds from a scorecard: each row a submitted assessment, so the trend starts at once."""

import io

import openpyxl
import pytest
from django.urls import reverse

from success_factors.models import Assessment, FactorScore, Indicator, Level
from tests import factories
from tests.signatories.imports.spreadsheets import confirm, csv_bytes, preview_of, problems

pytestmark = pytest.mark.django_db


def scorecard(client, rows):
    """The scorecard template's headings, with ``rows`` of (organisation, round, level for every indicator)."""
    template = client.get(reverse("signatories:import_template", args=["scorecards", "xlsx"])).content
    headings = [cell for cell in next(openpyxl.load_workbook(io.BytesIO(template)).active.iter_rows(values_only=True))]
    return [headings] + rows


def levels(value):
    return [value] * Indicator.objects.filter(retired_on__isnull=True).count()


def test_a_past_round_becomes_a_submitted_assessment_with_factor_scores(officer_client, officer, compact):
    trust = factories.OrganisationFactory(name="Riverside Trust")
    lines = scorecard(officer_client, [["Riverside Trust", "2023-24", *levels("Established")]])
    lines[1][2] = "Don't know"
    page = preview_of(officer_client, csv_bytes(lines), kind="scorecards")
    assert page.context["preview"].counts["new"] == 1

    confirm(officer_client, page)

    assessment = Assessment.objects.get()
    assert (assessment.organisation, assessment.round, assessment.status, assessment.submitted_by) == (
        trust,
        "2023/24",
        "submitted",
        officer,
    )
    assert assessment.ratings.filter(level=Level.DONT_KNOW).count() == 1
    assert assessment.ratings.filter(level=Level.ESTABLISHED).count() == Indicator.objects.count() - 1
    assert FactorScore.objects.filter(assessment=assessment).count() == 7
    assert FactorScore.objects.filter(assessment=assessment, mean_level=3).count() == 7


def test_importing_the_export_again_is_all_unchanged(officer_client, compact):
    factories.OrganisationFactory(name="Riverside Trust")
    page = preview_of(
        officer_client,
        csv_bytes(scorecard(officer_client, [["Riverside Trust", "2023/24", *levels(2)]])),
        kind="scorecards",
    )
    confirm(officer_client, page)
    exported = officer_client.get(reverse("signatories:export", args=["scorecards", "xlsx"])).content
    again = preview_of(officer_client, exported, name="scores.xlsx", kind="scorecards")
    assert again.context["preview"].counts == {"new": 0, "changed": 0, "unchanged": 1, "error": 0}


def test_a_round_already_on_the_service_is_never_changed(officer_client, compact):
    trust = factories.OrganisationFactory(name="Riverside Trust")
    factories.AssessmentFactory(compact=compact, organisation=trust, round="2023/24")
    page = preview_of(
        officer_client,
        csv_bytes(scorecard(officer_client, [["Riverside Trust", "2023/24", *levels(4)]])),
        kind="scorecards",
    )
    assert problems(page) == [
        "Row 2: Round (cell B2) Riverside Trust already has a self-assessment for 2023/24 on the service, which an "
        "import never changes: take this row out of the file"
    ]


def test_levels_rounds_and_organisations_are_checked(officer_client, compact):
    factories.OrganisationFactory(name="Riverside Trust")
    row = ["Riverside Trust", "2023/25", *levels(3)]
    row[2], row[3] = "7", ""
    page = preview_of(
        officer_client,
        csv_bytes(scorecard(officer_client, [row, ["Nowhere", "2022/23", *levels(1)]])),
        kind="scorecards",
    )
    listed = problems(page)
    assert "Row 2: Round (cell B2) is not a financial year: write it like 2024/25" in listed
    assert any(
        p.startswith("Row 2: 1.1 ")
        and p.endswith("must be a level from 1 to 4 (Not in place, Developing, Established, Embedded) or Don't know")
        for p in listed
    )
    assert any(p.endswith("is empty: give a level from 1 to 4, or Don't know if it was not scored") for p in listed)
    assert (
        "Row 3: Organisation (cell A3) is not an organisation on the register (Nowhere): import the organisations first, or check the spelling"
        in listed
    )
    assert Assessment.objects.count() == 0
