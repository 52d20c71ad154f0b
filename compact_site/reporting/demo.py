"""Demo reports for the Northbrook Compact: the last four full quarters published, this quarter in draft.

Each report is built and published through the services, so its snapshot holds the demo's real figures;
the commentary quotes those figures. Publication dates are then set to a few weeks after each quarter,
when the Partnership Board would have met.
"""

import datetime

from django.utils import timezone

from success_factors.wording import whole

from . import services
from .figures import figures as report_figures
from .models import Report
from .periods import ONE_DAY, last_full_quarter, period_label, quarter_of

BOARD_MEETS_AFTER = datetime.timedelta(days=19)

# Oldest quarter first: (issues for the LSP, recommendations), one a line.
COMMENTARY = [
    (
        "No partner has yet agreed to share the cost of the Compact support post after March.\n"
        "The council's commissioning gateway still has no Compact check, so the funding code is applied "
        "unevenly.",
        "Ask each statutory partner to say by the next meeting what it can put towards the support post.\n"
        "Agree that the Compact check becomes part of the commissioning gateway from April.",
    ),
    (
        "Health partners have not yet applied the funding code to their grants to the sector.\n"
        "Champions report that time to promote the Compact is the first thing lost when teams are stretched.",
        "Invite the Integrated Care Board to present its grants timetable against the funding code.\n"
        "Endorse half a day a month of agreed time for every Compact Champion.",
    ),
    (
        "Resourcing the Compact fell in this year's self-assessment, and it is now the weakest factor.\n"
        "Voluntary and community partners rate the Compact's structures far lower than statutory partners do.",
        "Agree that resourcing the Compact is the LSP's priority for the Compact this year.\n"
        "Hold a joint session where both sectors look at the structures factor together and agree what "
        "good looks like.",
    ),
    (
        "Several signatories still have no active champion, including two statutory partners.\n"
        "Open actions on the weakest factor are past their due dates.",
        "Ask the chief executives of signatories without a champion to name one before the next meeting.\n"
        "Ask action owners to bring revised dates for overdue actions to the next Compact group.",
    ),
]
DRAFT_SUMMARY = (
    "Early notes for this quarter's report. The figures below are today's and will change until the quarter "
    "ends.\n\n"
    "So far this quarter the champions' network has met twice and the new councillors have been briefed on the "
    "Compact. The main item for the Board is likely to be resourcing: the support post is funded only to March."
)


def _direction(pair, noun):
    change = pair["current"] - pair["previous"]
    if change == 0:
        return f"the same number of {noun} as the quarter before"
    return f"{abs(change)} {'more' if change > 0 else 'fewer'} than the quarter before"


def _quick(count):
    return "none of them quick wins" if count == 0 else f"{count} of them quick win{'s' if count != 1 else ''}"


def summary_for(figures):
    """A summary in the officer's voice that quotes the quarter's figures."""
    signatories, champions, wins = figures["signatories"], figures["champions"], figures["wins"]
    parts = [
        f"{figures['period']['label']} saw {wins['published']['current']} wins published, "
        f"{_direction(wins['published'], 'wins')}, {_quick(wins['quick_wins']['current'])}.",
        f"The Compact has {signatories['active']['current']} active signatories "
        f"({signatories['joined']['current']} signed and {signatories['withdrawn']['current']} withdrew this "
        f"quarter), and {champions['signatories_covered']['current']}% of them have an active champion.",
    ]
    rows = [row for row in figures["factors"]["rows"] if row["score"] is not None]
    if rows:
        strongest = max(rows, key=lambda row: row["score"])
        weakest = min(rows, key=lambda row: row["score"])
        parts.append(
            f"\n\nIn the {figures['factors']['round']} self-assessment the partnership is strongest on factor "
            f"{strongest['number']}, {strongest['title'][0].lower()}{strongest['title'][1:]} (score "
            f"{whole(strongest['score'])}), and weakest on factor {weakest['number']}, "
            f"{weakest['title'][0].lower()}{weakest['title'][1:]} (score {whole(weakest['score'])}). "
            "The issues below follow from that."
        )
    return " ".join(parts).replace(" \n\n", "\n\n")


def create_reports(*, compact, officer, anchor, on_publish=None):
    """Four published quarterly reports and a draft for the quarter in progress; returns how many.

    ``on_publish(report)``, if given, is called as each is published, oldest first (the committees' demo sends it to
    their meetings), so the next report's figures count what followed."""
    quarters = []
    end = quarter_of(anchor)[0] - ONE_DAY
    for _ in range(len(COMMENTARY)):
        start, end = quarter_of(end)
        quarters.insert(0, (start, end))
        end = start - ONE_DAY
    assert quarters[-1] == last_full_quarter(anchor)
    for (start, end), (issues, recommendations) in zip(quarters, COMMENTARY, strict=False):
        report = services.create_report(compact=compact, start=start, end=end, by=officer)
        services.update_report(
            report=report,
            by=officer,
            title=report.title,
            summary=summary_for(report_figures(compact, start, end)),
            issues=issues,
            recommendations=recommendations,
            highlighted_wins=report.highlighted_wins.all(),
        )
        report = services.publish_report(report=report, by=officer)
        if on_publish is not None:
            on_publish(report)
        published_at = timezone.make_aware(datetime.datetime.combine(end + BOARD_MEETS_AFTER, datetime.time(10)))
        Report.objects.filter(pk=report.pk).update(
            published_at=min(published_at, timezone.now()), created_at=min(published_at, timezone.now())
        )
    start, end = quarter_of(anchor)
    draft = services.create_report(
        compact=compact,
        start=start,
        end=end,
        by=officer,
        title=f"Compact report to the LSP: {period_label(start, end)}",
    )
    services.update_report(
        report=draft,
        by=officer,
        title=draft.title,
        summary=DRAFT_SUMMARY,
        highlighted_wins=draft.highlighted_wins.all(),
    )
    return len(quarters) + 1
