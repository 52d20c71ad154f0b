"""The shapes of the API's answers, as the OpenAPI schema documents them."""

import re
from datetime import date, datetime
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import BeforeValidator, WithJsonSchema

from . import paging

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
PLAIN_DIGITS = re.compile(r"[0-9]+")


def _iso_date(value: Any) -> Any:
    """Dates only as YYYY-MM-DD: pydantic alone would also read "0" (1 January 1970) and "20261207"."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        raise ValueError("Enter the date as YYYY-MM-DD, for example 2026-04-01")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError("Enter a real date as YYYY-MM-DD, for example 2026-04-01") from None


def _plain_digits(value: Any) -> Any:
    """Whole numbers only as plain digits: pydantic alone would also read "5_0" (50), "+5" and " 5"."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if not isinstance(value, str) or not PLAIN_DIGITS.fullmatch(value):
        raise ValueError("Enter a whole number in plain digits, for example 50")
    return int(value)


def _cursor(value: Any) -> Any:
    if value is not None and (not isinstance(value, str) or not paging.CURSOR.fullmatch(value)):
        raise ValueError(paging.CURSOR_MESSAGE)
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
PlainInt = Annotated[int, BeforeValidator(_plain_digits)]
Cursor = Annotated[
    str | None,
    BeforeValidator(_cursor),
    WithJsonSchema({"type": "string", "pattern": paging.CURSOR.pattern}),
]

# A report carries every figure it froze (tens of kilobytes): its pages are shorter than other lists'.
REPORTS_DEFAULT = 10
REPORTS_MOST = 50


class PageParams(Schema):
    cursor: Cursor = Field(None, description="The next_cursor of the previous page; leave out for the first page.")
    limit: PlainInt = Field(
        paging.DEFAULT, ge=1, le=paging.MOST, description="How many rows a page holds (1 to 200), in plain digits."
    )


class ListParams(PageParams):
    date_from: IsoDate | None = Field(
        None, description="Only rows on or after this date (YYYY-MM-DD): see each list for which date."
    )
    date_to: IsoDate | None = Field(
        None, description="Only rows on or before this date (YYYY-MM-DD); not before date_from."
    )


class ReportListParams(ListParams):
    limit: PlainInt = Field(
        REPORTS_DEFAULT,
        ge=1,
        le=REPORTS_MOST,
        description=f"How many reports a page holds (1 to {REPORTS_MOST}): each carries every figure it "
        f"froze, so pages are shorter than other lists ({REPORTS_DEFAULT} unless you ask).",
    )


class Error(Schema):
    error: str = Field(
        description="What kind of error: bad_request, unauthorised, not_found, method_not_allowed or rate_limited."
    )
    message: str = Field(description="What went wrong, in words.")
    details: list[dict[str, Any]] = Field(default_factory=list, description="For bad_request: each bad parameter.")


class SignatureOut(Schema):
    status: str = Field(description="signed, withdrawn or not_signed")
    signed_on: date | None
    withdrawn_on: date | None


class OrganisationOut(Schema):
    id: int
    name: str
    sector: str = Field(description="statutory, voluntary or other")
    kind: str
    charity_number: str
    company_number: str
    website: str
    signature: SignatureOut


class OrganisationPage(Schema):
    results: list[OrganisationOut]
    next_cursor: str | None


class ChampionsOut(Schema):
    organisation_id: int
    organisation_name: str
    active_champions: int
    names: list[str] | None = Field(
        None, description="Only for a token allowed to see champions' names; otherwise null."
    )


class ChampionsPage(Schema):
    results: list[ChampionsOut]
    next_cursor: str | None


class FactorScoreOut(Schema):
    factor_number: int
    factor_title: str
    score: float | None = Field(description="0 to 100, one decimal place; null when no organisation scored the factor.")
    organisations_scored: int


class RoundOut(Schema):
    round: str = Field(description="The financial year, like 2026/27")
    organisations_responded: int
    factors: list[FactorScoreOut]


class RoundPage(Schema):
    results: list[RoundOut]
    next_cursor: str | None = Field(None, description="Always null: every round fits on one page.")


class NamedRef(Schema):
    id: int
    name: str


class WinOut(Schema):
    id: int
    title: str
    what_happened: str
    difference_made: str
    happened_on: date
    published_at: datetime
    factors: list[int] = Field(description="The numbers (1–7) of the factors it shows.")
    organisations: list[NamedRef]
    is_quick_win: bool
    people_reached: int | None
    evidence_link: str
    shown_on_public_site: bool


class WinPage(Schema):
    results: list[WinOut]
    next_cursor: str | None


class ActionOut(Schema):
    id: int
    factor_number: int
    description: str
    owner_organisation: NamedRef | None
    due_on: date
    status: str = Field(description="open, in_progress, done or dropped")
    overdue: bool


class ActionPage(Schema):
    results: list[ActionOut]
    next_cursor: str | None


class HighlightedWin(Schema):
    id: int
    title: str


class ReportOut(Schema):
    id: int
    title: str
    period_start: date
    period_end: date
    status: str = Field(description="published, or superseded when a correction replaced it")
    published_at: datetime
    supersedes: int | None = Field(description="The id of the report this one corrects.")
    shown_on_public_site: bool
    commentary: dict[str, str]
    figures: dict[str, Any] = Field(description="Every figure as the LSP saw it when the report was published.")
    highlighted_wins: list[HighlightedWin]


