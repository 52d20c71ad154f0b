"""Reads about people: who holds a role, invitations, sign-in lockouts, and everything held about a person."""

from collections.abc import Iterable
from typing import Any

from axes.models import AccessAttempt
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import HttpRequest
from django.utils import timezone

from notifications.models import EmailPreference, OutgoingMessage
from signatories.models import Champion
from signatories.roles import ALL_ROLES, CHAMPION
from success_factors.models import Action, Assessment
from wins.concerns.models import Concern
from wins.models import Win

from .models import Invitation


def account_exists(email: str) -> bool:
    return get_user_model().objects.filter(email__iexact=email, is_active=True).exists()


def people_with_roles() -> QuerySet[User]:
    """Every login that holds a role, with its roles and champion records, for the officers' list."""
    return (
        get_user_model()
        .objects.filter(groups__name__in=ALL_ROLES)
        .distinct()
        .prefetch_related(
            "groups",
            Prefetch(
                "champion_records",
                queryset=Champion.objects.filter(stood_down_on__isnull=True).select_related("organisation"),
                to_attr="active_champion_records",
            ),
        )
        .order_by("first_name", "last_name", "username")
    )


def recent_invitations(limit: int = 50) -> QuerySet[Invitation]:
    return Invitation.objects.select_related("organisation", "invited_by")[:limit]


CHAMPION_PERSONAL_FIELDS = ["name", "job_title", "email", "phone", "support_needs", "training", "stood_down_reason"]


def invitation_for_champion(champion_id: str | None) -> dict[str, str | int]:
    """What to fill an invitation with for a champion on the register who has no login yet ({} if none)."""
    # pk=None is a valid lookup that matches nothing; django-stubs' lookup check does not accept None.
    champion = Champion.objects.filter(  # type: ignore[misc]
        pk=champion_id if str(champion_id or "").isdigit() else None, user__isnull=True, stood_down_on__isnull=True
    ).first()
    if champion is None:
        return {}
    first, _, last = champion.name.partition(" ")
    return {
        "first_name": first,
        "last_name": last,
        "email": champion.email,
        "role": CHAMPION,
        "organisation": champion.organisation_id,
    }


def former_user_name(user: User) -> str:
    return f"Former user {user.pk}"


def former_champion_name(champion: Champion) -> str:
    return f"Former champion {champion.pk}"


def champion_records(*, user: User | None, champion: Champion | None) -> QuerySet[Champion]:
    records = Champion.objects.none()
    if user is not None:
        records = Champion.objects.filter(user=user)
    if champion is not None:
        records = records | Champion.objects.filter(pk=champion.pk)
    return records.select_related("organisation").order_by("pk").distinct()


def email_addresses(*, user: User | None, champions: Iterable[Champion]) -> set[str]:
    emails = {c.email.lower() for c in champions if c.email}
    if user is not None and user.email:
        emails.add(user.email.lower())
    return emails


def invitations_of(*, user: User | None, emails: Iterable[str]) -> QuerySet[Invitation]:
    query = Q(pk__in=[])
    for email in emails:
        query |= Q(email__iexact=email)
    if user is not None:
        query |= Q(user=user)
    return Invitation.objects.filter(query).select_related("organisation").order_by("pk")


def _historical_models():
    return [
        model.history.model
        for model in apps.get_models()
        if hasattr(model, "history") and hasattr(model.history, "model")
    ]


def emails_to(*, user: User | None, emails: Iterable[str]) -> QuerySet[OutgoingMessage]:
    """The outbox's messages to the person: to their login, or to any of their addresses."""
    query = Q(pk__in=[])
    for email in emails:
        query |= Q(to__iexact=email)
    if user is not None:
        query |= Q(user=user)
    return OutgoingMessage.objects.filter(query).order_by("pk")


def person_data(*, user: User | None = None, champion: Champion | None = None) -> dict[str, Any]:
    """Everything held about a person (a login and/or a champion record), as plain JSON-ready data."""
    if user is None and champion is None:
        raise ValueError("person_data needs a user or a champion")
    champions = list(champion_records(user=user, champion=champion))
    emails = email_addresses(user=user, champions=champions)
    data: dict[str, Any] = {"exported_at": timezone.now().isoformat(), "account": None}
    if user is not None:
        data["account"] = {
            "id": user.pk,
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "is_active": user.is_active,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        }
    data["champion_records"] = [
        {
            "id": c.pk,
            "organisation": c.organisation.name,
            "name": c.name,
            "job_title": c.job_title,
            "email": c.email,
            "phone": c.phone,
            "appointed_on": c.appointed_on.isoformat(),
            "stood_down_on": c.stood_down_on.isoformat() if c.stood_down_on else None,
            "stood_down_reason": c.stood_down_reason,
            "support_needs": c.support_needs,
            "training": c.training,
        }
        for c in champions
    ]
    data["invitations"] = [
        {
            "first_name": i.first_name,
            "last_name": i.last_name,
            "email": i.email,
            "role": i.role,
            "organisation": i.organisation.name if i.organisation else None,
            "sent_at": i.created_at.isoformat(),
            "accepted_at": i.accepted_at.isoformat() if i.accepted_at else None,
        }
        for i in invitations_of(user=user, emails=emails)
    ]
    data.update(_activity(user) if user is not None else {})
    data["emails"] = [
        {
            "kind": m.kind,
            "to": m.to,
            "subject": m.subject,
            "status": m.status,
            "written_at": m.created_at.isoformat(),
            "sent_at": m.sent_at.isoformat() if m.sent_at else None,
        }
        for m in emails_to(user=user, emails=emails)
    ]
    data["email_choices"] = (
        {p.kind: p.enabled for p in EmailPreference.objects.filter(user=user)} if user is not None else {}
    )
    data["history"] = _history(user=user, champions=champions)
    return data


