"""Reads for self-assessment rounds: who takes part, how far each signatory has got, the response by day."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Case, Count, Exists, F, FilteredRelation, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone

from signatories import caching
from signatories.models import Champion, Compact, Organisation
from signatories.selectors import active_signatories

from ..models import Assessment, AssessmentStatus
from ..percentages import percent
from ..selectors import completed_factor_counts
from .models import DeadlineExtension, Round, RoundStatus

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
SUBMITTED = "submitted"
LATE = "late"
STATES = [(NOT_STARTED, "Not started"), (IN_PROGRESS, "In progress"), (SUBMITTED, "Submitted"), (LATE, "Late")]
STATE_LABELS = dict(STATES)
RESPONDED = (SUBMITTED, LATE)


class ProgressAnnotations(TypedDict):
    """What ``progress_queryset`` adds to each signatory."""

    assessment_pk: int | None
    assessment_status: str | None
    submitted_at: datetime.datetime | None
    extended_deadline: datetime.date | None
    state: str


class ProgressCounts(TypedDict):
    by_state: list[tuple[str, str, int]]
    responded: int
    total: int
    rate: int


# A day of a round: (the day, organisations responded by its end, % of the current signatories).
DayResponse = tuple[datetime.date, int, int]


def rounds_for(*, compact: Compact | None) -> QuerySet[Round]:
    """The compact's rounds, newest year first."""
    if compact is None:
        return Round.objects.none()
    return Round.objects.filter(compact=compact).order_by("-year")


def open_round(*, compact: Compact | None) -> Round | None:
    """The compact's open round (the newest, should there be more than one), or None."""
    if compact is None:
        return None
    return Round.objects.filter(compact=compact, status=RoundStatus.OPEN).order_by("-year").first()


def extended_deadlines(round_: Round) -> dict[int, datetime.date]:
    """{organisation id: its own later deadline} for the round, in one query."""
    return dict(DeadlineExtension.objects.filter(round=round_).values_list("organisation_id", "deadline"))


def is_late(*, submitted_at: datetime.datetime | None, deadline: datetime.date) -> bool:
    """A submission is late when it came after the (organisation's) deadline, in UK time."""
    return submitted_at is not None and timezone.localdate(submitted_at) > deadline


@dataclass
class Response:
    """An organisation's assessment in the round, as much of it as the round's page needs."""

    pk: int
    status: str
    submitted_at: datetime.datetime | None

    def get_absolute_url(self) -> str:
        return reverse("success_factors:assessment_detail", args=[self.pk])


@dataclass
class Progress:
    organisation: Organisation
    state: str
    deadline: datetime.date
    extended: bool
    assessment: Response | Assessment | None = None
    factors_done: int = 0

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def has_responded(self) -> bool:
        return self.state in RESPONDED


def progress_queryset(round_: Round) -> "QuerySet[WithAnnotations[Organisation, ProgressAnnotations]]":
    """The current signatories, each annotated with its progress in the round, for filtering, counting and paging
    in the database: ``assessment_pk``, ``assessment_status``, ``submitted_at``, ``extended_deadline`` and
    ``state``.

    Not started (no assessment), in progress (a draft), submitted, or late (submitted, in UK time, after the
    organisation's deadline, which an extension may move). One row per organisation: it has one assessment per
    round and at most one extension.
    """
    deadline = Coalesce(F("extension__deadline"), Value(round_.deadline))
    return (
        active_signatories(compact=round_.compact)
        .annotate(
            this_round=FilteredRelation(
                "assessments", condition=Q(assessments__compact=round_.compact, assessments__round=round_.year)
            ),
            extension=FilteredRelation("deadline_extensions", condition=Q(deadline_extensions__round=round_)),
        )
        .annotate(
            assessment_pk=F("this_round__pk"),
            assessment_status=F("this_round__status"),
            submitted_at=F("this_round__submitted_at"),
            extended_deadline=F("extension__deadline"),
            state=Case(
                When(this_round__pk__isnull=True, then=Value(NOT_STARTED)),
                When(this_round__status=AssessmentStatus.DRAFT, then=Value(IN_PROGRESS)),
                When(this_round__submitted_at__date__gt=deadline, then=Value(LATE)),
                default=Value(SUBMITTED),
            ),
        )
    )


