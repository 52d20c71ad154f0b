"""A report's figures as CSV: one row a figure, from the report's content (the snapshot once published).

Columns: section, measure, factor (when the figure is about one), this period, previous period. Scores,
changes and gaps are the whole numbers the report shows; a missing score is an empty cell. For the seven
factors the two columns are the latest round as at the end of the period and the round before. A commitment's
rate has a row saying whether it is incomplete (``commitments.rates``), and a list cut short says so ("The newest
50 of 52").
"""

import csv
import io

from django.utils.text import slugify

from commitments.rates import is_incomplete
from success_factors.wording import points_change, whole
from wins.export import safe_cell

from .charts import factor_label

HEADER = ["Section", "Measure", "Factor", "This period", "Previous period"]
INCOMPLETE_MEASURE = "rate incomplete, more than a fifth not known (Yes or No)"


def _pair(section, measure, pair, factor=""):
    return [section, measure, factor, pair["current"], pair["previous"]]


def _register_rows(figures):
    signatories, champions = figures["signatories"], figures["champions"]
    yield _pair("Signatories", "Active signatories at the end of the period", signatories["active"])
    for row in signatories["by_sector"]:
        yield _pair("Signatories", f"Active signatories at the end of the period: {row['label']}", row)
    yield _pair("Signatories", "Signed in the period", signatories["joined"])
    yield _pair("Signatories", "Withdrew in the period", signatories["withdrawn"])
    yield _pair(
        "Signatories",
        "Signatories without an active champion at the end of the period",
        signatories["without_champion"],
    )
    yield _pair("Champions", "Active champions at the end of the period", champions["active"])
    yield _pair("Champions", "Appointed in the period", champions["appointed"])
    yield _pair("Champions", "Stood down in the period", champions["stood_down"])
    covered = {period: "" if share is None else share for period, share in champions["signatories_covered"].items()}
    yield _pair("Champions", "Signatories with an active champion (%)", covered)
    yield _pair("Endorsements", "Endorsements in the period", figures["endorsements"]["total"])
    for row in figures["endorsements"]["by_kind"]:
        yield _pair("Endorsements", f"Endorsements in the period: {row['label']}", row)


def _blank(value):
    return "" if value is None else value


def _factor_rows(factors):
    section = "Seven factors"
    yield [section, "Self-assessment round", "", _blank(factors["round"]), _blank(factors["previous_round"])]
    yield [section, "Response rate (%)", "", _blank(factors["response_rate"]), ""]
    for row in factors["rows"]:
        label = factor_label(row)
        yield [
            section,
            "Partnership score (0 to 100)",
            label,
            _blank(whole(row["score"])),
            _blank(whole(row["previous_score"])),
        ]
        yield [
            section,
            "Change since the previous round (points)",
            label,
            _blank(points_change(row["score"], row["previous_score"])),
            "",
        ]
        yield [section, "Statutory partners' score", label, _blank(whole(row["statutory"])), ""]
        yield [section, "Voluntary and community partners' score", label, _blank(whole(row["voluntary"])), ""]
        yield [
            section,
            "Perception gap: statutory minus voluntary and community (points)",
            label,
            _blank(points_change(row["statutory"], row["voluntary"])),
            "",
        ]


def _activity_rows(figures):
    wins = figures["wins"]
    yield _pair("Wins", "Wins published in the period", wins["published"])
    yield _pair("Wins", "Quick wins published in the period", wins["quick_wins"])
    for row in wins["by_factor"]:
        yield _pair("Wins", "Wins published in the period", row, factor_label(row))
    actions = figures["actions"]
    for key, measure in (("open", "Open actions"), ("done", "Done actions"), ("overdue", "Overdue actions")):
        for row in actions["by_factor"]:
            yield ["Actions", f"{measure} on {actions['as_of']}", factor_label(row), row[key], ""]
    concerns = figures["concerns"]
    if concerns["recorded"]:
        for key in ("raised", "resolved", "escalated"):
            yield _pair("Concerns", f"Concerns {key} in the period", concerns["total"][key])
            for row in concerns["by_factor"]:
                yield _pair("Concerns", f"Concerns {key} in the period", row[key], factor_label(row))


def _incomplete(counts):
    return "Yes" if is_incomplete(counts) else "No"


