"""Changes to commitments, consultations and funding decisions. Each function checks who may act.

Officers record and verify records; a champion of a voluntary and community signatory reports one they
have seen, and it waits for an officer; the champion of the statutory body concerned can add its
explanation; an officer accepts a stated reason, which turns a "not met" into "explained". Every save of
a record checks it again against the commitments (``commitments.checks``).
"""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, update_change_reason

from signatories.models import Compact, Organisation, Sector
from signatories.roles import CHAMPION, has_role, is_officer
from signatories.selectors import organisation_for

from . import checks
from .models import Check, Commitment, Consultation, FundingDecision, Record, RecordStatus, Result

CONSULTATION_FIELDS = (
    "body",
    "title",
    "link",
    "opened_on",
    "closes_on",
    "early_notice_on",
    "sector_involved",
    "sector_involvement",
    "feedback_published_on",
    "feedback_link",
    "shorter_reason",
)
FUNDING_FIELDS = (
    "body",
    "name",
    "funding_kind",
    "amount",
    "decided_on",
    "starts_on",
    "ends_on",
    "full_cost_recovery",
    "paid_in_advance",
    "rationale_published",
    "rationale_link",
    "change",
    "notice_given_on",
    "change_takes_effect_on",
    "change_reason",
)
# The yes-or-no answers 360Giving data does not carry, which an officer may set for many decisions at once.
BULK_FIELDS = ("full_cost_recovery", "paid_in_advance", "rationale_published")
COMMITMENT_FIELDS = ("title", "description", "rule", "threshold", "factor", "order")
MODELS: dict[str, type[Consultation] | type[FundingDecision]] = {
    "consultation": Consultation,
    "funding": FundingDecision,
}
FIELDS = {"consultation": CONSULTATION_FIELDS, "funding": FUNDING_FIELDS}


def _check_officer(by, what="do this"):
    if not is_officer(by):
        raise PermissionDenied(f"Only a Compact officer can {what}.")


def _fill(record, fields):
    unknown = set(fields) - set(FIELDS[record.kind])
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(record, name, value.strip() if isinstance(value, str) else value)
    if record.body_id and record.body.sector != Sector.STATUTORY:
        raise ValidationError({"body": "Choose a statutory signatory"})
    record.full_clean(exclude=["compact", "body"])


def _save(record, organisations_funded):
    record.save()
    if organisations_funded is not None:
        record.organisations_funded.set(organisations_funded)
    run_checks(record)
    return record


def reporter_organisation(by: User) -> Organisation | None:
    """The voluntary and community organisation a champion reports for, or None if they may not report."""
    organisation = organisation_for(by)
    return organisation if organisation is not None and organisation.sector == Sector.VOLUNTARY else None


@transaction.atomic
def record(
    *, kind: str, compact: Compact, by: User, organisations_funded: Iterable[Organisation] | None = None, **fields: Any
) -> Record:
    """An officer records a verified consultation or funding decision; a champion of a voluntary and
    community signatory reports one, which waits for an officer to check it."""
    record = MODELS[kind](compact=compact, reported_by=by)
    if is_officer(by):
        record.status, record.verified_by, record.verified_at = RecordStatus.VERIFIED, by, timezone.now()
    elif has_role(by, CHAMPION) and reporter_organisation(by) is not None:
        record.reported_by_organisation = reporter_organisation(by)
    else:
        raise PermissionDenied(
            "Only Compact officers, and champions of voluntary and community signatories, "
            "record consultations and funding decisions."
        )
    _fill(record, fields)
    return _save(record, organisations_funded)


@transaction.atomic
def update_record(
    *, record: Record, by: User, organisations_funded: Iterable[Organisation] | None = None, **fields: Any
) -> Record:
    """An officer corrects a record; it is checked again."""
    _check_officer(by, "change a record")
    record = type(record).objects.select_for_update().get(pk=record.pk)
    _fill(record, fields)
    return _save(record, organisations_funded)


@transaction.atomic
def verify(*, record: Record, by: User) -> Record:
    """An officer confirms a reported record, so it counts and everyone signed in can read it."""
    _check_officer(by, "verify a record")
    record = type(record).objects.select_for_update().get(pk=record.pk)
    if record.is_verified:
        raise ValidationError("This record has already been verified.")
    record.status, record.verified_by, record.verified_at = RecordStatus.VERIFIED, by, timezone.now()
    record.save(update_fields=["status", "verified_by", "verified_at", "updated_at"])
    record.checks.update(verified=True)
    return record


def can_explain(user: User, record: Record) -> bool:
    """Officers, and the champions of the statutory body the record is about."""
    if is_officer(user):
        return True
    organisation = organisation_for(user) if has_role(user, CHAMPION) else None
    return organisation is not None and organisation.pk == record.body_id


@transaction.atomic
def add_explanation(*, record: Record, by: User, explanation: str) -> Record:
    """The statutory body says why it did what it did; an officer may then accept it for a check."""
    if not can_explain(by, record):
        raise PermissionDenied("Only the champions of the statutory body concerned can add its explanation.")
    explanation = explanation.strip()
    if not explanation:
        raise ValidationError({"explanation": "Enter the explanation"})
    record = type(record).objects.select_for_update().get(pk=record.pk)
    record.body_explanation, record.body_explained_by, record.body_explained_at = explanation, by, timezone.now()
    record.save(update_fields=["body_explanation", "body_explained_by", "body_explained_at", "updated_at"])
    return record


def stated_reason(check: Check) -> list[str]:
    """The reasons given for a record that did not meet a commitment: the statutory body's explanation and,
    for a short consultation, the reason it gave."""
    record = check.record
    reasons = [
        getattr(record, "shorter_reason", "") if check.commitment.rule == "consultation_length" else "",
        record.body_explanation,
    ]
    return [reason for reason in reasons if reason]


