"""What the public site, the open data and the API may show: only what officers have chosen to make public.

Every read the public pages make goes through here, so the rules of what is public live in one place:
- the register (organisation name, sector, dates signed and withdrawn) and counts are always public;
- a win only when it is published and an officer has marked it "show on the public site";
- a report only in its published (not superseded) version and when an officer has marked it public;
- the partnership scores only when an officer has chosen to publish them;
- how the commitments are kept (counts of verified records only, never a record or a person) only when an
  officer has chosen to publish it;
- never a concern, a single self-assessment, an action, or a person's name, email or phone.
"""

import datetime
from typing import Any, TypedDict

from django.db.models import Avg, Count, QuerySet
from django.utils import timezone

from commitments.selectors import commitment_results, twelve_months_to
from compact_site.reporting.committees.selectors import public_committees
from compact_site.reporting.models import Report, ReportStatus
from representation.selectors import boards_with_seats
from signatories import caching
from signatories.models import Champion, Compact, Sector, Signature
from signatories.selectors import active_signatories
from success_factors.models import Assessment, AssessmentStatus, Factor, FactorScore
from success_factors.selectors import PartnershipResults, partnership_results, score_from_mean_level
from wins.models import Win, WinStatus

from .models import PublicSiteSettings

OGL_NAME = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


class RegisterStatus:
    SIGNED = "signed"
    WITHDRAWN = "withdrawn"
    CHOICES = [(SIGNED, "Signed"), (WITHDRAWN, "Withdrawn")]


class HeadlineCounts(TypedDict):
    signatories: int
    by_sector: list[tuple[str, int]]
    champions: int


class ScoreRow(TypedDict):
    """One factor's partnership score in one round, as the open data and the API give it."""

    round: str
    factor_number: int
    factor_title: str
    score: float | None
    organisations_scored: int
    organisations_responded: int


def site_settings() -> PublicSiteSettings:
    """The officers' choices, cached until they change."""
    return caching.cached("public-site-settings", [caching.PUBLIC_SITE], PublicSiteSettings.current)


def site_is_on() -> bool:
    return site_settings().is_on


def register(*, compact: Compact | None, text: str = "", sector: str = "", status: str = "") -> QuerySet[Signature]:
    """The register of signatories: one row per signature of ``compact`` (``register_rows`` gives them as the open data's rows).

    ``text`` searches the organisation's name; ``sector`` and ``status`` (signed / withdrawn) filter.
    A withdrawal is shown as such: the signature row stays, with its withdrawal date.
    """
    if compact is None:
        return Signature.objects.none()
    rows = (
        Signature.objects.filter(compact=compact)
        .select_related("organisation")
        .only("id", "signed_on", "withdrawn_on", "organisation__id", "organisation__name", "organisation__sector")
        .order_by("organisation__name", "-signed_on", "id")
    )
    if text:
        rows = rows.filter(organisation__name__icontains=text.strip())
    if sector in Sector.values:
        rows = rows.filter(organisation__sector=sector)
    if status == RegisterStatus.SIGNED:
        rows = rows.filter(withdrawn_on__isnull=True)
    elif status == RegisterStatus.WITHDRAWN:
        rows = rows.filter(withdrawn_on__isnull=False)
    return rows


def register_rows(*, compact: Compact | None) -> list[dict[str, str]]:
    """Every signature of ``compact`` as the open data publishes it: stable column names, documented on the open
    data page. Read as plain values: a register of 10,000 builds no model object per row."""
    sectors = dict(Sector.choices)
    values = register(compact=compact).values_list(
        "organisation__name", "organisation__sector", "signed_on", "withdrawn_on"
    )
    return [
        {
            "organisation": name,
            "sector": sector,
            "sector_name": sectors[sector],
            "signed_on": signed_on.isoformat(),
            "status": RegisterStatus.SIGNED if withdrawn_on is None else RegisterStatus.WITHDRAWN,
            "withdrawn_on": withdrawn_on.isoformat() if withdrawn_on else "",
        }
        for name, sector, signed_on, withdrawn_on in values
    ]