def _commitment_rows(commitments):
    section = "Commitments"
    for row in commitments["commitments"]:
        for key, measure in (
            ("rate", "Records meeting the commitment (%)"),
            ("met", "Met"),
            ("not_met", "Not met"),
            ("explained", "Explained"),
            ("unknown", "Not known yet"),
        ):
            yield [
                section,
                safe_cell(f"{row['title']}: {measure}"),
                "",
                _blank(row["current"][key]),
                _blank(row["previous"][key]),
            ]
        yield [
            section,
            safe_cell(f"{row['title']}: {INCOMPLETE_MEASURE}"),
            "",
            _incomplete(row["current"]),
            _incomplete(row["previous"]),
        ]
    for row in commitments["bodies"]:
        yield [
            section,
            f"{safe_cell(row['name'])}: records meeting the commitments (%)",
            "",
            _blank(row["current"]["rate"]),
            _blank(row["previous"]["rate"]),
        ]
        yield [
            section,
            f"{safe_cell(row['name'])}: {INCOMPLETE_MEASURE}",
            "",
            _incomplete(row["current"]),
            _incomplete(row["previous"]),
        ]
    listed, count = len(commitments["not_met"]), commitments.get("not_met_count", 0)
    if count > listed:
        yield [section, "Not met: records listed", "", f"The newest {listed} of {count}", ""]
    for row in commitments["not_met"]:
        yield [
            section,
            f"Not met: {safe_cell(row['commitment'])}",
            "",
            safe_cell(f"{row['kind_label']}: {row['title']} ({row['body']}, {row['dated_on']}). {row['why']}"),
            "",
        ]


REPRESENTATION_MEASURES = (
    ("seats", "Sector seats at the end of the period"),
    ("filled", "Seats filled at the end of the period"),
    ("vacant", "Seats vacant at the end of the period"),
    ("meetings", "Meetings with a sector representative"),
    ("meetings_reported", "Meetings reported back on"),
    ("share_reported", "Meetings reported back on (%)"),
    ("report_backs", "Report-backs made"),
    ("ending_soon", "Terms ending within two months of the end of the period"),
)


def _representation_rows(representation):
    section = "Representation"
    for key, measure in REPRESENTATION_MEASURES:
        pair = representation["total"][key]
        yield [section, measure, "", _blank(pair["current"]), _blank(pair["previous"])]
    for row in representation["by_board"]:
        for key in ("filled", "vacant"):
            yield [
                section,
                safe_cell(f"{row['name']}: seats {key} at the end of the period"),
                "",
                row["current"][key],
                row["previous"][key],
            ]


RESOURCING_MEASURES = (
    ("pledges", "Pledges made for the financial year"),
    ("hours", "Hours a month pledged"),
    ("money", "Money pledged (£)"),
    ("without", "Signatories with no pledge"),
)
SCRUTINY_MEASURES = (
    ("received", "Recommendations received"),
    ("responded", "Recommendations responded to"),
    ("accepted", "Accepted"),
    ("partly_accepted", "Partly accepted"),
    ("not_accepted", "Not accepted"),
    ("open", "Still open at the end of the period"),
    ("overdue", "Response overdue at the end of the period"),
)


def _resourcing_rows(resourcing):
    section = f"Resourcing the Compact ({resourcing['year']} against {resourcing['previous_year']})"
    for key, measure in RESOURCING_MEASURES:
        pair = resourcing["total"][key]
        yield [section, measure, "", pair["current"], pair["previous"]]
    for row in resourcing["by_sector"]:
        yield [
            section,
            f"Hours a month pledged: {row['sector']}",
            "",
            row["hours"]["current"],
            row["hours"]["previous"],
        ]


def _scrutiny_rows(scrutiny):
    section = "Scrutiny"
    for key, measure in SCRUTINY_MEASURES:
        pair = scrutiny["total"][key]
        yield [section, measure, "", pair["current"], pair["previous"]]
    for row in scrutiny["by_committee"]:
        for key in ("received", "responded", "open"):
            yield [
                section,
                safe_cell(f"{row['name']}: {dict(SCRUTINY_MEASURES)[key].lower()}"),
                "",
                row[key]["current"],
                row[key]["previous"],
            ]


def csv_rows(content):
    """Every figure of a report's content as CSV rows, after the header."""
    figures = content["figures"]
    period, previous = content["period"], content["previous_period"]
    yield ["Report", "Compact", "", safe_cell(content["compact"]["name"]), ""]
    yield ["Report", "Period", "", f"{period['start']} to {period['end']}", f"{previous['start']} to {previous['end']}"]
    yield from _register_rows(figures)
    yield from _factor_rows(figures["factors"])
    yield from _activity_rows(figures)
    if "commitments" in figures:  # reports published before the commitments were recorded have none
        yield from _commitment_rows(figures["commitments"])
    if "representation" in figures:  # nor, before the sector's seats were recorded, any representation
        yield from _representation_rows(figures["representation"])
    if "resourcing" in figures:  # nor, before pledges and committees were recorded, these two
        yield from _resourcing_rows(figures["resourcing"])
        yield from _scrutiny_rows(figures["scrutiny"])


def csv_text(content):
    """The whole CSV, with a byte-order mark so spreadsheets read it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(csv_rows(content))
    return "\ufeff" + buffer.getvalue()


def file_name(content, *, draft=False, extension):
    """compact-name-report-2026-07-01-to-2026-09-30.pdf, with -draft before the extension for a draft."""
    period = content["period"]
    name = f"{slugify(content['compact']['name'])}-report-{period['start']}-to-{period['end']}"
    return f"{name}{'-draft' if draft else ''}.{extension}"
