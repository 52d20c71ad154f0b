"""Changes to self-assessments, indicators and actions. Each checks the move is allowed."""

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from signatories import caching
from signatories.models import Compact, Organisation
from signatories.selectors import active_signatories

from .models import Action, ActionStatus, Assessment, AssessmentStatus, Factor, FactorScore, Indicator, Rating
from .selectors import mean_levels, unanswered_indicators


def start_assessment(*, compact: Compact, organisation: Organisation, round_name: str, by: User) -> Assessment:
    """The organisation's assessment for the round: the existing one, or a new draft.

    Only signatories take part: an organisation that has withdrawn may still open the self-assessment it
    started for a round, but not start one.
    """
    started = Assessment.objects.filter(compact=compact, organisation=organisation, round=round_name).exists()
    if not started and not active_signatories(compact=compact).filter(pk=organisation.pk).exists():
        raise ValidationError(
            f"{organisation.name} is not a current signatory of the Compact, so it cannot start a "
            "self-assessment. Ask your Compact officer if this is wrong."
        )
    assessment, _ = Assessment.objects.get_or_create(
        compact=compact, organisation=organisation, round=round_name, defaults={"started_by": by}
    )
    return assessment


def _check_draft(assessment):
    if assessment.status != AssessmentStatus.DRAFT:
        raise ValidationError("This assessment has been submitted and can no longer be changed.")


@transaction.atomic
def save_ratings(*, assessment: Assessment, answers: Mapping[Indicator, Mapping[str, Any]]) -> Assessment:
    """Save a page of answers: ``answers`` maps each Indicator to a dict of level, evidence, link and comment.

    Levels may be left empty while the assessment is a draft.
    """
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _check_draft(assessment)
    for indicator, answer in answers.items():
        Rating.objects.update_or_create(
            assessment=assessment,
            indicator=indicator,
            defaults={
                "level": answer.get("level"),
                "evidence": answer.get("evidence", ""),
                "evidence_link": answer.get("evidence_link", ""),
                "comment": answer.get("comment", ""),
            },
        )
    assessment.save(update_fields=["updated_at"])
    return assessment


@transaction.atomic
def submit_assessment(*, assessment: Assessment, by: User) -> Assessment:
    """Submit a draft once every indicator has a level or "Don't know". Submitted assessments are read-only."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _check_draft(assessment)
    missing = unanswered_indicators(assessment).count()
    if missing:
        raise ValidationError(
            f"Answer every statement before you submit: {missing} still need a level or \u201cDon't know\u201d."
        )
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.submitted_at = timezone.now()
    assessment.submitted_by = by
    assessment.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
    record_factor_scores([assessment.pk])
    return assessment


BATCH = 500


@transaction.atomic
def record_factor_scores(assessment_ids: Iterable[int]) -> None:
    """Keep the seven factor results of each of these assessments (``FactorScore``), replacing older ones.

    Call it once an assessment's ratings are final, that is when it is submitted. Works in batches, so
    seeding or back-filling thousands of assessments takes a few queries per batch.
    """
    ids = list(assessment_ids)
    caching.invalidate(caching.SCORES)  # bulk_create sends no signal
    factor_ids = list(Factor.objects.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        means = mean_levels(batch)
        FactorScore.objects.filter(assessment_id__in=batch).delete()
        FactorScore.objects.bulk_create(
            FactorScore(assessment_id=pk, factor_id=factor_id, mean_level=means.get((pk, factor_id)))
            for pk in batch
            for factor_id in factor_ids
        )


def refresh_factor_scores(assessment: Assessment) -> None:
    """After a change made outside these services (the admin): keep a submitted assessment's factor scores
    in step with its ratings, and hold none for a draft."""
    if assessment.status == AssessmentStatus.SUBMITTED:
        record_factor_scores([assessment.pk])
    else:
        FactorScore.objects.filter(assessment=assessment).delete()


@transaction.atomic
def reopen_assessment(*, assessment: Assessment, by: User, reason: str) -> Assessment:
    """An officer reopens a submitted assessment so it can be corrected; who, when and why are kept."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError("Only a submitted assessment can be reopened.")
    if not reason.strip():
        raise ValidationError("Say why the assessment is being reopened.")
    assessment.status = AssessmentStatus.DRAFT
    assessment.reopened_at = timezone.now()
    assessment.reopened_by = by
    assessment.reopen_reason = reason.strip()
    assessment.save(update_fields=["status", "reopened_at", "reopened_by", "reopen_reason", "updated_at"])
    assessment.factor_scores.all().delete()  # kept again when it is submitted again
    return assessment


def add_local_indicator(*, factor: Factor, statement: str, guidance: str = "") -> Indicator:
    last = factor.indicators.aggregate(last=Max("order"))["last"] or 0
    return Indicator.objects.create(
        factor=factor, statement=statement.strip(), guidance=guidance.strip(), is_local=True, order=last + 1
    )


def last_in_use(indicator: Indicator) -> str:
    """Why taking ``indicator`` out of use would leave its factor with nothing to ask, or "" when it would not."""
    if (
        indicator.retired_on is None
        and not indicator.factor.indicators.filter(retired_on__isnull=True).exclude(pk=indicator.pk).exists()
    ):
        return (
            f"This is the only statement in use for {indicator.factor}. Add another one before you take this "
            "one out of use, so self-assessments still ask about the factor."
        )
    return ""


def retire_indicator(*, indicator: Indicator, on: datetime.date | None = None) -> Indicator:
    if indicator.retired_on is not None:
        raise ValidationError("This indicator has already been retired.")
    if problem := last_in_use(indicator):
        raise ValidationError(problem)
    indicator.retired_on = on or timezone.localdate()
    indicator.save(update_fields=["retired_on"])
    return indicator


def reinstate_indicator(*, indicator: Indicator) -> Indicator:
    indicator.retired_on = None
    indicator.save(update_fields=["retired_on"])
    return indicator


def delete_indicator(*, indicator: Indicator) -> None:
    """Delete an indicator nobody has rated; a rated one can only be retired."""
    if indicator.ratings.exists():
        raise ValidationError("This indicator has ratings, so it cannot be deleted. Retire it instead.")
    if problem := last_in_use(indicator):
        raise ValidationError(problem)
    indicator.delete()


def create_action(*, compact: Compact, by: User, **fields: Any) -> Action:
    return Action.objects.create(compact=compact, created_by=by, **fields)


def update_action_progress(*, action: Action, status: str, progress_notes: str) -> Action:
    if status not in ActionStatus.values:
        raise ValidationError("Select a valid status.")
    action.status = status
    action.progress_notes = progress_notes
    action.save(update_fields=["status", "progress_notes", "updated_at"])
    return action


def update_action(*, action: Action, **fields: Any) -> Action:
    """An officer changes an action's details: any of its fields, including owner, due date and status."""
    for name, value in fields.items():
        setattr(action, name, value)
    action.full_clean(exclude=["compact", "created_by"])
    action.save()
    return action