REGISTER_COLUMN_NOTES = [
    ("organisation", "The organisation's name."),
    ("sector", "statutory, voluntary (voluntary and community) or other."),
    ("sector_name", "The sector in words."),
    ("signed_on", "The date the organisation signed the Compact (YYYY-MM-DD)."),
    ("status", "signed, or withdrawn when the organisation has withdrawn its signature."),
    ("withdrawn_on", "The date it withdrew (YYYY-MM-DD), or empty."),
]
REGISTER_COLUMNS = tuple(name for name, _ in REGISTER_COLUMN_NOTES)


def headline_counts(*, compact: Compact | None) -> HeadlineCounts:
    """Active signatories by sector and the number of active champions (never who they are). Two queries."""
    by_sector = dict(active_signatories(compact=compact).values_list("sector").annotate(n=Count("id")).order_by())
    return {
        "signatories": sum(by_sector.values()),
        "by_sector": [(label, by_sector.get(value, 0)) for value, label in Sector.choices],
        "champions": Champion.objects.filter(stood_down_on__isnull=True).count(),
    }


def public_wins(*, compact: Compact | None) -> QuerySet[Win]:
    """Published wins an officer has chosen to show on the public site, newest first."""
    if compact is None:
        return Win.objects.none()
    return (
        Win.objects.filter(compact=compact, status=WinStatus.PUBLISHED, show_on_public_site=True)
        .prefetch_related("factors", "organisations")
        .order_by("-happened_on", "-id")
    )


def public_reports(*, compact: Compact | None) -> QuerySet[Report]:
    """The published reports an officer has marked public, newest period first."""
    if compact is None:
        return Report.objects.none()
    return Report.objects.filter(compact=compact, status=ReportStatus.PUBLISHED, is_public=True).order_by(
        "-period_end", "-id"
    )


def scrutiny_published() -> bool:
    return site_settings().publish_scrutiny


def public_scrutiny(*, compact: Compact | None) -> list[dict[str, Any]] | None:
    """The committees the Compact reports to, with their recommendations and the responses; None until officers
    publish them. Only the body that must respond is named, never who recorded anything."""
    if not scrutiny_published():
        return None
    return public_committees(compact=compact)


def representation_published() -> bool:
    return site_settings().publish_representation


def public_boards(*, compact: Compact | None, today: datetime.date) -> list[dict[str, Any]] | None:
    """The boards with seats for the sector and, for each seat, the network that nominated its holder and their
    organisation, with the holder's name only where they agreed to it; None until officers publish it. Never a
    login, an email or a phone number."""
    if not representation_published():
        return None
    return [
        {
            "name": item.board.name,
            "run_by": item.board.run_by.name,
            "meets": item.board.get_meets_display(),
            "seats": [
                {
                    "number": row.seat.number,
                    "vacant": row.term is None,
                    "network": row.term.nominated_by.name if row.term else None,
                    "organisation": row.term.organisation.name if row.term else None,
                    "name": row.term.holder_name if row.term and row.term.name_is_public else None,
                    "term_ends_on": row.term.last_day if row.term else None,
                }
                for row in item.rows
            ],
        }
        for item in boards_with_seats(compact=compact, today=today)
    ]


def commitments_published() -> bool:
    return site_settings().publish_commitments


def public_commitments(*, compact: Compact | None, today: datetime.date) -> dict[str, Any] | None:
    """How the commitments were kept in the 12 months to ``today`` and the 12 before, when officers publish it;
    otherwise None. Counts of verified records for each commitment and each statutory body: no record is named.
    Three queries."""
    if not commitments_published():
        return None
    period = twelve_months_to(today)
    periods = {"current": (period.start, period.end), "previous": period.previous}
    return {
        "period": periods["current"],
        "previous_period": periods["previous"],
        **commitment_results(compact=compact, periods=periods),
    }


def public_scores(*, compact: Compact | None) -> PartnershipResults | None:
    """The latest round's partnership results when officers publish the scores, otherwise None."""
    if compact is None or not site_settings().publish_scores:
        return None
    return partnership_results(compact=compact)


