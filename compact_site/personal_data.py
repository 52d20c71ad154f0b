"""Personal data: everything held about one person, and erasing it when they have left.

A person is a login (a ``User``), a champion record, or both. Erasing keeps the record of what
happened — their wins stay in the library under their organisation, their assessments and actions
stay in the plan — but nothing left names them: the login becomes "Former user 123", the champion
records "Former champion 45", and the change history of those records is scrubbed the same way.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from signatories.models import Champion
from success_factors.models import Action, Assessment
from wins.models import Concern, Win

from .models import Invitation

CHAMPION_PERSONAL_FIELDS = ["name", "job_title", "email", "phone", "support_needs", "training", "stood_down_reason"]


def former_user_name(user):
    return f"Former user {user.pk}"


def former_champion_name(champion):
    return f"Former champion {champion.pk}"


def _champions(*, user, champion):
    records = Champion.objects.none()
    if user is not None:
        records = Champion.objects.filter(user=user)
    if champion is not None:
        records = records | Champion.objects.filter(pk=champion.pk)
    return records.select_related("organisation").order_by("pk").distinct()


def _emails(*, user, champions):
    emails = {c.email.lower() for c in champions if c.email}
    if user is not None and user.email:
        emails.add(user.email.lower())
    return emails


def _invitations(*, user, emails):
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


def person_data(*, user=None, champion=None):
    """Everything held about a person (a login and/or a champion record), as plain JSON-ready data."""
    if user is None and champion is None:
        raise ValueError("person_data needs a user or a champion")
    champions = list(_champions(user=user, champion=champion))
    emails = _emails(user=user, champions=champions)
    data = {"exported_at": timezone.now().isoformat(), "account": None}
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
        for i in _invitations(user=user, emails=emails)
    ]
    data.update(_activity(user) if user is not None else {})
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
        "concerns_raised": [
            {"id": c.pk, "title": c.title, "status": c.status, "details": c.details} for c in concerns
        ],
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
        for row in historical.objects.filter(query).order_by("history_date").values(
            "id", "history_date", "history_type", "history_user_id"
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


@transaction.atomic
def erase_person(*, user=None, champion=None, by):
    """Anonymise a person who has left: their login, champion records, invitations and history.

    Their wins, concerns, assessments and actions stay, attributed to their organisation and to the
    anonymised login. Returns the anonymised user (or None when there is no login).
    """
    if user is None and champion is None:
        raise ValueError("erase_person needs a user or a champion")
    if user is not None and user.pk == by.pk:
        raise PermissionDenied("Nobody erases their own personal data.")
    champions = list(_champions(user=user, champion=champion))
    emails = _emails(user=user, champions=champions)
    _invitations(user=user, emails=emails).delete()
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


def is_erased(user):
    return not user.is_active and user.username == f"former-user-{user.pk}"