def filter_progress(
    queryset: "QuerySet[WithAnnotations[Organisation, ProgressAnnotations]]", *, state: str = "", name: str = ""
) -> "QuerySet[WithAnnotations[Organisation, ProgressAnnotations]]":
    """``progress_queryset`` narrowed to one state and to names containing ``name``, by name."""
    if state:
        queryset = queryset.filter(state=state)
    if name.strip():
        queryset = queryset.filter(name__icontains=name.strip())
    return queryset.order_by("name", "pk")


def progress_rows(
    organisations: "Iterable[WithAnnotations[Organisation, ProgressAnnotations]]", round_: Round
) -> list[Progress]:
    """``Progress`` for annotated signatories (``progress_queryset``'s rows): one more query for how far the
    drafts among them have got."""
    organisations = list(organisations)
    # A row has its assessment's pk and status together, or neither (one LEFT JOIN), a link between the annotations
    # their types cannot carry; and a row with no assessment looks up None in ``done`` and finds 0. Hence the ignores.
    drafts = [
        Response(o.assessment_pk, o.assessment_status, o.submitted_at)  # type: ignore[arg-type]
        for o in organisations
        if o.state == IN_PROGRESS
    ]
    done = completed_factor_counts(drafts) if drafts else {}
    rows = []
    for organisation in organisations:
        assessment = None
        if organisation.assessment_pk is not None:
            assessment = Response(
                organisation.assessment_pk,
                organisation.assessment_status,  # type: ignore[arg-type]
                organisation.submitted_at,
            )
        rows.append(
            Progress(
                organisation,
                organisation.state,
                organisation.extended_deadline or round_.deadline,
                organisation.extended_deadline is not None,
                assessment,
                done.get(organisation.assessment_pk, 0),  # type: ignore[arg-type]
            )
        )
    return rows


def round_progress(round_: Round) -> list[Progress]:
    """Every current signatory's progress in the round, by organisation name, in two queries."""
    return progress_rows(filter_progress(progress_queryset(round_)).only("pk", "name"), round_)


def _summary(counts):
    responded = counts.get(SUBMITTED, 0) + counts.get(LATE, 0)
    total = sum(counts.values())
    return {
        "by_state": [(state, label, counts.get(state, 0)) for state, label in STATES],
        "responded": responded,
        "total": total,
        "rate": percent(responded, total) or 0,
    }