def _activity(user):
    wins = Win.objects.filter(recorded_by=user).select_related("organisation").order_by("pk")
    concerns = Concern.objects.filter(raised_by=user).order_by("pk")
    assessments = (
        Assessment.objects.filter(Q(started_by=user) | Q(submitted_by=user))
        .select_related("organisation")
        .order_by("pk")
    )
    actions = Action.objects.filter(owner_user=user).select_related("factor").order_by("pk")
    return {
        "wins_recorded": [
            {
                "id": w.pk,
                "title": w.title,
                "status": w.status,
                "happened_on": w.happened_on.isoformat(),
                "organisation": w.organisation.name if w.organisation else None,
                "what_happened": w.what_happened,
                "difference_made": w.difference_made,
            }
            for w in wins
        ],
        "concerns_raised": [{"id": c.pk, "title": c.title, "status": c.status, "details": c.details} for c in concerns],
        "assessments": [
            {
                "id": a.pk,
                "organisation": a.organisation.name,
                "round": a.round,
                "status": a.status,
                "started_by_them": a.started_by_id == user.pk,
                "submitted_by_them": a.submitted_by_id == user.pk,
            }
            for a in assessments
        ],
        "actions_owned": [
            {
                "id": a.pk,
                "factor": a.factor.number,
                "description": a.description,
                "owner_name": a.owner_name,
                "due_on": a.due_on.isoformat(),
                "status": a.status,
            }
            for a in actions
        ],
    }


def _history(*, user, champions):
    """History rows that name the person: changes they made, and past versions of their champion records."""
    rows = []
    for historical in _historical_models():
        query = Q(pk__in=[])
        if user is not None:
            query |= Q(history_user=user)
        if historical.instance_type is Champion:
            query |= Q(id__in=[c.pk for c in champions])
        for row in (
            historical.objects.filter(query)
            .order_by("history_date")
            .values("id", "history_date", "history_type", "history_user_id")
        ):
            rows.append(
                {
                    "record": historical.instance_type._meta.verbose_name,
                    "record_id": row["id"],
                    "changed_at": row["history_date"].isoformat(),
                    "change": {"+": "created", "~": "changed", "-": "deleted"}[row["history_type"]],
                    "changed_by_them": user is not None and row["history_user_id"] == user.pk,
                }
            )
    return rows


def is_erased(user: User) -> bool:
    return not user.is_active and user.username == f"former-user-{user.pk}"


def client_ip(request: HttpRequest) -> str | None:
    """The address a sign-in came from, for django-axes (``AXES_CLIENT_IP_CALLABLE``).

    Directly on the internet, ``REMOTE_ADDR``. Behind ``TRUSTED_PROXY_COUNT`` proxies that each add the
    address they saw to ``X-Forwarded-For``, the entry that many from the right: the address the outermost
    trusted proxy saw. Counting from the right means a client cannot choose its address by sending the
    header itself.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def cooloff_hours() -> float:
    return settings.AXES_COOLOFF_TIME.total_seconds() / 3600


def lockouts() -> QuerySet[AccessAttempt]:
    """Username and address pairs locked out now, most recent first."""
    return AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT).order_by("-attempt_time")


def champions_without_accounts() -> QuerySet[Champion]:
    """Active champions with no login yet, each annotated with ``invited_at`` (their latest unused invitation)."""
    User = get_user_model()
    pending = Invitation.objects.filter(
        email__iexact=OuterRef("email"), accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created_at")
    return (
        Champion.objects.filter(stood_down_on__isnull=True, user__isnull=True)
        .exclude(Exists(User.objects.filter(email__iexact=OuterRef("email"), is_active=True)) & ~Q(email=""))
        .annotate(invited_at=Subquery(pending.values("created_at")[:1]))
        .select_related("organisation")
        .order_by("organisation__name", "name", "id")
    )
