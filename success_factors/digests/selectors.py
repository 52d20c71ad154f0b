"""Who gets a weekly actions digest, and which actions go in it."""

import datetime
from collections import defaultdict
from typing import TypedDict

from django.contrib.auth.models import User

from signatories.models import Champion

from ..models import OPEN_STATUSES, Action

DIGEST_DAYS = 14


class Digest(TypedDict):
    due_soon: list[Action]
    overdue: list[Action]


def digest_actions(*, today: datetime.date) -> dict[User, Digest]:
    """{user: {"due_soon": [...], "overdue": [...]}} for every active login with open actions due in the next
    ``DIGEST_DAYS`` days or overdue, in three queries.

    A person owns an action they are named on as its login, and the actions of the organisation they are an
    active champion of (they may update those too). People with nothing to hear about are left out.
    """
    actions = list(
        Action.objects.filter(status__in=OPEN_STATUSES, due_on__lte=today + datetime.timedelta(days=DIGEST_DAYS))
        .select_related("factor", "owner_user", "owner_organisation")
        .order_by("due_on", "pk")
    )
    organisation_ids = {action.owner_organisation_id for action in actions if action.owner_organisation_id}
    champions: defaultdict[int | None, list[User]] = defaultdict(list)
    for champion in Champion.objects.filter(
        organisation_id__in=organisation_ids, stood_down_on__isnull=True, user__is_active=True
    ).select_related("user"):
        # Filtered on its login, so every champion here has one; the stubs type ``user`` as the nullable key it is.
        champions[champion.organisation_id].append(champion.user)  # type: ignore[arg-type]
    digests: dict[User, Digest] = {}
    for action in actions:
        owners = list(champions.get(action.owner_organisation_id, []))
        if action.owner_user is not None and action.owner_user.is_active:
            owners.append(action.owner_user)
        for user in {user.pk: user for user in owners}.values():
            digest = digests.setdefault(user, {"due_soon": [], "overdue": []})
            digest["overdue" if action.due_on < today else "due_soon"].append(action)
    return digests