@transaction.atomic
def accept_explanation(*, check: Check, by: User, note: str) -> Check:
    """An officer accepts the reason given for a commitment not met: the check becomes "explained"."""
    _check_officer(by, "accept an explanation")
    check = Check.objects.select_for_update().select_related("commitment").get(pk=check.pk)
    if check.result != Result.NOT_MET:
        raise ValidationError("Only a commitment that was not met can be explained.")
    if not stated_reason(check):
        raise ValidationError("No reason has been given yet: the statutory body's champion can add its explanation.")
    note = note.strip()
    if not note:
        raise ValidationError({"note": "Say why the reason is accepted"})
    check.result, check.accepted_by, check.accepted_at, check.accepted_note = Result.EXPLAINED, by, timezone.now(), note
    check.save()
    return check


def _applicable_commitments(record):
    return [c for c in Commitment.objects.filter(retired_on__isnull=True) if c.kind == record.kind]


def run_checks(record: Record) -> None:
    """Check ``record`` against each commitment and keep the results.

    A check made before keeps the threshold it was made with (a changed threshold applies to records from
    then on); a new record is checked against every commitment in force. An accepted explanation stays
    while the commitment is still not met.
    """
    existing = {check.commitment_id: check for check in record.checks.select_related("commitment")}
    commitments = {c.pk: c for c in _applicable_commitments(record)}
    check: Check | None
    for check in existing.values():
        commitments.setdefault(check.commitment_id, check.commitment)
    now = timezone.now()
    for pk, commitment in commitments.items():
        check = existing.get(pk)
        if check is None and commitment.created_at > record.created_at:
            continue  # a commitment added after the record was recorded applies from then on
        threshold = check.threshold if check is not None else commitment.threshold
        outcome = checks.check(record, commitment.rule, threshold)
        if outcome is None:
            if check is not None:
                check.delete()
            continue
        result = outcome.result
        if result == Result.NOT_MET and check is not None and check.accepted_at is not None:
            result = Result.EXPLAINED
        values = {
            "result": result,
            "why": outcome.why,
            "threshold": threshold,
            "compact": record.compact,
            "body_id": record.body_id,
            "dated_on": record.date_for(commitment.rule),
            "verified": record.is_verified,
            "checked_at": now,
        }
        if check is None:
            Check.objects.create(commitment=commitment, **{record.kind_field: record}, **values)
        else:
            changed = [name for name, value in values.items() if name != "checked_at" and getattr(check, name) != value]
            if changed:
                for name, value in values.items():
                    setattr(check, name, value)
                check.save()


def check_new_records(records: list[Record]) -> None:
    """Check many records just added (by an import) against every commitment in force, in a few queries:
    what ``run_checks`` does for one record, without the existing checks a new record cannot have."""
    if not records:
        return
    now = timezone.now()
    commitments = list(Commitment.objects.filter(retired_on__isnull=True))
    new_checks = []
    for record in records:
        for commitment in commitments:
            if commitment.kind != record.kind or commitment.created_at > record.created_at:
                continue
            outcome = checks.check(record, commitment.rule, commitment.threshold)
            if outcome is None:
                continue
            new_checks.append(
                Check(
                    commitment=commitment,
                    **{record.kind_field: record},
                    result=outcome.result,
                    why=outcome.why,
                    threshold=commitment.threshold,
                    compact=record.compact,
                    body_id=record.body_id,
                    dated_on=record.date_for(commitment.rule),
                    verified=record.is_verified,
                    checked_at=now,
                )
            )
    bulk_create_with_history(new_checks, Check, batch_size=500)


@transaction.atomic
def set_for_many(*, by: User, records: Iterable[Record], field: str, value: bool | None) -> int:
    """An officer records one yes-or-no answer for many funding decisions at once (full cost recovery for
    every grant of a programme, say); each is checked again. Returns how many changed."""
    _check_officer(by, "change many records at once")
    if field not in BULK_FIELDS:
        raise ValidationError({"field": "Choose what to record"})
    changed = 0
    for record in records:
        if getattr(record, field) == value:
            continue
        setattr(record, field, value)
        record.save(update_fields=[field, "updated_at"])
        update_change_reason(record, "Set for many at once from the list")
        run_checks(record)
        changed += 1
    return changed


@transaction.atomic
def save_commitment(
    *, by: User, commitment: Commitment | None = None, retired: bool | None = None, **fields: Any
) -> Commitment:
    """An officer adds a local commitment or changes one; a changed threshold applies to records from then on."""
    _check_officer(by, "change the Compact's commitments")
    unknown = set(fields) - set(COMMITMENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    if commitment is None:
        commitment = Commitment(is_local=True)
    else:
        commitment = Commitment.objects.select_for_update().get(pk=commitment.pk)
        if "rule" in fields and fields["rule"] != commitment.rule and commitment.checks.exists():
            raise ValidationError(
                {
                    "rule": "Records have been checked against this commitment, so how it is checked "
                    "cannot change. Retire it and add a new one instead."
                }
            )
    for name, value in fields.items():
        setattr(commitment, name, value.strip() if isinstance(value, str) else value)
    if commitment.unit and not commitment.threshold:
        raise ValidationError({"threshold": f"Enter the number of {commitment.unit}"})
    if not commitment.unit:
        commitment.threshold = None
    if retired is not None:
        commitment.retired_on = (commitment.retired_on or timezone.localdate()) if retired else None
    if commitment.order == 0 and commitment.pk is None:
        commitment.order = (Commitment.objects.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    commitment.full_clean()
    commitment.save()
    return commitment
