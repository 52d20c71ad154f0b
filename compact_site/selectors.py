from django.contrib.auth import get_user_model
from django.db.models import Prefetch

from signatories.models import Champion
from signatories.roles import ALL_ROLES

from .models import Invitation


def people_with_roles():
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


def recent_invitations(limit=50):
    return Invitation.objects.select_related("organisation", "invited_by")[:limit]
