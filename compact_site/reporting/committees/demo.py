"""Demo committees: the LSP (which every published report goes to), Northbrook's Overview and Scrutiny Committee
and its Health and Wellbeing Board, with three meetings between them, and six recommendations in every state:
awaiting a response, accepted (one now an action on the plan), partly accepted, not accepted, and overdue.

``report_published`` is called by the reports' demo as each quarter's report is published, so a report's "Scrutiny"
section counts the recommendations made about the reports before it.
"""

import datetime

from django.contrib.auth.models import User

from signatories.models import Compact, Organisation
from success_factors.models import Factor

from ..models import Report
from . import services
from .models import CommitteeKind, CommitteeMeeting

LSP_MEETS_AFTER = datetime.timedelta(days=19)
SCRUTINY_MEETS_AFTER = datetime.timedelta(days=30)
BOARD_MEETS_AFTER = datetime.timedelta(days=40)
SCRUTINISED_QUARTER = 3  # of the four published: scrutiny looks at it, and the fourth counts its recommendations

# (text, who must respond, their organisation, response or "" while awaited, response text)
EARLIER = [
    (
        "Write a Compact check into the council's commissioning gateway, so every commissioning plan says how it "
        "keeps the funding code.",
        "Director of commissioning",
        "Northbrook Borough Council",
        "accepted",
        "Agreed. The gateway template will carry a Compact check from April.",
    ),
    (
        "Fund a full-time Compact support post from the council's core budget.",
        "Cabinet member for communities",
        "Northbrook Borough Council",
        "not_accepted",
        "The council cannot fund the post alone this year; it will ask partners to share the cost.",
    ),
    (
        "Publish the reason for every grant decision of more than £5,000 within four weeks.",
        "Director of finance",
        "Northbrook Borough Council",
        "partly_accepted",
        "We will publish reasons for grants over £10,000 from the next round, and review the threshold in a year.",
    ),
]
LATEST = [
    (
        "Report to the Health and Wellbeing Board each year on how health partners keep the Compact's funding code.",
        "Chief executive",
        "Northbrook Integrated Care Board",
        "overdue",
    ),
    (
        "Bring the sector's networks together to say how the Compact's consultations should reach small groups.",
        "Chief executive",
        "Northbrook CVS",
        "",
    ),
    (
        "Name a Compact lead in every service directorate.",
        "Chief executive",
        "Northbrook Borough Council",
        "accepted",
    ),
]


class CommitteesDemo:
    """Keeps the demo's committees between the reports the reports' demo publishes, oldest first."""

    def __init__(self, *, compact: Compact, officer: User, anchor: datetime.date):
        self.compact, self.officer, self.anchor = compact, officer, anchor
        self.lsp = services.lsp_committee(compact)
        self.scrutiny = services.save_committee(
            by=officer,
            compact=compact,
            name="Overview and Scrutiny Committee",
            kind=CommitteeKind.SCRUTINY,
            description="The council's committee of backbench councillors that scrutinises its partnerships.",
        )
        self.board = services.save_committee(
            by=officer,
            compact=compact,
            name="Northbrook Health and Wellbeing Board",
            kind=CommitteeKind.HEALTH_AND_WELLBEING,
            description="The council, the NHS and the sector planning health and care together.",
        )
        self.published: list[Report] = []
        self.recommendations = 0

    def _meeting(self, committee, held_on, title="") -> CommitteeMeeting:
        return services.add_meeting(by=self.officer, committee=committee, held_on=held_on, title=title)

    def _made_on(self, meeting: CommitteeMeeting) -> datetime.date:
        return min(meeting.held_on, self.anchor - datetime.timedelta(days=21))

    def report_published(self, report: Report) -> None:
        """Send a just-published report to the LSP; the third quarter's goes to scrutiny too, whose three
        recommendations the last quarter's report then counts."""
        self.published.append(report)
        lsp_meeting = self._meeting(self.lsp, report.period_end + LSP_MEETS_AFTER)
        services.send_report(by=self.officer, report=report, meeting=lsp_meeting)
        if len(self.published) == SCRUTINISED_QUARTER:
            self._scrutinise(report)

    def _scrutinise(self, earlier: Report) -> None:
        first = self._meeting(self.scrutiny, earlier.period_end + SCRUTINY_MEETS_AFTER, "The Compact: annual review")
        services.send_report(
            by=self.officer,
            report=earlier,
            meeting=first,
            agenda_item_url="https://democracy.northbrook.example/item/41",
        )
        for text, respond_by, organisation, response, answer in EARLIER:
            made_on = self._made_on(first)
            due_on = made_on + datetime.timedelta(days=42)
            made = self._recommend(
                earlier, self.scrutiny, first, text, respond_by, organisation, due_on, made_on=made_on
            )
            responded_on = min(made.made_on + datetime.timedelta(days=35), self.anchor)
            services.record_response(
                by=self.officer, recommendation=made, response=response, text=answer, responded_on=responded_on
            )
            if response == "accepted":
                services.turn_into_action(
                    recommendation=made,
                    by=self.officer,
                    factor=Factor.objects.get(number=2),
                    description="Add a Compact check to the commissioning gateway template.",
                    owner_organisation=made.responder_organisation,
                    owner_name="Director of commissioning",
                    due_on=self.anchor + datetime.timedelta(days=90),
                    status="in_progress",
                )

    def finish(self) -> int:
        """Scrutiny's and the board's meetings about the latest report, and their three recommendations; returns
        how many recommendations the demo made."""
        latest = self.published[-1]
        second = self._meeting(self.scrutiny, latest.period_end + SCRUTINY_MEETS_AFTER, "Partnerships")
        board = self._meeting(self.board, latest.period_end + BOARD_MEETS_AFTER)
        for meeting in (second, board):
            services.send_report(by=self.officer, report=latest, meeting=meeting)
        for text, respond_by, organisation, state in LATEST:
            committee, meeting = (self.board, board) if "Health" in text else (self.scrutiny, second)
            made_on = self._made_on(meeting)
            due_on = made_on + datetime.timedelta(days=7)  # at least two weeks ago: overdue
            if state != "overdue":
                due_on = max(made_on + datetime.timedelta(days=49), self.anchor + datetime.timedelta(days=21))
            made = self._recommend(latest, committee, meeting, text, respond_by, organisation, due_on, made_on=made_on)
            if state == "accepted":
                services.record_response(
                    by=self.officer,
                    recommendation=made,
                    response="accepted",
                    text="Agreed: each directorate will name its lead by the end of the quarter.",
                    responded_on=min(made.made_on + datetime.timedelta(days=10), self.anchor),
                )
        return self.recommendations

    def _recommend(self, report, committee, meeting, text, respond_by, organisation, due_on, *, made_on):
        self.recommendations += 1
        return services.record_recommendation(
            by=self.officer,
            report=report,
            committee=committee,
            text=text,
            made_on=made_on,
            respond_by=respond_by,
            responder_organisation=Organisation.objects.get(name=organisation),
            response_due_on=due_on,
        )
