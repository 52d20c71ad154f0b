"""Demo pledges: 25 signatories pledge for this financial year and last, most giving a little more time this year.

The demo champion's organisation (the CVS) has pledged nothing yet, so signing in as ``champion`` shows how one is
recorded, and it is among the signatories with no pledge.
"""

import random
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import User

from ..models import Compact, Organisation, Sector
from ..selectors import active_signatories
from . import services
from .models import financial_year_of

PLEDGING = 25
ROLES = {
    Sector.STATUTORY: [("Compact lead officer", 8), ("Commissioning manager", 3), ("Director sponsor", 1)],
    Sector.VOLUNTARY: [("Compact champion", 4), ("Chief executive", 1), ("Volunteer coordinator", 2)],
    Sector.OTHER: [("Compact champion", 3), ("Partnerships manager", 2)],
}
BUDGETS = {
    Sector.STATUTORY: ("Partnerships and communities budget", 2500),
    Sector.VOLUNTARY: ("Core costs", 150),
    Sector.OTHER: ("Community engagement budget", 500),
}
IN_KIND = [
    "Meeting rooms for the Compact forum",
    "Printing the Compact leaflet",
    "Staff time at the Compact awards",
    "",
]


def create_pledges(*, compact: Compact, rng: random.Random, anchor: date, officer: User, skip_organisation: str) -> int:
    """Pledges from ``PLEDGING`` signatories for last financial year and this one; returns how many were made."""
    this_year = financial_year_of(anchor)
    pledging = list(active_signatories(compact=compact).exclude(name=skip_organisation).distinct().order_by("name"))
    made = 0
    for organisation in rng.sample(pledging, min(PLEDGING, len(pledging))):
        for year, more in ((this_year - 1, 0), (this_year, rng.choice([0, 1, 1, 2]))):
            _pledge(compact, organisation, year, more, rng, officer)
            made += 1
    return made


def _pledge(compact: Compact, organisation: Organisation, year: int, more: int, rng: random.Random, officer: User):
    roles = ROLES[Sector(organisation.sector)]
    chosen = roles[: rng.randint(1, len(roles))]
    line, amount = BUDGETS[Sector(organisation.sector)]
    services.save_pledge(
        by=officer,
        compact=compact,
        organisation=organisation,
        year=year,
        agreed_by=rng.choice(["Chief executive", "Board of trustees", "Director of communities", "Senior leadership"]),
        in_kind=rng.choice(IN_KIND),
        roles=[(role, Decimal(hours + (more if number == 0 else 0))) for number, (role, hours) in enumerate(chosen)],
        money=[(line, Decimal(amount * rng.randint(1, 3)))] if rng.random() < 0.6 else [],
    )
