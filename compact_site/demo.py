"""Demo data for a believable Local Compact: "Northbrook", a borough with a council, the NHS,
the police and fire service, a CVS and the voluntary and community groups around them.

Each concept makes its own demo in its own ``demo.py`` (the people in ``accounts/demo.py``, the register in
``signatories/demo.py``, …); ``load`` calls them in order with one random generator from a fixed seed and
dates relative to today, so the demo always looks current and two runs give the same register.
"""

import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from commitments.demo import create_consultations, create_funding, ended_contract
from representation.demo import create_representation
from signatories.demo import DEMO_CHAMPION_ORGANISATION, create_champions, create_endorsements, create_register
from signatories.models import Compact, Organisation
from signatories.pledges.demo import create_pledges
from success_factors.demo import create_actions, create_assessments
from success_factors.rounds.demo import create_rounds
from wins.concerns.demo import create_concerns, raise_concern_about
from wins.demo import create_wins

from .about.demo import fill_in_statements
from .accounts.demo import create_users
from .api.demo import create_demo_token
from .emails.demo import create_failed_email
from .invalidation import invalidate_everything
from .public.demo import open_public_site
from .reporting.committees.demo import CommitteesDemo
from .reporting.demo import create_reports

SEED = 2026


def database_is_empty():
    """True when nobody has used the database yet: no users, no compacts, no organisations."""
    return not (get_user_model().objects.exists() or Compact.objects.exists() or Organisation.objects.exists())


@transaction.atomic
def load(*, anchor=None):
    """Create the whole demo into an empty database; returns counts of what was made."""
    rng = random.Random(SEED)
    anchor = anchor or timezone.localdate()
    users = create_users()
    compact, organisations = create_register(rng=rng, anchor=anchor)
    counts = {
        "organisations": len(organisations),
        "champions": create_champions(
            rng=rng, anchor=anchor, organisations=organisations, champion_user=users["champion"]
        ),
        "endorsements": create_endorsements(rng=rng, anchor=anchor, compact=compact, organisations=organisations),
        "assessments": create_assessments(
            compact=compact,
            rng=rng,
            anchor=anchor,
            officer=users["officer"],
            skip_organisation=organisations[DEMO_CHAMPION_ORGANISATION],
        ),
        "rounds": create_rounds(compact=compact, rng=rng, anchor=anchor, officer=users["officer"]),
        "actions": create_actions(compact=compact, anchor=anchor, officer=users["officer"], owners=organisations),
        "wins": create_wins(
            compact=compact,
            rng=rng,
            anchor=anchor,
            officer=users["officer"],
            champion_user=users["champion"],
            organisations=organisations,
        ),
        "concerns": create_concerns(
            compact=compact,
            anchor=anchor,
            officer=users["officer"],
            champion_user=users["champion"],
            organisation=organisations[DEMO_CHAMPION_ORGANISATION],
        ),
    }
    counts["emails not sent"] = create_failed_email(anchor=anchor)
    counts["consultations"] = create_consultations(
        compact=compact, anchor=anchor, officer=users["officer"], organisations=organisations
    )
    counts["funding decisions"] = create_funding(
        compact=compact, anchor=anchor, officer=users["officer"], organisations=organisations
    )
    raise_concern_about(
        decision=ended_contract(),
        anchor=anchor,
        champion_user=users["champion"],
        organisation=organisations[DEMO_CHAMPION_ORGANISATION],
    )
    counts["concerns"] += 1
    counts.update(
        create_representation(compact=compact, rng=rng, anchor=anchor, users=users, organisations=organisations)
    )
    counts["pledges"] = create_pledges(
        compact=compact, rng=rng, anchor=anchor, officer=users["officer"], skip_organisation=DEMO_CHAMPION_ORGANISATION
    )
    # Last, so the reports' snapshots hold everything above; the committees receive each report as it is published.
    committees = CommitteesDemo(compact=compact, officer=users["officer"], anchor=anchor)
    counts["reports"] = create_reports(
        compact=compact, officer=users["officer"], anchor=anchor, on_publish=committees.report_published
    )
    counts["recommendations"] = committees.finish()
    counts.update(open_public_site(compact=compact, officer=users["officer"]))
    counts.update(fill_in_statements(officer=users["officer"], anchor=anchor))
    counts["API tokens"] = create_demo_token(officer=users["officer"])
    invalidate_everything()  # the demos write in bulk too (bulk_create and update send no signals)
    return counts
