"""Reads for self-assessment rounds: who takes part, how far each signatory has got, the response by day."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from signatories.models import Champion
from signatories.selectors import active_signatories

from ..models import Assessment, AssessmentStatus
from ..selectors import completed_factor_counts
from .models import DeadlineExtension, Round, RoundStatus

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
SUBMITTED = "submitted"
LATE = "late"
STATES = [(NOT_STARTED, "Not started"), (IN_PROGRESS, "In progress"), (SUBMITTED, "Submitted"), (LATE, "Late")]
STATE_LABELS = dict(STATES)
RESPONDED = (SUBMITTED, LATE)


def rounds_for(*, compact):
    """The compact's rounds, newest year first."""
    if compact is None:
        return Round.objects.none()
    return Round.objects.filter(compact=compact).order_by("-year")


def open_round(*, compact):
    """The compact's open round (the newest, should there be more than one), or None."""
    if compact is None:
        return None
    return Round.objects.filter(compact=compact, status=RoundStatus.OPEN).order_by("-year").first()


def extended_deadlines(round_):
    """{organisation id: its own later deadline} for the round, in one query."""
    return dict(DeadlineExtension.objects.filter(round=round_).values_list("organisation_id", "deadline"))


def is_late(*, submitted_at, deadline):
    """A submission is late when it came after the (organisation's) deadline, in UK time."""
    return submitted_at is not None and timezone.localdate(submitted_at) > deadline


@dataclass
class Response:
    """An organisation's assessment in the round, as much of it as the round's page needs."""

    pk: int
    status: str
    submitted_at: datetime.datetime | None

    def get_absolute_url(self):
        return reverse("success_factors:assessment_detail", args=[self.pk])


@dataclass
class Progress:
    organisation: object
    state: str
    deadline: datetime.date
    extended: bool
    assessment: Response | Assessment | None = None
    factors_done: int = 0

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def has_responded(self):
        return self.state in RESPONDED


def round_progress(round_):
    """Every current signatory's progress in the round, by organisation name, in a fixed number of queries.

    Not started (no assessment), in progress (a draft, with how many of the seven factors are done),
    submitted, or late (submitted after the organisation's deadline, which an extension may move).
    """
    organisations = list(active_signatories(compact=round_.compact).only("pk", "name").order_by("name", "pk"))
    # Plain rows, not model instances: a round of 1,000 organisations builds a thousand of these per look.
    assessments = {
        organisation_id: Response(pk, status, submitted_at)
        for pk, organisation_id, status, submitted_at in Assessment.objects.filter(
            compact=round_.compact, round=round_.year
        ).values_list("pk", "organisation_id", "status", "submitted_at")
    }
    drafts = [a for a in assessments.values() if a.status == AssessmentStatus.DRAFT]
    done = completed_factor_counts(drafts) if drafts else {}
    extensions = extended_deadlines(round_)
    rows = []
    for organisation in organisations:
        deadline = extensions.get(organisation.pk, round_.deadline)
        assessment = assessments.get(organisation.pk)
        if assessment is None:
            state = NOT_STARTED
        elif assessment.status == AssessmentStatus.DRAFT:
            state = IN_PROGRESS
        elif is_late(submitted_at=assessment.submitted_at, deadline=deadline):
            state = LATE
        else:
            state = SUBMITTED
        rows.append(Progress(organisation, state, deadline, organisation.pk in extensions, assessment,
                             done.get(assessment.pk, 0) if assessment else 0))
    return rows


def progress_counts(rows):
    counts = {state: 0 for state, _ in STATES}
    for row in rows:
        counts[row.state] += 1
    responded = counts[SUBMITTED] + counts[LATE]
    total = len(rows)
    return {
        "by_state": [(state, label, counts[state]) for state, label in STATES],
        "responded": responded,
        "total": total,
        "rate": round(100 * responded / total) if total else 0,
    }


