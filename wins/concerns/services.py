"""Raising concerns and moving them through their states. Views call these; each checks the move."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commitments.models import Consultation, FundingDecision
from signatories.models import Compact, Organisation
from success_factors import services as plan_services
from success_factors.models import Action, Factor

from .models import Concern, ConcernStatus


@transaction.atomic
def raise_concern(
    *,
    compact: Compact,
    by: User,
    organisation: Organisation | None,
    title: str,
    details: str,
    factor: Factor,
    organisations: Iterable[Organisation] = (),
    raised_on: datetime.date | None = None,
    consultation: Consultation | None = None,
    funding_decision: FundingDecision | None = None,
) -> Concern:
    """Record a concern; one raised from a consultation or funding decision keeps a link to it."""
    if consultation is not None and funding_decision is not None:
        raise ValidationError("A concern is about one consultation or one funding decision, not both.")
    concern = Concern.objects.create(
        consultation=consultation,
        funding_decision=funding_decision,
        compact=compact,
        title=title.strip(),
        details=details.strip(),
        factor=factor,
        raised_by=by,
        raised_by_organisation=organisation,
        raised_on=raised_on or timezone.localdate(),
    )
    concern.organisations.set(organisations)
    return concern


@transaction.atomic
def update_concern(
    *,
    concern: Concern,
    status: str,
    resolution: str = "",
    summary: str = "",
    summary_published: bool = False,
    on: datetime.date | None = None,
) -> Concern:
    """An officer moves a concern on. Resolving or escalating needs notes; the date is kept."""
    on = on or timezone.localdate()
    resolution, summary = resolution.strip(), summary.strip()
    if status not in ConcernStatus.values:
        raise ValidationError("Select a valid status.")
    if status in (ConcernStatus.RESOLVED, ConcernStatus.ESCALATED) and not resolution:
        raise ValidationError({"resolution": "Say how it was resolved, or why and to whom it was escalated"})
    if summary_published and not summary:
        raise ValidationError({"summary": "Write the summary before you publish it"})
    if on < concern.raised_on:
        raise ValidationError("The date cannot be before the concern was raised.")
    concern.resolved_on = (concern.resolved_on or on) if status == ConcernStatus.RESOLVED else None
    concern.escalated_on = (concern.escalated_on or on) if status == ConcernStatus.ESCALATED else None
    concern.status = status
    concern.resolution = resolution
    concern.summary = summary
    concern.summary_published = summary_published
    concern.save()
    return concern


@transaction.atomic
def turn_into_action(*, concern: Concern, by: User, **action_fields: object) -> Action:
    """Put a concern on the action plan: the new action is linked, and an open concern is now in discussion."""
    action = plan_services.create_action(compact=concern.compact, by=by, **action_fields)
    concern.action = action
    if concern.status == ConcernStatus.OPEN:
        concern.status = ConcernStatus.IN_DISCUSSION
    concern.save(update_fields=["action", "status", "updated_at"])
    return action