def progress_counts(rows: Iterable[Progress]) -> ProgressCounts:
    """How many of ``rows`` are in each state, how many responded, out of how many, and the rate."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.state] = counts.get(row.state, 0) + 1
    return _summary(counts)


def count_progress(round_: Round) -> ProgressCounts:
    """``progress_counts`` for the whole round, counted in the database in one query."""
    by_state = progress_queryset(round_).values_list("state").annotate(n=Count("pk")).order_by()
    return _summary(dict(by_state))


def round_figures(round_: Round, *, today: datetime.date | None = None) -> tuple[ProgressCounts, list[DayResponse]]:
    """The round's ``count_progress`` and ``response_by_day``. Both add up every signatory, so they are cached
    until an assessment, a signature or an organisation changes, or the round's dates or its extensions (read
    each time, in one small query) do."""
    today = today or timezone.localdate()
    extensions = sorted(extended_deadlines(round_).items())
    key = (
        f"round-figures:{round_.pk}:{round_.year}:{round_.status}:{round_.opens_on}:{round_.deadline}:"
        f"{today}:{extensions}"
    )

    def work_out():
        counts = count_progress(round_)
        return counts, response_by_day(round_, total=counts["total"], today=today)

    return caching.cached(key, [caching.SCORES, caching.REGISTER, caching.ROUNDS], work_out)


def response_by_day(round_: Round, *, total: int, today: datetime.date | None = None) -> list[DayResponse]:
    """[(day, organisations responded by the end of that day, % of the ``total`` current signatories)] from the
    day the round opened to today (an open round) or its deadline, or its last submission if later (a closed
    one). The submissions are counted by day in the database."""
    if round_.is_planned:
        return []
    today = today or timezone.localdate()
    per_day = dict(
        Assessment.objects.filter(
            compact=round_.compact,
            round=round_.year,
            status=AssessmentStatus.SUBMITTED,
            submitted_at__isnull=False,
            organisation__in=active_signatories(compact=round_.compact),
        )
        .annotate(day=TruncDate("submitted_at"))
        .values_list("day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    submitted = sorted(per_day)
    end = today if round_.is_open else max([round_.deadline] + submitted[-1:])
    end = min(end, today)
    before = sum(n for day, n in per_day.items() if day < round_.opens_on)
    days = []
    day, responded = round_.opens_on, before
    while day <= end:
        responded += per_day.get(day, 0)
        days.append((day, responded, percent(responded, total) or 0))
        day += datetime.timedelta(days=1)
    return days


PREVIEW = 10


def without_champion(*, compact: Compact | None) -> QuerySet[Organisation]:
    """The current signatories with no active champion, by name."""
    return (
        active_signatories(compact=compact)
        .exclude(Exists(Champion.objects.filter(organisation=OuterRef("pk"), stood_down_on__isnull=True)))
        .order_by("name", "pk")
    )


def without_login(*, compact: Compact | None) -> QuerySet[Champion]:
    """The active champions of current signatories who have no (working) login, by organisation and name."""
    return (
        Champion.objects.filter(stood_down_on__isnull=True, organisation__in=active_signatories(compact=compact))
        .filter(Q(user__isnull=True) | Q(user__is_active=False))
        .select_related("organisation")
        .order_by("organisation__name", "name", "pk")
    )


class OpeningFigures(TypedDict):
    signatory_count: int
    without_champion_count: int
    asked_organisations: int
    asked: int
    without_login_count: int
    without_champion: list[Organisation]
    without_login: list[Champion]


def opening_figures(*, compact: Compact | None) -> OpeningFigures:
    """Before opening a round: how many current signatories there are, how many champions will be asked and
    from how many of them, how many signatories have no active champion and how many champions no (working)
    login, with the first few of each. They add up the register, so they are cached until it or a login
    changes."""
    return caching.cached(
        f"round-opening:{getattr(compact, 'pk', None)}",
        [caching.REGISTER, caching.USERS],
        lambda: _opening_figures(compact),
    )


def _opening_figures(compact):
    champions = Champion.objects.filter(organisation=OuterRef("pk"), stood_down_on__isnull=True)
    organisations = active_signatories(compact=compact).aggregate(
        signatory_count=Count("pk"),
        without_champion_count=Count("pk", filter=~Exists(champions)),
        asked_organisations=Count("pk", filter=Exists(champions.filter(user__is_active=True))),
    )
    people = Champion.objects.filter(
        stood_down_on__isnull=True, organisation__in=active_signatories(compact=compact)
    ).aggregate(
        asked=Count("pk", filter=Q(user__is_active=True)),
        without_login_count=Count("pk", filter=Q(user__isnull=True) | Q(user__is_active=False)),
    )
    return {
        **organisations,
        **people,
        "without_champion": list(without_champion(compact=compact)[:PREVIEW]),
        "without_login": list(without_login(compact=compact)[:PREVIEW]),
    }


def organisations_to_ask(*, compact: Compact | None) -> QuerySet[Organisation]:
    """The current signatories with an active champion who has a working login, by name."""
    return (
        active_signatories(compact=compact)
        .filter(
            Exists(
                Champion.objects.filter(organisation=OuterRef("pk"), stood_down_on__isnull=True, user__is_active=True)
            )
        )
        .order_by("name", "pk")
    )


def champions_to_ask(
    *, compact: Compact | None, organisations: Iterable[Organisation] | None = None
) -> QuerySet[Champion]:
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


class ChampionRound(TypedDict):
    round: Round
    progress: Progress
    days_left: int


def round_for_champion(
    *, compact: Compact | None, organisation: Organisation | None, today: datetime.date | None = None
) -> ChampionRound | None:
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


def round_summaries(*, compact: Compact | None) -> list[tuple[Round, int]]:
    """The compact's rounds with how many signatories have submitted for each, newest first (two queries)."""
    rounds = list(rounds_for(compact=compact))
    if not rounds:
        return []
    submitted = dict(
        Assessment.objects.filter(
            compact=compact, status=AssessmentStatus.SUBMITTED, organisation__in=active_signatories(compact=compact)
        )
        .values_list("round")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [(round_, submitted.get(round_.year, 0)) for round_ in rounds]