def filter_progress(rows, *, state="", name=""):
    name = name.strip().lower()
    return [
        row for row in rows
        if (not state or row.state == state) and (not name or name in row.organisation.name.lower())
    ]


def response_by_day(round_, *, today=None):
    """[(day, organisations responded by the end of that day, % of current signatories)] from the day the
    round opened to today (an open round) or its deadline, or its last submission if later (a closed one)."""
    today = today or timezone.localdate()
    signatories = active_signatories(compact=round_.compact)
    total = signatories.count()
    submitted = sorted(
        timezone.localdate(moment)
        for moment in Assessment.objects.filter(
            compact=round_.compact, round=round_.year, status=AssessmentStatus.SUBMITTED,
            organisation__in=signatories,
        ).values_list("submitted_at", flat=True)
    )
    if round_.is_planned:
        return []
    end = today if round_.is_open else max([round_.deadline] + submitted[-1:])
    end = min(end, today)
    days = []
    day, index, responded = round_.opens_on, 0, 0
    while day <= end:
        while index < len(submitted) and submitted[index] <= day:
            index += 1
        responded = index
        days.append((day, responded, round(100 * responded / total) if total else 0))
        day += datetime.timedelta(days=1)
    return days


def who_cannot_be_asked(*, compact):
    """Before opening a round: the current signatories with no active champion, and the active champions of
    signatories who have no (working) login, so cannot be emailed a link to the self-assessment."""
    signatories = active_signatories(compact=compact)
    without_champion = signatories.exclude(
        Exists(Champion.objects.filter(organisation=OuterRef("pk"), stood_down_on__isnull=True))
    ).order_by("name")
    without_login = (
        Champion.objects.filter(stood_down_on__isnull=True, organisation__in=signatories)
        .filter(Q(user__isnull=True) | Q(user__is_active=False))
        .select_related("organisation")
        .order_by("organisation__name", "name")
    )
    return {"without_champion": list(without_champion), "without_login": list(without_login)}


def champions_to_ask(*, compact, organisations=None):
    """Active champions with a working login, of current signatories (or of ``organisations``)."""
    signatories = active_signatories(compact=compact)
    if organisations is not None:
        signatories = signatories.filter(pk__in=[o.pk for o in organisations])
    return (
        Champion.objects.filter(
            stood_down_on__isnull=True, organisation__in=signatories, user__isnull=False, user__is_active=True
        )
        .select_related("user", "organisation")
        .order_by("organisation__name", "name")
    )


def round_for_champion(*, compact, organisation, today=None):
    """For a champion's home page: the open round, their organisation's deadline and where it is, or None."""
    round_ = open_round(compact=compact)
    if round_ is None or organisation is None:
        return None
    extension = DeadlineExtension.objects.filter(round=round_, organisation=organisation).first()
    deadline = extension.deadline if extension else round_.deadline
    assessment = Assessment.objects.filter(compact=compact, organisation=organisation, round=round_.year).first()
    done = 0
    if assessment is None:
        state = NOT_STARTED
    elif assessment.status == AssessmentStatus.DRAFT:
        state = IN_PROGRESS
        done = completed_factor_counts([assessment])[assessment.pk]
    else:
        state = LATE if is_late(submitted_at=assessment.submitted_at, deadline=deadline) else SUBMITTED
    today = today or timezone.localdate()
    return {
        "round": round_,
        "progress": Progress(organisation, state, deadline, extension is not None, assessment, done),
        "days_left": (deadline - today).days,
    }


def round_summaries(*, compact):
    """The compact's rounds with how many signatories have submitted for each, newest first (two queries)."""
    rounds = list(rounds_for(compact=compact))
    if not rounds:
        return []
    submitted = dict(
        Assessment.objects.filter(
            compact=compact, status=AssessmentStatus.SUBMITTED, organisation__in=active_signatories(compact=compact)
        ).values_list("round").annotate(n=Count("id")).order_by()
    )
    return [(round_, submitted.get(round_.year, 0)) for round_ in rounds]
