"""Changes to LSP reports. Each function checks that an officer is acting and that the move is allowed.

A report is a draft until it is published; publishing freezes its content in the snapshot and it is
never edited again. A correction is a new draft that supersedes the published report; publishing the
correction marks the old report superseded. Both stay readable.
"""

import datetime
from collections.abc import Iterable
from typing import Any, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from notifications import kinds
from notifications.services import queue_email
from signatories.models import Compact
from signatories.roles import LSP_MEMBER, is_officer
from wins.models import Win
from wins.selectors import published_wins

from .content import build_content
from .models import Report, ReportStatus
from .periods import period_label, timestamp_range

DEFAULT_HIGHLIGHTS = 3
MOST_HIGHLIGHTS = 6
PERIOD_ORDER = "The end of the period must be the same as or after the start"
NOT_A_DRAFT = "This report has been published, so it cannot be changed. Publish a correction instead."


def _check_officer(by):
    if not is_officer(by):
        raise PermissionDenied("Only Compact officers prepare and publish reports to the LSP.")


def _check_period(start, end):
    if start > end:
        raise ValidationError({"end": PERIOD_ORDER})


def _draft(report):
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not report.is_draft:
        raise ValidationError(NOT_A_DRAFT)
    return report


def default_title(start: datetime.date, end: datetime.date) -> str:
    return f"Compact report to the LSP: {period_label(start, end)}"


def wins_published_in(*, compact: Compact, start: datetime.date, end: datetime.date) -> QuerySet[Win]:
    """A compact's wins published from ``start`` to ``end`` (dates, both included), most recently published first."""
    published_from, published_before = timestamp_range(start, end)
    return (
        published_wins(compact=compact)
        .filter(published_at__gte=published_from, published_at__lt=published_before)
        .order_by("-published_at", "-id")
    )


def _default_highlights(report):
    return wins_published_in(compact=report.compact, start=report.period_start, end=report.period_end)[
        :DEFAULT_HIGHLIGHTS
    ]


@transaction.atomic
def create_report(*, compact: Compact, start: datetime.date, end: datetime.date, by: User, title: str = "") -> Report:
    """Start a draft report on ``compact`` for a period, highlighting the three wins most recently published in it."""
    _check_officer(by)
    _check_period(start, end)
    report = Report.objects.create(
        compact=compact,
        title=(title or "").strip() or default_title(start, end),
        period_start=start,
        period_end=end,
        created_by=by,
    )
    report.highlighted_wins.set(_default_highlights(report))
    return report


@transaction.atomic
def update_report(
    *,
    report: Report,
    by: User,
    title: str,
    summary: str = "",
    issues: str = "",
    recommendations: str = "",
    highlighted_wins: Iterable[Win] = (),
) -> Report:
    """Change a draft's title, commentary and highlighted wins (wins published in the report's period only)."""
    _check_officer(by)
    report = _draft(report)
    chosen = list(highlighted_wins)
    if len(chosen) > MOST_HIGHLIGHTS:
        raise ValidationError({"highlighted_wins": f"Choose no more than {MOST_HIGHLIGHTS} wins to highlight"})
    allowed = wins_published_in(compact=report.compact, start=report.period_start, end=report.period_end)
    if len(chosen) != allowed.filter(pk__in=[win.pk for win in chosen]).count():
        raise ValidationError({"highlighted_wins": "Choose wins published in the report's period"})
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": "Enter a title for the report"})
    report.title = title
    report.summary = summary.strip()
    report.issues = issues.strip()
    report.recommendations = recommendations.strip()
    report.save()
    report.highlighted_wins.set(chosen)
    return report


@transaction.atomic
def change_period(*, report: Report, by: User, start: datetime.date, end: datetime.date) -> Report:
    """Move a draft to another period. Highlighted wins outside it are dropped; if none is left, the three
    most recent of the new period are chosen. A title that was the default follows the new period."""
    _check_officer(by)
    _check_period(start, end)
    report = _draft(report)
    if report.title == default_title(report.period_start, report.period_end):
        report.title = default_title(start, end)
    report.period_start, report.period_end = start, end
    report.save()
    kept = list(
        wins_published_in(compact=report.compact, start=start, end=end).filter(
            pk__in=report.highlighted_wins.values("pk")
        )
    )
    report.highlighted_wins.set(kept or _default_highlights(report))
    return report


