"""What a report shows: its figures, charts, highlighted wins and commentary, as one JSON-ready dict.

A draft's content is its figures and charts as last worked out (kept for a few minutes, see
``draft_figures``) with its current commentary and highlighted wins. Publishing works the figures out
afresh and stores the dict as the report's snapshot; from then on every page, PDF and CSV of the report
reads the snapshot only.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from success_factors.wording import points_change, whole
from wins.models import WinStatus

from .charts import charts
from .figures import figures

VERSION = 1


def highlighted_wins(report):
    """The report's highlighted wins that are published, newest first, as the snapshot keeps them."""
    wins = (
        report.highlighted_wins.filter(status=WinStatus.PUBLISHED)
        .prefetch_related("organisations", "factors")
        .order_by("-happened_on", "-id")
    )
    return [
        {
            "id": win.pk,
            "title": win.title,
            "happened_on": win.happened_on.isoformat(),
            "organisations": [organisation.name for organisation in win.organisations.all()],
            "factors": [factor.number for factor in win.factors.all()],
            "is_quick_win": win.is_quick_win,
            "difference_made": win.difference_made,
        }
        for win in wins
    ]


def _worked_out(report):
    report_figures = figures(report.compact, report.period_start, report.period_end)
    return {"figures": report_figures, "charts": charts(report_figures)}


def _still_good(report):
    kept, at = report.draft_figures, report.draft_figures_at
    if not kept or at is None or timezone.now() - at >= timedelta(minutes=settings.REPORT_DRAFT_FIGURES_MINUTES):
        return False
    period = kept["figures"]["period"]
    return (period["start"], period["end"]) == (report.period_start.isoformat(), report.period_end.isoformat())


def draft_figures(report, *, again=False):
    """A draft's figures and charts: those it worked out in the last few minutes, or new ones, then kept.

    Counting everything takes a few dozen queries over the whole database; a draft is looked at, edited
    and looked at again many times while its numbers barely move. ``again`` always counts afresh.
    """
    if again or not _still_good(report):
        report.draft_figures, report.draft_figures_at = _worked_out(report), timezone.now()
        # An update, not save(): no new version in the report's history, no change to updated_at.
        type(report).objects.filter(pk=report.pk).update(
            draft_figures=report.draft_figures, draft_figures_at=report.draft_figures_at
        )
    return report.draft_figures


def build_content(report, *, afresh=False):
    """The report as it stands: a draft's kept figures (or, ``afresh``, new ones: what publishing freezes)."""
    worked_out = _worked_out(report) if afresh else draft_figures(report)
    report_figures = worked_out["figures"]
    built_at = timezone.now() if afresh else report.draft_figures_at
    return {
        "version": VERSION,
        "compact": {"name": report.compact.name, "area": report.compact.area},
        "title": report.title,
        "period": report_figures["period"],
        "previous_period": report_figures["previous_period"],
        "figures": report_figures,
        "charts": worked_out["charts"],
        "highlighted_wins": highlighted_wins(report),
        "commentary": {
            "summary": report.summary,
            "issues": report.issues,
            "recommendations": report.recommendations,
        },
        "built_at": built_at.isoformat(),
    }


def report_content(report):
    """What to show for a report: its snapshot once published, otherwise its live content."""
    return report.snapshot if report.is_frozen else build_content(report)


def headlines(content):
    """The few numbers a board member reads first, worked out from the content alone.

    The factor picture is in whole points, as the tables show them: how many factors rose or fell since the
    previous round, and the strongest and weakest factors (every factor sharing the top or bottom score).
    """
    figures = content["figures"]
    rows = [row for row in figures["factors"]["rows"] if row["score"] is not None]
    changes = [points_change(row["score"], row["previous_score"]) for row in rows]
    scores = [whole(row["score"]) for row in rows]
    return {
        "signatories": figures["signatories"]["active"],
        "champions": figures["champions"]["active"],
        "covered": figures["champions"]["signatories_covered"]["current"],
        "wins": figures["wins"]["published"],
        "quick_wins": figures["wins"]["quick_wins"]["current"],
        "round": figures["factors"]["round"],
        "previous_round": figures["factors"]["previous_round"],
        "improved": sum(1 for change in changes if change is not None and change > 0),
        "fell": sum(1 for change in changes if change is not None and change < 0),
        "strongest": [row for row in rows if whole(row["score"]) == max(scores)] if rows else [],
        "weakest": [row for row in rows if whole(row["score"]) == min(scores)] if rows else [],
    }