def scores_by_round(*, compact: Compact | None) -> list[ScoreRow]:
    """Every round's partnership score per factor, oldest round first, in three queries.

    Rows: {"round", "factor_number", "factor_title", "score" (0–100, or None: not enough evidence),
    "organisations_scored", "organisations_responded"}. The same rule as the results page: a factor's
    partnership score is the mean of the organisations' scores in their submitted assessments of the round.
    """
    if compact is None:
        return []
    submitted = FactorScore.objects.filter(assessment__compact=compact, assessment__status=AssessmentStatus.SUBMITTED)
    rows = (
        submitted.values_list("assessment__round", "factor__number")
        .annotate(mean=Avg("mean_level"), scored=Count("mean_level"))
        .order_by("assessment__round", "factor__number")
    )
    responded = dict(
        Assessment.objects.filter(compact=compact, status=AssessmentStatus.SUBMITTED)
        .values_list("round")
        .annotate(n=Count("id"))
        .order_by()
    )
    titles = dict(Factor.objects.values_list("number", "title"))
    return [
        {
            "round": round_name,
            "factor_number": number,
            "factor_title": titles.get(number, ""),
            "score": None if (score := score_from_mean_level(mean_level)) is None else round(score, 1),
            "organisations_scored": scored,
            "organisations_responded": responded.get(round_name, 0),
        }
        for round_name, number, mean_level, scored in rows
    ]


SCORE_COLUMN_NOTES = [
    ("round", "The self-assessment round: a financial year, like 2026/27."),
    ("factor_number", "The critical success factor's number, 1 to 7."),
    ("factor_title", "The factor's name."),
    (
        "score",
        "The partnership score from 0 to 100, to one decimal place; empty when no organisation could "
        "score the factor (not enough evidence).",
    ),
    ("organisations_scored", "How many organisations' self-assessments gave the factor a score."),
    ("organisations_responded", "How many organisations submitted a self-assessment in the round."),
]
SCORE_COLUMNS = tuple(name for name, _ in SCORE_COLUMN_NOTES)


def factor_list() -> list[Factor]:
    return list(Factor.objects.order_by("number"))


def public_report_content(report: Report, *, compact: Compact | None) -> dict[str, Any]:
    """What the public site shows of a published report: its frozen commentary and headline figures, the factor
    scores only while officers publish the scores, and only those highlighted wins that are themselves public.

    Left out: the names of endorsers, and the concern and action figures' detail (the board reads those).
    """
    snapshot = report.snapshot or {}
    figures = snapshot.get("figures", {})
    highlighted = [win["id"] for win in snapshot.get("highlighted_wins", [])]
    public_ids = set(public_wins(compact=compact).filter(pk__in=highlighted).values_list("pk", flat=True))
    return {
        "title": snapshot.get("title", report.title),
        "period": snapshot.get("period", {}),
        "commentary": snapshot.get("commentary", {}),
        "signatories": figures.get("signatories", {}).get("active", {}),
        "by_sector": figures.get("signatories", {}).get("by_sector", []),
        "champions": figures.get("champions", {}).get("active", {}),
        "wins": figures.get("wins", {}).get("published", {}),
        "factors": figures.get("factors") if site_settings().publish_scores else None,
        "highlighted_wins": [win for win in snapshot.get("highlighted_wins", []) if win["id"] in public_ids],
    }


def data_date() -> datetime.date:
    """The date the open data is as at: today, as it is worked out on each request."""
    return timezone.localdate()


def sitemap_entries(
    *, compact: Compact | None
) -> tuple[list[tuple[int, datetime.datetime]], list[tuple[int, datetime.datetime | None]]]:
    """Public wins' and reports' ids with when they last changed, for the sitemap."""
    wins = public_wins(compact=compact).prefetch_related(None).values_list("pk", "updated_at")
    reports = public_reports(compact=compact).values_list("pk", "published_at")
    return list(wins), list(reports)