def publish_problems(report: Report) -> list[str]:
    """What stops a draft being published, in words; empty when it can be."""
    problems = []
    if not report.summary.strip():
        problems.append("Write a summary for the LSP before publishing")
    return problems


@transaction.atomic
def publish_report(*, report: Report, by: User) -> Report:
    """Freeze a draft: store its figures, charts, highlighted wins and commentary, and publish it.

    A correction's publication marks the report it corrects as superseded.
    """
    _check_officer(by)
    report = _draft(report)
    problems = publish_problems(report)
    if problems:
        raise ValidationError(problems)
    corrected = None
    if report.supersedes_id:
        corrected = Report.objects.select_for_update().get(pk=report.supersedes_id)
        if corrected.status != ReportStatus.PUBLISHED:
            raise ValidationError("The report this corrects is no longer the published version.")
    report.snapshot = build_content(report, afresh=True)
    report.draft_figures = report.draft_figures_at = None
    report.status = ReportStatus.PUBLISHED
    report.published_at = timezone.now()
    report.published_by = by
    report.save()
    if corrected:
        corrected.status = ReportStatus.SUPERSEDED
        corrected.save(update_fields=["status", "updated_at"])
        if corrected.is_public:
            # The public site keeps showing this report: its corrected version takes its place there.
            corrected.is_public, report.is_public = False, True
            corrected.save(update_fields=["is_public"])
            report.save(update_fields=["is_public"])
    return report


@transaction.atomic
def make_public(*, report: Report, by: User, public: bool = True) -> Report:
    """An officer shows a published report on the public site, or takes it off (``public=False``)."""
    _check_officer(by)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if public and report.status != ReportStatus.PUBLISHED:
        raise ValidationError("Only the published version of a report can be shown on the public site.")
    if report.is_public != public:
        report.is_public = public
        report.save(update_fields=["is_public", "updated_at"])
    return report


@transaction.atomic
def start_correction(*, report: Report, by: User) -> Report:
    """A draft correcting a published report, with its period, title, commentary and highlights to edit.

    If a correction is already being drafted, that draft is returned instead of a second one.
    """
    _check_officer(by)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.PUBLISHED:
        raise ValidationError("Only the published version of a report can be corrected.")
    existing = report.corrections.first()
    if existing:
        return existing
    correction = Report.objects.create(
        compact=report.compact,
        title=report.title,
        period_start=report.period_start,
        period_end=report.period_end,
        summary=report.summary,
        issues=report.issues,
        recommendations=report.recommendations,
        supersedes=report,
        created_by=by,
    )
    correction.highlighted_wins.set(report.highlighted_wins.all())
    return correction


@transaction.atomic
def delete_draft(*, report: Report, by: User) -> None:
    """Throw away a draft. Published reports are never deleted."""
    _check_officer(by)
    report = _draft(report)
    report.delete()


def lsp_recipients() -> QuerySet[User]:
    """Every active user in the LSP member group who has an email address, by name."""
    return (
        get_user_model()
        .objects.filter(groups__name=LSP_MEMBER, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@transaction.atomic
def email_lsp(*, report: Report, by: User) -> int:
    """Queue an email with a published report's link to every LSP member, one message each; returns how many."""
    _check_officer(by)
    if report.status != ReportStatus.PUBLISHED:
        raise ValidationError("Only a published report can be emailed to the LSP.")
    link = settings.SITE_URL.rstrip("/") + reverse("reports:report_detail", args=[report.pk])
    snapshot = cast(dict[str, Any], report.snapshot)  # a published report always has its snapshot (a constraint)
    subject = f"{snapshot['compact']['name']}: {report.title}"
    queued = 0
    for member in lsp_recipients():
        context = {
            "report": report,
            "content": report.snapshot,
            "member": member,
            "officer": by,
            "link": link,
            "service_name": settings.SERVICE_NAME,
        }
        queued += (
            queue_email(
                to=member.email,
                subject=subject,
                context=context,
                kind=kinds.REPORT_PUBLISHED,
                template="compact_site/reports/email/report_published.txt",
                user=member,
            )
            is not None
        )
    report.emailed_at, report.emailed_by = timezone.now(), by
    report.save(update_fields=["emailed_at", "emailed_by", "updated_at"])
    return queued
