"""Changes to committees, their meetings, the reports sent to them, and recommendations with their responses.

Officers keep the committees and send reports; a recommendation is recorded only against a report sent to one of
its committee's meetings; the organisation that must respond (its champions) or an officer records the response.
"""

import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from signatories.models import Compact, Organisation
from signatories.roles import is_officer
from signatories.selectors import organisation_for
from success_factors import services as plan_services
from success_factors.models import Action

from ..models import Report, ReportStatus
from .models import Committee, CommitteeKind, CommitteeMeeting, Recommendation, ReportSent, Response

LSP_NAME = "Local Strategic Partnership"


def _check_officer(by: User) -> None:
    if not is_officer(by):
        raise PermissionDenied("Only Compact officers keep the committees and send reports to them.")


def lsp_committee(compact: Compact) -> Committee:
    """The compact's LSP committee, made the first time it is needed (a migration made one for each compact
    there was)."""
    committee, _ = Committee.objects.get_or_create(compact=compact, kind=CommitteeKind.LSP, defaults={"name": LSP_NAME})
    return committee


@transaction.atomic
def save_committee(
    *, by: User, compact: Compact, name: str, kind: str, description: str = "", committee: Committee | None = None
) -> Committee:
    """Add a committee, or change one. A compact has one LSP."""
    _check_officer(by)
    if kind == CommitteeKind.LSP:
        others = Committee.objects.filter(compact=compact, kind=CommitteeKind.LSP)
        if committee is not None:
            others = others.exclude(pk=committee.pk)
        if others.exists():
            raise ValidationError({"kind": "The Compact already has its Local Strategic Partnership"})
    if committee is not None and committee.is_lsp and kind != CommitteeKind.LSP:
        raise ValidationError({"kind": "The Local Strategic Partnership stays the LSP: add another committee instead"})
    committee = committee or Committee(compact=compact)
    committee.name, committee.kind, committee.description = name.strip(), kind, description.strip()
    committee.save()
    return committee


@transaction.atomic
def add_meeting(*, by: User, committee: Committee, held_on: datetime.date, title: str = "") -> CommitteeMeeting:
    """Add a past or planned meeting of a committee."""
    _check_officer(by)
    if committee.meetings.filter(held_on=held_on).exists():
        raise ValidationError({"held_on": f"{committee.name} already has a meeting on that day"})
    return CommitteeMeeting.objects.create(committee=committee, held_on=held_on, title=title.strip())


@transaction.atomic
def send_report(*, by: User, report: Report, meeting: CommitteeMeeting, agenda_item_url: str = "") -> ReportSent:
    """Record that a published report goes to a committee meeting, with the agenda item's link."""
    _check_officer(by)
    if report.status != ReportStatus.PUBLISHED:
        raise ValidationError("Only the published version of a report can be sent to a committee.")
    if meeting.committee.compact_id != report.compact_id:
        raise ValidationError({"meeting": "Choose a meeting of one of this Compact's committees"})
    try:
        with transaction.atomic():
            return ReportSent.objects.create(
                report=report, meeting=meeting, agenda_item_url=agenda_item_url, sent_by=by
            )
    except IntegrityError:
        raise ValidationError({"meeting": "The report has already been sent to that meeting"}) from None


def was_sent(*, report: Report, committee: Committee) -> bool:
    return ReportSent.objects.filter(report=report, meeting__committee=committee).exists()


@transaction.atomic
def record_recommendation(
    *,
    by: User,
    report: Report,
    committee: Committee,
    text: str,
    made_on: datetime.date,
    respond_by: str,
    responder_organisation: Organisation,
    response_due_on: datetime.date,
) -> Recommendation:
    """Record a committee's recommendation about a report it was sent, and who must respond by when."""
    _check_officer(by)
    errors: dict[str, str] = {}
    if not was_sent(report=report, committee=committee):
        errors["committee"] = f"This report was never sent to {committee.name}: send it to one of its meetings first"
    if made_on > timezone.localdate():
        errors["made_on"] = "The date it was made must be today or in the past"
    if response_due_on < made_on:
        errors["response_due_on"] = "The response cannot be due before the recommendation was made"
    if not text.strip():
        errors["text"] = "Enter the recommendation"
    if not respond_by.strip():
        errors["respond_by"] = "Enter who must respond"
    if errors:
        raise ValidationError(errors)
    return Recommendation.objects.create(
        report=report,
        committee=committee,
        text=text.strip(),
        made_on=made_on,
        respond_by=respond_by.strip(),
        responder_organisation=responder_organisation,
        response_due_on=response_due_on,
        created_by=by,
    )


def can_respond(user: User, recommendation: Recommendation) -> bool:
    """Officers, and the champions of the organisation that must respond."""
    if is_officer(user):
        return True
    own = organisation_for(user)
    return own is not None and own.pk == recommendation.responder_organisation_id


@transaction.atomic
def record_response(
    *, by: User, recommendation: Recommendation, response: str, text: str, responded_on: datetime.date
) -> Recommendation:
    """Record (or correct) the response to a recommendation: accepted, partly accepted or not accepted."""
    if not can_respond(by, recommendation):
        raise PermissionDenied("Only officers and the organisation that must respond record its response.")
    errors: dict[str, str] = {}
    if response not in Response.values:
        errors["response"] = "Choose whether the recommendation is accepted, partly accepted or not accepted"
    if responded_on < recommendation.made_on:
        errors["responded_on"] = (
            f"The response cannot be dated before the recommendation was made ({recommendation.made_on:%-d %B %Y})"
        )
    elif responded_on > timezone.localdate():
        errors["responded_on"] = "The date of the response must be today or in the past"
    if not text.strip():
        errors["text"] = "Enter the response"
    if errors:
        raise ValidationError(errors)
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    recommendation.response, recommendation.response_text = response, text.strip()
    recommendation.responded_on, recommendation.responded_by = responded_on, by
    recommendation.save()
    return recommendation


@transaction.atomic
def turn_into_action(*, recommendation: Recommendation, by: User, **action_fields: Any) -> Action:
    """Put a recommendation on the action plan: the action and the recommendation are linked both ways."""
    _check_officer(by)
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if recommendation.action_id:
        raise ValidationError("This recommendation is already an action on the plan.")
    action = plan_services.create_action(compact=recommendation.report.compact, by=by, **action_fields)
    recommendation.action = action
    recommendation.save(update_fields=["action", "updated_at"])
    return action
