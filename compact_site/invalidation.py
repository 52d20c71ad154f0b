"""Which model changes invalidate which cached data: the one table (``signatories.caching``).

Each row names a model and the kinds of data whose cache versions a save or delete of one of its rows (or, for
a many-to-many table, a change to its links) invalidates. A new model that a cached page or figure reads needs
one row here; ``tests/compact_site/test_invalidation.py`` fails for a cached page that reads a model missing
from its kinds. Writes that send no signal (bulk imports, ``QuerySet.update``) invalidate in the service that
makes them.
"""

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save

from commitments.consultations.models import Consultation
from commitments.funding.models import FundingDecision
from commitments.models import Check, Commitment
from representation.models import Board, Meeting, Membership, Network, ReportBack, Seat, Term
from signatories.caching import (
    COMMITMENTS,
    COMPACT,
    CONCERNS,
    FACTORS,
    KINDS,
    PLEDGES,
    PUBLIC_SITE,
    REGISTER,
    REPORTS,
    REPRESENTATION,
    ROUNDS,
    SCORES,
    SCRUTINY,
    USERS,
    WINS,
    invalidate,
)
from signatories.models import (
    Champion,
    Compact,
    Endorsement,
    Organisation,
    Pledge,
    PledgedMoney,
    PledgedRole,
    Signature,
)
from success_factors.models import Action, Assessment, Factor, FactorScore, Indicator, Rating
from success_factors.rounds.models import DeadlineExtension, Round
from wins.concerns.models import Concern
from wins.models import Win

from .about.models import StatementSettings
from .public.models import PublicSiteSettings
from .reporting.committees.models import Committee, CommitteeMeeting, Recommendation, ReportSent
from .reporting.models import Report

INVALIDATES: dict[type[models.Model], tuple[str, ...]] = {
    Compact: (COMPACT,),
    Organisation: (REGISTER,),
    Signature: (REGISTER,),
    Champion: (REGISTER,),
    Endorsement: (REGISTER,),
    get_user_model(): (USERS,),
    Assessment: (SCORES,),
    Rating: (SCORES,),
    FactorScore: (SCORES,),
    Factor: (FACTORS,),
    Indicator: (FACTORS,),
    Action: (FACTORS,),
    Round: (ROUNDS,),
    DeadlineExtension: (ROUNDS,),
    Win: (WINS,),
    Win.factors.through: (WINS,),
    Win.organisations.through: (WINS,),
    Concern: (CONCERNS,),
    Commitment: (COMMITMENTS,),
    Consultation: (COMMITMENTS,),
    FundingDecision: (COMMITMENTS,),
    FundingDecision.organisations_funded.through: (COMMITMENTS,),
    Check: (COMMITMENTS,),
    Report: (REPORTS,),
    Report.highlighted_wins.through: (REPORTS,),
    PublicSiteSettings: (PUBLIC_SITE,),
    StatementSettings: (PUBLIC_SITE,),
    Network: (REPRESENTATION,),
    Membership: (REPRESENTATION,),
    Board: (REPRESENTATION,),
    Meeting: (REPRESENTATION,),
    Seat: (REPRESENTATION,),
    Term: (REPRESENTATION,),
    ReportBack: (REPRESENTATION,),
    Pledge: (PLEDGES,),
    PledgedRole: (PLEDGES,),
    PledgedMoney: (PLEDGES,),
    Committee: (SCRUTINY,),
    CommitteeMeeting: (SCRUTINY,),
    ReportSent: (SCRUTINY,),
    Recommendation: (SCRUTINY,),
}


def invalidate_everything() -> None:
    """Invalidate every kind of cached data: after a bulk import, or any write that sends no signal."""
    invalidate(*KINDS)


def _receiver(kinds):
    def receive(sender, **kwargs):
        invalidate(*kinds)

    return receive


def connect() -> None:
    """Connect the table: each model's saves, deletes and link changes invalidate its kinds."""
    for model, kinds in INVALIDATES.items():
        receive = _receiver(kinds)
        uid = f"invalidate-{model._meta.label}"
        if model._meta.auto_created:  # a many-to-many table: its links change through m2m_changed
            m2m_changed.connect(receive, sender=model, weak=False, dispatch_uid=uid)
        else:
            post_save.connect(receive, sender=model, weak=False, dispatch_uid=f"{uid}-save")
            post_delete.connect(receive, sender=model, weak=False, dispatch_uid=f"{uid}-delete")
