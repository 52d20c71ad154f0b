"""Reading committees, the reports sent to them and their recommendations. Each function makes a fixed number of
queries however many committees, meetings and recommendations there are."""

import datetime
from collections import defaultdict
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, Prefetch, Q, QuerySet

from signatories.models import Champion, Compact

from ..models import Report
from .models import Committee, CommitteeMeeting, Recommendation, ReportSent, Response

RECOMMENDATIONS_LISTED = 50
OVERDUE_LISTED = 5


def awaiting_q() -> Q:
    return Q(response="")


def overdue_q(today: datetime.date) -> Q:
    return Q(response="", response_due_on__lt=today)


def committees_for(*, compact: Compact | None, today: datetime.date) -> QuerySet[Committee]:
    """A compact's committees, the LSP first, each with its meetings, recommendations, those awaiting a response
    and those overdue counted."""
    return (
        Committee.objects.filter(compact=compact)
        .annotate(
            meeting_count=Count("meetings", distinct=True),
            recommendation_count=Count("recommendations", distinct=True),
            awaiting_count=Count("recommendations", filter=Q(recommendations__response=""), distinct=True),
            overdue_count=Count(
                "recommendations",
                filter=Q(recommendations__response="", recommendations__response_due_on__lt=today),
                distinct=True,
            ),
        )
        .order_by("name", "pk")
    )


def _with_details(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    return recommendations.select_related("report", "committee", "responder_organisation", "action")


def committee_meetings(*, committee: Committee) -> list[CommitteeMeeting]:
    """A committee's meetings, newest first, each with the reports sent to it."""
    sent = ReportSent.objects.select_related("report").order_by("report__period_end", "pk")
    return list(committee.meetings.prefetch_related(Prefetch("reports_sent", queryset=sent)).order_by("-held_on"))


def committee_recommendations(*, committee: Committee) -> QuerySet[Recommendation]:
    return _with_details(committee.recommendations.all()).order_by("-made_on", "-pk")


def report_sendings(*, report: Report) -> QuerySet[ReportSent]:
    """The committee meetings a report was sent to, soonest first."""
    return (
        ReportSent.objects.filter(report=report).select_related("meeting__committee").order_by("meeting__held_on", "pk")
    )


def report_recommendations(*, report: Report) -> QuerySet[Recommendation]:
    return _with_details(Recommendation.objects.filter(report=report)).order_by("made_on", "pk")


def sent_committees(*, report: Report) -> QuerySet[Committee]:
    """The committees a report was sent to: those that may make recommendations about it."""
    return Committee.objects.filter(meetings__reports_sent__report=report).distinct().order_by("name")


def meetings_for(*, compact: Compact | None) -> QuerySet[CommitteeMeeting]:
    """Every meeting of a compact's committees, newest first, with its committee: what a report can be sent to."""
    return (
        CommitteeMeeting.objects.filter(committee__compact=compact)
        .select_related("committee")
        .order_by("-held_on", "committee__name")
    )


STATES = {
    "awaiting": ("Awaiting a response", awaiting_q),
    "overdue": ("Response overdue", overdue_q),
    "answered": ("Responded to", lambda today=None: ~awaiting_q()),
}


def recommendations(*, compact: Compact | None, today: datetime.date, state: str = "") -> QuerySet[Recommendation]:
    """A compact's recommendations, those due soonest first; ``state`` one of ``STATES`` (else all)."""
    found = Recommendation.objects.filter(committee__compact=compact)
    if state == "awaiting":
        found = found.filter(awaiting_q())
    elif state == "overdue":
        found = found.filter(overdue_q(today))
    elif state == "answered":
        found = found.exclude(awaiting_q())
    return _with_details(found).order_by("response_due_on", "pk")


def overdue_responses(*, compact: Compact | None, today: datetime.date) -> dict[str, Any]:
    """For officers' home page: how many responses are overdue, and the longest overdue few."""
    overdue = _with_details(Recommendation.objects.filter(overdue_q(today), committee__compact=compact))
    listed = list(overdue.order_by("response_due_on", "pk")[:OVERDUE_LISTED])
    return {"count": overdue.count() if len(listed) == OVERDUE_LISTED else len(listed), "listed": listed}


def response_digests(*, today: datetime.date) -> dict[User, list[Recommendation]]:
    """{user: [overdue recommendations]} for every active champion (with a login) of an organisation that must
    respond to a recommendation whose response is overdue, in two queries."""
    overdue = list(_with_details(Recommendation.objects.filter(overdue_q(today))).order_by("response_due_on", "pk"))
    by_organisation: defaultdict[int, list[Recommendation]] = defaultdict(list)
    for recommendation in overdue:
        by_organisation[recommendation.responder_organisation_id].append(recommendation)
    digests: dict[User, list[Recommendation]] = {}
    champions = Champion.objects.filter(
        organisation_id__in=list(by_organisation), stood_down_on__isnull=True, user__is_active=True
    ).select_related("user")
    for champion in champions.order_by("pk"):
        user = champion.user
        if user is None or not user.email:
            continue
        digests.setdefault(user, []).extend(by_organisation[champion.organisation_id])
    return digests


COUNTED = ("received", "responded", "open", "overdue", *Response.values)


def _period_counts(start: datetime.date, end: datetime.date) -> dict[str, Count]:
    still_open = Q(responded_on__isnull=True) | Q(responded_on__gt=end)
    return {
        "received": Count("pk", filter=Q(made_on__range=(start, end))),
        "responded": Count("pk", filter=Q(responded_on__range=(start, end))),
        "open": Count("pk", filter=Q(made_on__lte=end) & still_open),
        "overdue": Count("pk", filter=Q(response_due_on__lt=end) & still_open),
        **{value: Count("pk", filter=Q(response=value, responded_on__range=(start, end))) for value in Response.values},
    }


def scrutiny_figures(*, compact: Compact, periods: dict[str, tuple[datetime.date, datetime.date]]) -> dict[str, Any]:
    """A report's "Scrutiny": the committees' recommendations received in each period, responded to in it (and
    how), still open and overdue at its end, in all and per committee, JSON-ready for the snapshot to freeze.
    One query a period, however many committees."""
    committees = list(Committee.objects.filter(compact=compact).order_by("name", "pk"))
    rows = {committee.pk: {key: {name: 0 for name in periods} for key in COUNTED} for committee in committees}
    for name, (start, end) in periods.items():
        counted = (
            Recommendation.objects.filter(committee__compact=compact)
            .values("committee_id")
            .annotate(**_period_counts(start, end))
            .order_by()
        )
        for row in counted:
            found: dict[str, Any] = dict(row)
            for key in COUNTED:
                rows[found["committee_id"]][key][name] = found[key]
    total = {key: {name: sum(row[key][name] for row in rows.values()) for name in periods} for key in COUNTED}
    return {
        "total": total,
        "responses": [{"value": value, "label": label} for value, label in Response.choices],
        "by_committee": [
            {"name": committee.name, "kind": committee.get_kind_display(), **rows[committee.pk]}
            for committee in committees
        ],
    }


def public_committees(*, compact: Compact | None) -> list[dict[str, Any]]:
    """The committees with their recommendations and responses, for the public site and the API: no person named,
    only the body that must respond."""
    recommendations_of = Prefetch(
        "recommendations",
        queryset=Recommendation.objects.select_related("responder_organisation", "report").order_by("-made_on", "-pk"),
    )
    committees = Committee.objects.filter(compact=compact).prefetch_related(recommendations_of).order_by("name", "pk")
    return [
        {"committee": committee, "recommendations": list(committee.recommendations.all())} for committee in committees
    ]