class ReportPage(Schema):
    results: list[ReportOut]
    next_cursor: str | None


class PeriodParams(Schema):
    date_from: IsoDate | None = Field(
        None, description="The first day of the period (YYYY-MM-DD); leave out for 12 months before date_to."
    )
    date_to: IsoDate | None = Field(
        None, description="The last day of the period (YYYY-MM-DD), not before date_from; leave out for today."
    )


class PeriodOut(Schema):
    start: date
    end: date


class ResultCounts(Schema):
    met: int
    not_met: int
    explained: int = Field(description="Not met, but an officer accepted the reason the statutory body gave.")
    unknown: int = Field(description="Not known yet: a detail the check needs is missing from the record.")
    known: int = Field(description="met + not_met + explained")
    checked: int = Field(description="Every verified record checked against it: known + unknown.")
    rate: int | None = Field(
        description="The whole percentage of known results that met the commitment (explained "
        "ones count as not meeting it), halves rounded up; null when no result is known. Read it with "
        "incomplete: a rate standing on few known results can mislead."
    )
    incomplete: bool = Field(
        description="True when more than a fifth of the records checked have no known result (unknown * 5 > "
        "checked): the rate stands on too little to be shown alone."
    )
    summary: str = Field(
        description='The rate and what it stands on, as the pages say it: "54%: 22 of 41 met, 0 not known", '
        'with "(incomplete: more than a fifth not known)" when it is incomplete, "No known result: 3 not known" '
        'or "No records".'
    )


class CommitmentOut(Schema):
    id: int
    title: str
    description: str
    factor_number: int = Field(description="The critical success factor (1–7) the commitment belongs to.")
    kind: str = Field(description="What it checks: consultation or funding (funding decisions).")
    rule: str = Field(
        description="How it is checked: consultation_length, early_notice, sector_involved, feedback, "
        "rationale, multi_year, full_cost_recovery, payment_in_advance or notice."
    )
    threshold: int | None = Field(description="The number the rule checks against, in unit; null when it has none.")
    unit: str = Field(description="weeks, years or months; empty when the rule has no threshold.")
    is_local: bool = Field(description="Added by the area, rather than one of the six the Compact started with.")
    in_force: bool = Field(
        description="False for a retired commitment (listed only when it checked a record in either period)."
    )
    current: ResultCounts = Field(description="Results of the verified records dated in the period.")
    previous: ResultCounts = Field(description="Results in the period of the same length just before it.")


class BodyOut(Schema):
    id: int
    name: str
    current: ResultCounts = Field(
        description="Results of this statutory body's verified records, every commitment together."
    )
    previous: ResultCounts


class CommitmentsAnswer(Schema):
    period: PeriodOut = Field(description="The period counted: its first and last days, both included.")
    previous_period: PeriodOut = Field(
        description="The period of the same length just before it (whole months stay whole months)."
    )
    results: list[CommitmentOut] = Field(description="One per commitment, in the Compact's order.")
    bodies: list[BodyOut] = Field(description="Each statutory body with verified records in either period, by name.")
    next_cursor: str | None = Field(None, description="Always null: every commitment fits on one page.")


class SeatOut(Schema):
    number: int
    vacant: bool
    vacant_since: date | None = Field(None, description="The day the seat fell vacant; null when it is held.")
    network: str | None = Field(None, description="The network that nominated the holder.")
    organisation: str | None = Field(None, description="The organisation the holder represents.")
    term_starts_on: date | None
    term_ends_on: date | None
    name: str | None = Field(
        None, description="The holder's name, only for a key allowed to see names; otherwise null."
    )


class BoardOut(Schema):
    id: int
    name: str
    run_by: str
    meets: str
    seats: list[SeatOut]


class BoardPage(Schema):
    results: list[BoardOut]
    next_cursor: str | None = Field(None, description="Always null: every board fits on one page.")


class PledgeOut(Schema):
    id: int
    organisation: NamedRef
    sector: str = Field(description="statutory, voluntary or other")
    year: str = Field(description="The financial year, 1 April to 31 March, like 2026/27")
    hours_per_month: float = Field(description="The hours a month of every named role pledged, added up")
    money: float = Field(description="The money pledged in pounds, every budget line added up")
    roles: int = Field(description="How many named roles give time")
    in_kind: bool = Field(description="Whether help in kind is pledged too")


class PledgePage(Schema):
    results: list[PledgeOut]
    next_cursor: str | None


class CommitteeRef(Schema):
    id: int
    name: str
    kind: str = Field(description="lsp, scrutiny, health_and_wellbeing, cabinet_member or other")


class RecommendationOut(Schema):
    id: int
    committee: CommitteeRef
    report_id: int
    text: str
    made_on: date
    respond_by: str = Field(description="The post or body that must respond")
    responder_organisation: NamedRef
    response_due_on: date
    response: str | None = Field(description="accepted, partly_accepted or not_accepted; null while awaited")
    response_text: str
    responded_on: date | None
    overdue: bool
    action_id: int | None = Field(description="The action on the plan it became, if any")


class RecommendationPage(Schema):
    results: list[RecommendationOut]
    next_cursor: str | None
