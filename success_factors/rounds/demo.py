"""Demo rounds: last year's, closed, and this year's, open with its deadline 10 days ahead, part-way through."""

import datetime

from django.utils import timezone

from signatories.selectors import active_signatories

from ..demo import demo_rounds
from ..models import Assessment, AssessmentStatus, FactorScore, Rating
from .models import DeadlineExtension, Round, RoundStatus

DAYS_OPEN = 35
DAYS_LEFT = 10


def create_rounds(*, compact, rng, anchor, officer):
    """Rounds for the demo's two years of self-assessments. This year's opened five weeks ago: most
    signatories have submitted, over those weeks; a few are part-way through and a few have not started."""
    last_year, this_year = demo_rounds(anchor)
    start = int(last_year[:4])
    Round.objects.create(
        compact=compact,
        year=last_year,
        opens_on=datetime.date(start, 5, 1),
        deadline=datetime.date(start, 6, 30),
        status=RoundStatus.CLOSED,
        opened_by=officer,
        closed_by=officer,
        opened_at=timezone.make_aware(datetime.datetime(start, 5, 1, 9)),
        closed_at=timezone.make_aware(datetime.datetime(start, 7, 31, 9)),
        summary_sent_on=datetime.date(start, 7, 1),
        message="Thank you for taking part in last year's self-assessment.",
    )
    opens_on = anchor - datetime.timedelta(days=DAYS_OPEN)
    current = Round.objects.create(
        compact=compact,
        year=this_year,
        opens_on=opens_on,
        deadline=anchor + datetime.timedelta(days=DAYS_LEFT),
        status=RoundStatus.OPEN,
        opened_by=officer,
        opened_at=timezone.make_aware(datetime.datetime.combine(opens_on, datetime.time(9))),
        message="This year we would especially like to hear how the Compact has helped with commissioning. "
        "Please involve a colleague from your finance or contracts team if you can.",
    )
    assessments = list(
        Assessment.objects.filter(compact=compact, round=this_year, status=AssessmentStatus.SUBMITTED).order_by(
            "organisation__name"
        )
    )
    rng.shuffle(assessments)
    in_progress, not_started, submitted = assessments[:5], assessments[5:8], assessments[8:]
    for assessment in submitted:
        day = opens_on + datetime.timedelta(days=rng.randrange(1, DAYS_OPEN))
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9 + rng.randrange(8))))
        Assessment.objects.filter(pk=assessment.pk).update(
            submitted_at=moment, updated_at=moment, created_at=moment - datetime.timedelta(days=7)
        )
    _back_to_draft(rng, in_progress, opens_on)
    for assessment in not_started:
        assessment.delete()
    waiting = active_signatories(compact=compact).exclude(assessments__round=this_year).order_by("name").first()
    if waiting is not None:
        DeadlineExtension.objects.create(
            round=current,
            organisation=waiting,
            deadline=current.deadline + datetime.timedelta(days=14),
            reason="Their chief executive has just changed; the new one wants to see it first.",
            granted_by=officer,
        )
    return 2


def _back_to_draft(rng, assessments, opens_on):
    """Drafts part-way through: some factors answered in full, the rest not yet."""
    for assessment in assessments:
        done = rng.randrange(1, 7)
        Rating.objects.filter(assessment=assessment, indicator__factor__number__gt=done).delete()
        FactorScore.objects.filter(assessment=assessment).delete()
        started = timezone.make_aware(
            datetime.datetime.combine(opens_on + datetime.timedelta(days=rng.randrange(1, 20)), datetime.time(10))
        )
        Assessment.objects.filter(pk=assessment.pk).update(
            status=AssessmentStatus.DRAFT, submitted_at=None, submitted_by=None, created_at=started, updated_at=started
        )
