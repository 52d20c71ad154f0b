"""A compact with something of every kind, public and private, for the public site's and the API's tests.

Every private thing carries a marker word (``SECRET…``, or a made-up name, email or phone) that must never
appear on a public page or in an API answer that may not show it.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from compact_site.api import services as api_services
from compact_site.public import services as public_services
from compact_site.reporting import services as report_services
from compact_site.reporting.committees import services as committee_services
from signatories.pledges import services as pledge_services
from success_factors.models import Level
from tests import factories
from tests.commitments.builders import consultation, funding, statutory_body
from tests.success_factors.builders import first_indicator
from tests.wins.factories import WinFactory, draft, factor, submitted
from wins import services as win_services
from wins.concerns.models import Concern
from wins.models import WinStatus

# Never on the public site, never in the API.
ALWAYS_PRIVATE = [
    "Hortensia",
    "hortensia@private.example.org",
    "SECRET-REPORT-BACK",
    "SECRET-DRAFT-WIN",
    "SECRET-SUBMITTED-WIN",
    "SECRET-RETURNED-WIN",
    "SECRET-CONCERN",
    "SECRET-CONCERN-DETAILS",
    "SECRET-EVIDENCE",
    "SECRET-RATING-COMMENT",
    "SECRET-REOPEN-REASON",
    "SECRET-DRAFT-REPORT",
    "SECRET-WITHDRAWAL-REASON",
    "SECRET-SUPPORT-NEEDS",
    "SECRET-PROGRESS-NOTES",
    # a consultation a champion reported, waiting for an officer
    "SECRET-REPORTED-CONSULTATION",
    # people: champions' and users' names, emails and phones, signers, endorsers, action owners
    "Zebedee Quartermaine",
    "zebedee.q@private.example.org",
    "01632 960123",
    "Ottoline Fairweather",
    "ottoline@private.example.org",
    "Barnaby Whitlock",
    "Isadora Pennyworth",
    "Cassius Thornbury",
    "Philippa Marchbanks",
    "philippa@private.example.org",
    "Secret Champion Job",
]
# Not on the public site; in the API only to a token (published wins, the action plan, all published reports).
NOT_PUBLIC = [
    "SECRET-UNSHOWN-WIN",
    "SECRET-ACTION",
    "SECRET-PRIVATE-REPORT",
]
CHAMPION_NAME = "Zebedee Quartermaine"


@dataclass
class World:
    compact: object
    officer: object
    public_win: object
    unshown_win: object
    public_report: object
    private_report: object
    draft_report: object
    organisation: object
    withdrawn: object
    body: object = None
    key: str = ""
    extras: dict = field(default_factory=dict)


def build_world(compact, *, publish_scores=True, publish_commitments=True):
    officer = factories.officer(
        username="world-officer", first_name="Philippa", last_name="Marchbanks", email="philippa@private.example.org"
    )
    organisation = factories.OrganisationFactory(name="Riverside Food Bank")
    factories.SignatureFactory(
        compact=compact,
        organisation=organisation,
        signed_on=datetime.date(2022, 4, 1),
        signed_by_name="Barnaby Whitlock",
    )
    withdrawn = factories.OrganisationFactory(name="Old Mill Trust", sector="statutory")
    factories.SignatureFactory(
        compact=compact,
        organisation=withdrawn,
        signed_on=datetime.date(2021, 1, 5),
        withdrawn_on=datetime.date(2023, 2, 1),
        withdrawal_reason="SECRET-WITHDRAWAL-REASON",
    )
    factories.ChampionFactory(
        organisation=organisation,
        name=CHAMPION_NAME,
        email="zebedee.q@private.example.org",
        phone="01632 960123",
        job_title="Secret Champion Job",
        support_needs="SECRET-SUPPORT-NEEDS",
    )
    champion_login = factories.champion_user(
        organisation=organisation, first_name="Ottoline", last_name="Fairweather", email="ottoline@private.example.org"
    )
    factories.EndorsementFactory(
        compact=compact, organisation=organisation, name="Isadora Pennyworth", endorsed_on=datetime.date(2026, 2, 1)
    )
    # Self-assessment: a submitted one (its factor scores make the partnership scores) with private answers.
    assessment = factories.AssessmentFactory(
        compact=compact,
        organisation=organisation,
        round="2025/26",
        status="submitted",
        submitted_at=datetime.datetime(2026, 1, 10, tzinfo=datetime.UTC),
        reopen_reason="SECRET-REOPEN-REASON",
    )
    factories.RatingFactory(
        assessment=assessment,
        indicator=first_indicator(1),
        level=Level.ESTABLISHED,
        evidence="SECRET-EVIDENCE",
        comment="SECRET-RATING-COMMENT",
    )
    from success_factors.services import record_factor_scores

    record_factor_scores([assessment.pk])
    factories.ActionFactory(
        compact=compact,
        description="SECRET-ACTION",
        owner_name="Cassius Thornbury",
        owner_organisation=organisation,
        progress_notes="SECRET-PROGRESS-NOTES",
    )
    Concern.objects.create(
        compact=compact,
        title="SECRET-CONCERN",
        details="SECRET-CONCERN-DETAILS",
        factor=factor(2),
        raised_by=champion_login,
    )
    # Wins in every state.
    public_win = WinFactory(
        compact=compact,
        title="The shared minibus",
        organisations=[organisation],
        recorded_by=champion_login,
        happened_on=datetime.date(2026, 2, 1),
    )
    unshown_win = WinFactory(
        compact=compact, title="SECRET-UNSHOWN-WIN", recorded_by=champion_login, happened_on=datetime.date(2026, 2, 2)
    )
    draft(compact=compact, title="SECRET-DRAFT-WIN", recorded_by=champion_login)
    submitted(compact=compact, title="SECRET-SUBMITTED-WIN", recorded_by=champion_login)
    WinFactory(compact=compact, title="SECRET-RETURNED-WIN", status=WinStatus.RETURNED, recorded_by=champion_login)
    win_services.show_on_public_site(win=public_win, by=officer)
    # Reports: one public, one published but private, one draft.
    public_report = _published(
        compact,
        officer,
        datetime.date(2026, 1, 1),
        "A good quarter for the partnership.",
        highlights=[public_win, unshown_win],
    )
    report_services.make_public(report=public_report, by=officer)
    private_report = _published(compact, officer, datetime.date(2025, 10, 1), "SECRET-PRIVATE-REPORT")
    draft_report = report_services.create_report(
        compact=compact, start=datetime.date(2026, 4, 1), end=datetime.date(2026, 6, 30), by=officer
    )
    draft_report.summary = "SECRET-DRAFT-REPORT"
    draft_report.save()
    body = _commitment_records(compact, officer, reporter=champion_login)
    _seats(compact)
    _pledges_and_scrutiny(compact, officer, public_report, organisation, body)
    public_services.update_site_settings(
        by=officer,
        is_on=True,
        publish_scores=publish_scores,
        publish_commitments=publish_commitments,
        publish_representation=True,
        publish_scrutiny=True,
    )
    _, key = api_services.create_token(name="Performance team", by=officer)
    return World(
        compact=compact,
        officer=officer,
        public_win=public_win,
        unshown_win=unshown_win,
        public_report=public_report,
        private_report=private_report,
        draft_report=draft_report,
        organisation=organisation,
        withdrawn=withdrawn,
        body=body,
        key=key,
    )


def _seats(compact):
    """A board with a named representative (who agreed), one not named, a vacant seat, and a report-back."""
    from tests.representation.factories import BoardFactory, MeetingFactory, ReportBackFactory, SeatFactory, TermFactory

    board = BoardFactory(compact=compact, name="Health and Wellbeing Board")
    end = datetime.date.today() + datetime.timedelta(days=400)
    TermFactory(seat__board=board, holder_name="Agreed Named Rep", name_is_public=True, ends_on=end)
    shy = TermFactory(
        seat__board=board,
        holder_name="Hortensia Unnamed",
        ends_on=end,
        holder=factories.representative(
            first_name="Hortensia", last_name="Unnamed", email="hortensia@private.example.org"
        ),
        nominated_by__name="Faith Forum",
    )
    SeatFactory(board=board)
    ReportBackFactory(term=shy, meeting=MeetingFactory(board=board), discussed="SECRET-REPORT-BACK")


def _published(compact, officer, start, summary, highlights=()):
    end = start + datetime.timedelta(days=89)
    report = report_services.create_report(
        compact=compact, start=start, end=end, by=officer, title=f"Report from {start:%B %Y}"
    )
    report.summary = summary
    report.save()
    if highlights:
        report.highlighted_wins.set(highlights)
    return report_services.publish_report(report=report, by=officer)


def _commitment_records(compact, officer, *, reporter):
    """Records in the last 12 months: two verified consultations, one of 12 weeks (met) and one of 4 (not met), a
    verified one-year grant, and a consultation a champion reported that waits for an officer. Returns their
    statutory body."""
    body = statutory_body("Anytown Borough Council")  # not on the register, so the register's tests stay as they are
    today = timezone.localdate()
    consultation(
        compact=compact,
        by=officer,
        body=body,
        title="Library opening hours",
        opened_on=today - datetime.timedelta(days=100),
    )
    consultation(
        compact=compact,
        by=officer,
        body=body,
        title="Parking charges",
        weeks=4,
        opened_on=today - datetime.timedelta(days=60),
    )
    consultation(
        compact=compact,
        by=reporter,
        body=body,
        title="SECRET-REPORTED-CONSULTATION",
        weeks=2,
        opened_on=today - datetime.timedelta(days=30),
    )
    funding(
        compact=compact,
        by=officer,
        body=body,
        name="Youth club grants",
        decided_on=today - datetime.timedelta(days=45),
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=334),
    )
    return body


def _pledges_and_scrutiny(compact, officer, report, organisation, body):
    """A pledge, and a scrutiny committee the public report went to, with one recommendation answered and one not."""
    pledge_services.save_pledge(
        by=officer,
        compact=compact,
        organisation=organisation,
        year=2026,
        agreed_by="Its chief executive",
        roles=[("Compact champion", 4)],
        money=[("Partnerships", 500)],
    )
    committee = committee_services.save_committee(
        by=officer, compact=compact, name="Overview and Scrutiny Committee", kind="scrutiny"
    )
    meeting = committee_services.add_meeting(by=officer, committee=committee, held_on=datetime.date(2026, 4, 20))
    committee_services.send_report(by=officer, report=report, meeting=meeting)
    for text, answered in (("Publish every grant's rationale", True), ("Report to scrutiny twice a year", False)):
        made = committee_services.record_recommendation(
            by=officer,
            report=report,
            committee=committee,
            text=text,
            made_on=datetime.date(2026, 4, 20),
            respond_by="Director of finance",
            responder_organisation=body,
            response_due_on=datetime.date(2026, 6, 1),
        )
        if answered:
            committee_services.record_response(
                by=officer,
                recommendation=made,
                response="partly_accepted",
                text="For grants over £5,000.",
                responded_on=datetime.date(2026, 5, 20),
            )
