"""Small builders for the results, factor and action-plan tests: submitted assessments and page text."""

import re
from html import unescape

from django.utils import timezone

from success_factors.models import AssessmentStatus, Factor, Indicator, Rating
from success_factors.services import record_factor_scores
from tests import factories


def first_indicator(number):
    return Indicator.objects.filter(factor__number=number, retired_on__isnull=True).order_by("order", "id").first()


def submitted_assessment(*, compact, organisation, round_name, levels=None):
    """A submitted assessment rating the first indicator of each factor in ``levels`` ({factor number: level})."""
    assessment = factories.AssessmentFactory(
        compact=compact, organisation=organisation, round=round_name, status="submitted", submitted_at=timezone.now()
    )
    for number, level in (levels or {}).items():
        factories.RatingFactory(assessment=assessment, indicator=first_indicator(number), level=level)
    record_factor_scores([assessment.pk])
    return assessment


def rate_everything(assessment, level):
    """Give every current indicator the same level, in one query (and keep the scores of a submitted one)."""
    Rating.objects.bulk_create(
        Rating(assessment=assessment, indicator=indicator, level=level)
        for indicator in Indicator.objects.filter(retired_on__isnull=True)
    )
    if assessment.status == AssessmentStatus.SUBMITTED:
        record_factor_scores([assessment.pk])


def signed_organisation(compact, **kwargs):
    organisation = factories.OrganisationFactory(**kwargs)
    factories.SignatureFactory(compact=compact, organisation=organisation)
    return organisation


def text(html):
    """The visible words of some HTML, with the whitespace squeezed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def page_text(response):
    return text(response.content.decode())


def table_rows(response):
    """The text of every table row on the page."""
    return [text(row) for row in re.findall(r"<tr\b.*?</tr>", response.content.decode(), flags=re.S)]


def rows_for(response, start):
    """The text of every table row that begins with ``start``."""
    return [row for row in table_rows(response) if row.startswith(start)]


def row_for(response, start):
    """The text of the first table row that begins with ``start``."""
    return next(iter(rows_for(response, start)), None)


def factor(number):
    return Factor.objects.get(number=number)
