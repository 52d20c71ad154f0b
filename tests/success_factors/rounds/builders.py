"""Rounds and organisations for the round tests."""

import datetime

from success_factors.rounds.models import Round, RoundStatus
from tests import factories
from tests.success_factors.builders import signed_organisation


def a_round(
    compact,
    *,
    year="2026/27",
    opens_on=datetime.date(2026, 5, 1),
    deadline=datetime.date(2026, 6, 30),
    status=RoundStatus.PLANNED,
    **fields,
):
    return Round.objects.create(
        compact=compact, year=year, opens_on=opens_on, deadline=deadline, status=status, **fields
    )


def open_round(compact, **fields):
    return a_round(compact, status=RoundStatus.OPEN, **fields)


def signatory_with_champion(compact, *, name, username=None):
    """A signatory whose active champion has a login; returns (organisation, champion user)."""
    organisation = signed_organisation(compact, name=name)
    user = factories.champion_user(organisation=organisation, username=username or name.lower().replace(" ", "-"))
    return organisation, user
