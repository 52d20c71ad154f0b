"""Changes to people: inviting them, accepting an invitation, and erasing a person who has left."""

import secrets
from collections.abc import Iterable
from datetime import timedelta
from typing import cast

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications import kinds
from notifications.services import queue_email
from signatories.models import Champion, Organisation
from signatories.roles import CHAMPION
from success_factors.models import Action

from .models import Invitation, hash_token
from .selectors import (
    CHAMPION_PERSONAL_FIELDS,
    account_exists,
    champion_records,
    email_addresses,
    emails_to,
    former_champion_name,
    former_user_name,
    invitations_of,
)


@transaction.atomic
def invite(
    *,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    organisation: Organisation | None = None,
    invited_by: User,
) -> Invitation:
    """Create an invitation and queue the email with its link. Earlier unused invitations to the same address stop working."""
    email = email.strip().lower()
    if account_exists(email):
        raise ValidationError(f"{email} already has an account.")
    if role == CHAMPION and organisation is None:
        raise ValidationError("Select the organisation the champion works in.")
    now = timezone.now()
    Invitation.objects.filter(email__iexact=email, accepted_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
        role=role,
        organisation=organisation if role == CHAMPION else None,
        invited_by=invited_by,
        token_hash=hash_token(token),
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    link = settings.SITE_URL.rstrip("/") + reverse("invitation_accept", args=[token])
    context = {
        "invitation": invitation,
        "link": link,
        "service_name": settings.SERVICE_NAME,
        "days": settings.INVITATION_VALID_DAYS,
    }
    queue_email(
        to=email,
        subject=f"You have been invited to {settings.SERVICE_NAME}",
        template="compact_site/email/invitation.txt",
        context=context,
        kind=kinds.INVITATION,
    )
    return invitation


def pending_invitation(token: str) -> Invitation | None:
    """The invitation a token opens, or None if it is unknown, used or expired."""
    return (
        Invitation.objects.filter(token_hash=hash_token(token), accepted_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("organisation")
        .first()
    )


@transaction.atomic
def accept(*, invitation: Invitation, password: str) -> User:
    """Create the invitee's account with their chosen password and give them their role."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None or invitation.expires_at <= timezone.now():
        raise ValidationError("This invitation has already been used or has expired.")
    if account_exists(invitation.email):
        raise ValidationError(f"{invitation.email} already has an account.")
    User = get_user_model()
    user = User(
        username=invitation.email,
        email=invitation.email,
        first_name=invitation.first_name,
        last_name=invitation.last_name,
    )
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=invitation.role))
    if invitation.role == CHAMPION:
        # invite() refuses a champion's invitation without an organisation.
        link_champion_record(user=user, organisation=cast(Organisation, invitation.organisation))
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user


def link_champion_record(*, user: User, organisation: Organisation) -> Champion:
    """Link a new champion login to their record on the register, creating the record if there is none."""
    record = Champion.objects.filter(
        organisation=organisation, email__iexact=user.email, stood_down_on__isnull=True, user__isnull=True
    ).first()
    if record is None:
        record = Champion(
            organisation=organisation, name=user.get_full_name(), email=user.email, appointed_on=timezone.localdate()
        )
    record.user = user
    record.save()
    return record


@transaction.atomic
def erase_person(*, user: User | None = None, champion: Champion | None = None, by: User) -> User | None:
    """Anonymise a person who has left: their login, champion records, invitations and history.

    Their wins, concerns, assessments and actions stay, attributed to their organisation and to the
    anonymised login. Returns the anonymised user (or None when there is no login).
    """
    if user is None and champion is None:
        raise ValueError("erase_person needs a user or a champion")
    if user is not None and user.pk == by.pk:
        raise PermissionDenied("Nobody erases their own personal data.")
    champions = list(champion_records(user=user, champion=champion))
    emails = email_addresses(user=user, champions=champions)
    invitations_of(user=user, emails=emails).delete()
    emails_to(user=user, emails=emails).delete()  # their bodies name the person
    for record in champions:
        _anonymise_champion(record)
    if user is not None:
        _anonymise_user(user)
    return user


def _anonymise_champion(champion):
    today = timezone.localdate()
    placeholder = former_champion_name(champion)
    if champion.stood_down_on is None:
        champion.stood_down_on = max(today, champion.appointed_on)
    for field in CHAMPION_PERSONAL_FIELDS:
        setattr(champion, field, "")
    champion.name = placeholder
    champion.save()
    scrubbed = {field: "" for field in CHAMPION_PERSONAL_FIELDS} | {"name": placeholder}
    Champion.history.model.objects.filter(id=champion.pk).update(**scrubbed)


def _anonymise_user(user):
    placeholder = former_user_name(user)
    old_username = user.username
    Action.objects.filter(owner_user=user).update(owner_name=placeholder)
    Action.history.model.objects.filter(owner_user_id=user.pk).update(owner_name=placeholder)
    user.username = f"former-user-{user.pk}"
    user.first_name, user.last_name = "Former user", str(user.pk)
    user.email = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.email_preferences.all().delete()
    user.user_permissions.clear()
    _forget_sign_in_attempts(old_username)


def _forget_sign_in_attempts(username):
    if not apps.is_installed("axes"):
        return
    for name in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
        try:
            model = apps.get_model("axes", name)
        except LookupError:
            continue
        model.objects.filter(username=username).delete()


def split_name(name: str) -> tuple[str, str]:
    """A champion's one name field as the first and last names an invitation needs."""
    first, _, last = " ".join(name.split()).rpartition(" ")
    return (first, last) if first else (last, "")


@transaction.atomic
def invite_champions(*, champions: Iterable[Champion], invited_by: User) -> list[Invitation]:
    """Invite each champion (who has no login yet) in their own role and organisation, all or none.

    Every champion is checked before anyone is invited, so one that cannot be invited stops the whole batch
    before any email is written. Returns the invitations.
    """
    champions = list(champions)
    for champion in champions:
        if not champion.email:
            raise ValidationError(f"{champion.name} has no email address: add one to their record first.")
        if champion.user_id is not None or account_exists(champion.email):
            raise ValidationError(f"{champion.name} ({champion.email}) already has an account.")
        if not champion.is_active:
            raise ValidationError(f"{champion.name} has stood down.")
    invitations = []
    for champion in champions:
        first_name, last_name = split_name(champion.name)
        invitations.append(
            invite(
                first_name=first_name,
                last_name=last_name,
                email=champion.email,
                role=CHAMPION,
                organisation=champion.organisation,
                invited_by=invited_by,
            )
        )
    return invitations
