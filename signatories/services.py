"""Changes to the register. Each checks the change is allowed and raises ValidationError if not."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Champion, Compact, Organisation, OrganisationKind, Signature


@transaction.atomic
def sign_up(
    *, organisation: Organisation, compact: Compact, signed_on: datetime.date, signed_by_name: str, signed_by_role: str
) -> Signature:
    """Record an organisation signing a compact. One active signature per organisation per compact."""
    if (
        Signature.objects.select_for_update()
        .filter(organisation=organisation, compact=compact, withdrawn_on__isnull=True)
        .exists()
    ):
        raise ValidationError(f"{organisation} has already signed {compact}.")
    return Signature.objects.create(
        organisation=organisation,
        compact=compact,
        signed_on=signed_on,
        signed_by_name=signed_by_name,
        signed_by_role=signed_by_role,
    )


@transaction.atomic
def withdraw(*, signature: Signature, withdrawn_on: datetime.date, reason: str) -> Signature:
    """Record that an organisation has withdrawn from the compact; the signature row is kept."""
    if signature.withdrawn_on is not None:
        raise ValidationError("This signature has already been withdrawn.")
    if withdrawn_on < signature.signed_on:
        raise ValidationError("The withdrawal date cannot be before the date the organisation signed.")
    if not reason.strip():
        raise ValidationError("Give the reason the organisation withdrew.")
    signature.withdrawn_on = withdrawn_on
    signature.withdrawal_reason = reason.strip()
    signature.save(update_fields=["withdrawn_on", "withdrawal_reason"])
    return signature


def check_user_free(*, user: User | None, champion: Champion | None = None) -> None:
    """A login can belong to one active champion record at a time."""
    if user is None:
        return
    clash = Champion.objects.filter(user=user, stood_down_on__isnull=True)
    if champion is not None and champion.pk:
        clash = clash.exclude(pk=champion.pk)
    if clash.exists():
        raise ValidationError(f"{user.get_full_name() or user.username} is already an active champion.")


@transaction.atomic
def stand_down(*, champion: Champion, stood_down_on: datetime.date, reason: str = "") -> Champion:
    """A champion stands down: the record stays, so the history of who championed the Compact is kept."""
    if champion.stood_down_on is not None:
        raise ValidationError(f"{champion.name} has already stood down.")
    if stood_down_on < champion.appointed_on:
        raise ValidationError("The stand-down date cannot be before the date they were appointed.")
    champion.stood_down_on = stood_down_on
    champion.stood_down_reason = reason.strip()
    champion.save(update_fields=["stood_down_on", "stood_down_reason", "updated_at"])
    return champion


@transaction.atomic
def set_kind(*, organisations: Iterable[Organisation], kind: str, by: User) -> int:
    """Set the kind of many organisations at once (those an import added as "Other", say), each change kept in
    its history with who made it. Returns how many changed; those already of that kind are left as they are."""
    if kind not in OrganisationKind.values:
        raise ValidationError("Choose the kind of organisation.")
    changed = 0
    for organisation in organisations:
        if organisation.kind == kind:
            continue
        organisation.kind = kind
        organisation._change_reason = "Kind set for several organisations at once"  # type: ignore[attr-defined]
        organisation.save(update_fields=["kind", "updated_at"])
        changed += 1
    return changed
