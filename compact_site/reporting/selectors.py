"""Reads of LSP reports for the pages and the dashboard."""

import datetime
from collections.abc import Collection
from typing import Any, TypedDict

from django.contrib.auth.models import User
from django.db.models import F, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from signatories.models import Compact
from signatories.roles import LSP_MEMBER, OFFICER, is_officer
from success_factors.models import Action, Factor
from success_factors.selectors import overdue_q

from .content import headlines
from .models import FROZEN_STATUSES, Report, ReportStatus
from .periods import period_label, shift_keeping_month_end

TREND_REPORTS = 6


class TrendColumn(TypedDict):
    pk: int
    label: str
    round: str | None


class TrendRow(TypedDict):
    number: int
    title: str
    scores: list[float | None]


class ReportDue(TypedDict):
    due_on: datetime.date | None
    overdue: bool
    last_period_end: datetime.date | None
    every: int


def reports_for(user: User, *, compact: Compact | None) -> QuerySet[Report]:
    """The reports a person may see, newest period first: officers see drafts too; everyone else only
    published and superseded reports."""
    reports = (
        Report.objects.filter(compact=compact)
        .select_related("published_by", "supersedes")
        .prefetch_related(
            Prefetch("corrections", queryset=Report.objects.only("pk", "status", "published_at", "supersedes_id"))
        )
    )
    if not is_officer(user):
        reports = reports.filter(status__in=FROZEN_STATUSES)
    return reports.defer("snapshot", "supersedes__snapshot")


def visible_report(user: User, pk: int) -> Report:
    """The report, if this person may see it. A draft is "not found" to anyone but an officer."""
    reports = Report.objects.select_related("compact", "supersedes").defer("supersedes__snapshot")
    report = get_object_or_404(reports, pk=pk)
    if report.is_draft and not is_officer(user):
        raise Http404("No report here.")
    return report


def correction_of(report: Report) -> Report | None:
    """The report that corrects this one (published or still a draft), or None."""
    return report.corrections.only("pk", "status", "published_at", "title").first()


def latest_published(*, compact: Compact | None) -> Report | None:
    """The compact's newest published report (not superseded), or None."""
    if compact is None:
        return None
    return (
        Report.objects.filter(compact=compact, status=ReportStatus.PUBLISHED)
        .order_by("-period_end", "-published_at")
        .first()
    )


def factor_trend(*, compact: Compact | None, limit: int = TREND_REPORTS) -> tuple[list[TrendColumn], list[TrendRow]]:
    """The seven factor scores in each of the last ``limit`` published reports, oldest first.

    Returns (columns, rows): columns [{"pk", "label", "round"}], rows [{"number", "title", "scores": [...]}].
    Reads only the factor figures out of each snapshot, not the charts.
    """
    if compact is None:
        return [], []
    reports = list(
        Report.objects.filter(compact=compact, status=ReportStatus.PUBLISHED)
        .order_by("-period_end", "-published_at")
        .values("pk", "period_start", "period_end", factors=F("snapshot__figures__factors"))[:limit]
    )
    reports.reverse()
    columns: list[TrendColumn] = [
        {
            "pk": report["pk"],
            "label": period_label(report["period_start"], report["period_end"]),
            "round": (report["factors"] or {}).get("round"),
        }
        for report in reports
    ]
    rows: list[TrendRow] = [
        {"number": factor.number, "title": factor.title, "scores": []} for factor in Factor.objects.all()
    ]
    for report in reports:
        scores = {row["number"]: row["score"] for row in (report["factors"] or {}).get("rows", [])}
        for row in rows:
            row["scores"].append(scores.get(row["number"]))
    return columns, rows


def next_report_due(*, compact: Compact | None) -> ReportDue | None:
    """When the next report to the LSP is due, from the compact's reporting frequency.

    Returns {"due_on", "overdue", "last_period_end", "every"}; ``due_on`` is None before any report is published.
    """
    if compact is None:
        return None
    last_end = (
        Report.objects.filter(compact=compact, status__in=FROZEN_STATUSES)
        .order_by("-period_end")
        .values_list("period_end", flat=True)
        .first()
    )
    every = compact.report_every_months
    due_on = shift_keeping_month_end(last_end, every) if last_end else None
    return {
        "due_on": due_on,
        "overdue": bool(due_on and due_on < timezone.localdate()),
        "last_period_end": last_end,
        "every": every,
    }


def open_concern_count(*, compact: Compact | None) -> int | None:
    """Concerns still open, from the wins app once it records them; None until then."""
    try:
        from wins.concerns.selectors import open_concerns_count
    except ImportError:
        return None
    return open_concerns_count(compact=compact)


def dashboard_context(*, roles: Collection[str], compact: Compact | None) -> dict[str, Any]:
    """What the home page shows about reports: the latest report and the factor trend for LSP members,
    and for officers when the next report is due and what is waiting for them."""
    context: dict[str, Any] = {}
    if LSP_MEMBER in roles:
        latest = latest_published(compact=compact)
        context["latest_report"] = latest
        context["latest_report_content"] = latest.snapshot if latest else None
        context["latest_report_headlines"] = headlines(latest.snapshot) if latest else None
        context["report_trend_columns"], context["report_trend_rows"] = factor_trend(compact=compact)
    if OFFICER in roles:
        context["report_due"] = next_report_due(compact=compact)
        context["report_drafts"] = (
            list(Report.objects.filter(compact=compact, status=ReportStatus.DRAFT).only("pk", "title", "period_end"))
            if compact
            else []
        )
        context["overdue_actions"] = Action.objects.filter(overdue_q(), compact=compact).count() if compact else 0
        context["open_concerns"] = open_concern_count(compact=compact) if compact else None
    return context
