"""A page's SQL query count does not grow with the data: the same with a little and with ten times more.

Never wall-clock times (those are ``make bench``'s job); only the number of queries, so an N+1 or a
per-row aggregate fails here first.
"""

import datetime

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from compact_site.reporting import services as reporting
from compact_site.reporting.committees import services as committee_services
from signatories.models import Sector
from signatories.pledges import services as pledge_services
from signatories.pledges.models import financial_year_of
from success_factors.models import Round, RoundStatus
from tests import factories
from tests.commitments import builders as commitment_builders
from tests.conftest import client_for, run_on_commit_callbacks
from tests.migration_data import reseed
from tests.representation import factories as seats
from tests.success_factors.builders import rate_everything, signed_organisation, submitted_assessment
from tests.wins.factories import WinFactory, factor

SMALL = 2
TEN_TIMES = 10 * SMALL
MOST_QUERIES = 20  # the ceiling for every page, whatever the data
WRITES = ("INSERT", "UPDATE", "DELETE")  # none on a normal GET (the signed-in floor: tests/compact_site/accounts)


class Area:
    """A compact whose data grows in units: each unit adds signatories, champions, wins, assessments and more."""

    def __init__(self, *, compact, officer, champion, lsp_member):
        self.compact = compact
        self.officer = officer
        self.representative = factories.representative(username="query-count-representative")
        self.users = {
            "officer": officer,
            "champion": champion,
            "lsp": lsp_member,
            "representative": self.representative,
        }
        self.champion = champion
        self.home = champion.champion_records.get().organisation
        factories.SignatureFactory(compact=compact, organisation=self.home)
        self.units = 0

    def grow_to(self, units):
        while self.units < units:
            self.add_unit(self.units)
            self.units += 1

    def add_unit(self, n):
        sector = Sector.STATUTORY if n % 3 == 0 else Sector.VOLUNTARY
        organisation = signed_organisation(self.compact, sector=sector)
        factories.ChampionFactory(organisation=organisation)
        factories.ChampionFactory(organisation=self.home)
        for number in (1 + n % 7, 1 + (n + 3) % 7):
            WinFactory(
                compact=self.compact,
                factors=[factor(number), factor(3)],
                organisations=[organisation, self.home],
                organisation=organisation,
                happened_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            )
        WinFactory(compact=self.compact, status="submitted", organisations=[self.home])
        for round_name in ("2025/26", "2026/27"):
            assessment = submitted_assessment(compact=self.compact, organisation=organisation, round_name=round_name)
            rate_everything(assessment, 1 + n % 4)
        factories.ActionFactory(
            compact=self.compact,
            factor=factor(3),
            owner_organisation=organisation,
            due_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=30 * n),
        )
        self.add_commitment_records(n, organisation if sector == Sector.STATUTORY else self.body)
        self.add_representation(n, organisation)
        self.add_report(n)
        self.add_pledges_and_scrutiny(n, organisation)

    @property
    def body(self):
        return commitment_builders.statutory_body("Query Count Council")

    def add_commitment_records(self, n, body):
        today = timezone.localdate()
        record = commitment_builders.consultation(
            compact=self.compact,
            by=self.officer,
            body=body,
            title=f"Consultation {n}",
            opened_on=today - datetime.timedelta(days=20 * n + 10),
            weeks=4 + n % 10,
        )
        self.consultation = record
        commitment_builders.funding(
            compact=self.compact,
            by=self.officer,
            body=body,
            name=f"Grant {n}",
            decided_on=today - datetime.timedelta(days=20 * n),
            starts_on=today,
            ends_on=today + datetime.timedelta(days=30 * n),
            organisations_funded=[self.home],
            paid_in_advance=None,
        )
        commitment_builders.consultation(compact=self.compact, by=self.champion, body=body, title=f"Reported {n}")

    def add_representation(self, n, organisation):
        """A board of its own; on the shared board a seat, a meeting reported back on, and a past holder of seat 1
        (its history); a member of the shared network; one seat in three vacant."""
        today = timezone.localdate()
        if n == 0:
            self.network = seats.NetworkFactory(compact=self.compact)
            self.board = seats.BoardFactory(compact=self.compact)
            self.seat = seats.SeatFactory(board=self.board, number=1)
            self.term = seats.TermFactory(
                seat=self.seat,
                holder=self.representative,
                organisation=self.home,
                nominated_by=self.network,
                ends_on=today + datetime.timedelta(days=400),
            )
            self.waiting = seats.MeetingFactory(board=self.board, held_on=today - datetime.timedelta(days=3))
        seats.MembershipFactory(network=self.network, organisation=organisation)
        seats.TermFactory(
            seat=self.seat,
            organisation=organisation,
            nominated_by=self.network,
            starts_on=datetime.date(1990 + n, 1, 1),
            ends_on=datetime.date(1990 + n, 12, 31),
        )
        seat = seats.SeatFactory(board=self.board, number=n + 2)
        if n % 3:
            seats.TermFactory(seat=seat, organisation=organisation, nominated_by=self.network, ends_on=today)
        meeting = seats.MeetingFactory(board=self.board, held_on=today - datetime.timedelta(days=10 + 7 * n))
        self.report_back = seats.ReportBackFactory(meeting=meeting, term=self.term, written_by=self.representative)
        own = seats.SeatFactory(board=seats.BoardFactory(compact=self.compact), number=1)
        seats.TermFactory(seat=own, organisation=organisation, nominated_by=self.network)

    def add_report(self, n):
        today = timezone.localdate()
        end = today.replace(day=1) - datetime.timedelta(days=1 + 92 * n)
        report = reporting.create_report(compact=self.compact, start=end.replace(day=1), end=end, by=self.officer)
        if n % 2 == 0:
            reporting.update_report(
                report=report,
                by=self.officer,
                title=report.title,
                summary="A good period.",
                highlighted_wins=report.highlighted_wins.all(),
            )
            reporting.publish_report(report=report, by=self.officer)

    def add_pledges_and_scrutiny(self, n, organisation):
        """Two years' pledges from the unit's organisation; a committee of its own with a meeting; on the shared
        scrutiny committee a meeting the first published report went to, and a recommendation about it that the home
        organisation must answer (from the third on, every other one answered; those due in 30 days and not answered are
        overdue)."""
        this_year = financial_year_of(timezone.localdate())
        for year in (this_year - 1, this_year):
            self.pledge = pledge_services.save_pledge(
                by=self.officer,
                compact=self.compact,
                organisation=organisation,
                year=year,
                agreed_by="Board",
                roles=[("Champion", 2 + n % 3), ("Lead", 1)],
                money=[("Core", 100 * n)],
            )
        held_on = datetime.date(2026, 1, 1) + datetime.timedelta(days=n)
        own = committee_services.save_committee(
            by=self.officer, compact=self.compact, name=f"Committee {n}", kind="other"
        )
        committee_services.add_meeting(by=self.officer, committee=own, held_on=held_on)
        report = self.compact.reports.filter(status="published").order_by("pk").first()
        if n == 0:
            self.committee = committee_services.save_committee(
                by=self.officer, compact=self.compact, name="Scrutiny", kind="scrutiny"
            )
        meeting = committee_services.add_meeting(by=self.officer, committee=self.committee, held_on=held_on)
        committee_services.send_report(by=self.officer, report=report, meeting=meeting)
        self.recommendation = committee_services.record_recommendation(
            by=self.officer,
            report=report,
            committee=self.committee,
            text=f"Recommendation {n}",
            made_on=held_on,
            respond_by="Chief executive",
            responder_organisation=self.home,
            response_due_on=held_on + datetime.timedelta(days=30 if n % 3 else 3000),
        )
        if n and n % 2 == 0:  # the first unit's is awaited, the second's overdue: both lists have rows at every size
            committee_services.record_response(
                by=self.officer,
                recommendation=self.recommendation,
                response="accepted",
                text="Yes",
                responded_on=held_on,
            )

    def open_round(self):
        return Round.objects.get_or_create(
            compact=self.compact,
            year="2026/27",
            defaults={
                "opens_on": datetime.date(2026, 5, 1),
                "deadline": datetime.date(2026, 6, 30),
                "status": RoundStatus.OPEN,
            },
        )[0]

    def planned_round(self):
        return Round.objects.get_or_create(
            compact=self.compact,
            year="2027/28",
            defaults={"opens_on": datetime.date(2027, 5, 1), "deadline": datetime.date(2027, 6, 30)},
        )[0]

    def latest_report(self, status):
        return self.compact.reports.filter(status=status).order_by("-period_end").first()

    def queries(self, who, url):
        client = client_for(self.users[who])
        client.get(url)  # the first visit may fill per-process caches; count the second
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        assert response.status_code == 200, url
        written = [q["sql"] for q in captured.captured_queries if q["sql"].upper().startswith(WRITES)]
        assert written == [], f"a GET of {url} wrote: {written}"
        return len(captured)


@pytest.fixture
def area(compact, officer, champion, lsp_member):
    return Area(compact=compact, officer=officer, champion=champion, lsp_member=lsp_member)


PAGES = [
    ("officer", "dashboard", lambda area: reverse("dashboard")),
    ("champion", "dashboard", lambda area: reverse("dashboard")),
    ("lsp", "dashboard", lambda area: reverse("dashboard")),
    ("officer", "organisation list", lambda area: reverse("signatories:organisation_list")),
    ("officer", "organisation detail", lambda area: reverse("signatories:organisation_detail", args=[area.home.pk])),
    ("lsp", "partnership results", lambda area: reverse("success_factors:partnership")),
    ("lsp", "factor page", lambda area: reverse("success_factors:factor_detail", args=[3])),
    ("champion", "wins library", lambda area: reverse("wins:library")),
    ("champion", "wins library search", lambda area: reverse("wins:library") + "?q=shared+approach"),
    ("lsp", "report list", lambda area: reverse("reports:report_list")),
    ("officer", "report list", lambda area: reverse("reports:report_list")),
    ("officer", "draft report", lambda area: area.latest_report("draft").get_absolute_url()),
    ("lsp", "published report", lambda area: area.latest_report("published").get_absolute_url()),
    ("officer", "draft report PDF", lambda area: reverse("reports:report_pdf", args=[area.latest_report("draft").pk])),
    ("officer", "wins CSV export", lambda area: reverse("wins:export")),
    # Pages with organisation pickers (issue #17): every organisation is an option, from one query.
    ("champion", "record a win", lambda area: reverse("wins:win_create")),
    ("champion", "raise a concern", lambda area: reverse("wins:concern_create")),
    ("officer", "action plan", lambda area: reverse("success_factors:action_list")),
    ("officer", "add an action", lambda area: reverse("success_factors:action_create")),
    ("officer", "champion list", lambda area: reverse("signatories:champion_list")),
    ("officer", "appoint a champion", lambda area: reverse("signatories:champion_create")),
    ("officer", "invite someone", lambda area: reverse("invitation_create")),
    ("officer", "self-assessment round", lambda area: area.open_round().get_absolute_url()),
    (
        "officer",
        "opening a round (confirmation)",
        lambda area: reverse("success_factors:round_open", args=[area.planned_round().pk]),
    ),
    ("lsp", "commitments page", lambda area: reverse("commitments:overview")),
    ("officer", "commitments page", lambda area: reverse("commitments:overview")),
    ("lsp", "consultations", lambda area: reverse("commitments:consultation_list")),
    ("officer", "funding decisions", lambda area: reverse("commitments:funding_list") + "?result=not_met"),
    ("champion", "a consultation", lambda area: area.consultation.get_absolute_url()),
    # The sector's seats (issue #24).
    ("officer", "boards", lambda area: reverse("representation:board_list")),
    ("representative", "boards", lambda area: reverse("representation:board_list")),
    ("representative", "dashboard", lambda area: reverse("dashboard")),
    ("officer", "a board", lambda area: area.board.get_absolute_url()),
    ("lsp", "a board", lambda area: area.board.get_absolute_url()),
    ("officer", "a seat", lambda area: area.seat.get_absolute_url()),
    ("officer", "appoint to a seat", lambda area: reverse("representation:seat_appoint", args=[area.seat.pk])),
    ("lsp", "report-backs", lambda area: reverse("representation:report_back_list")),
    ("lsp", "a report-back", lambda area: area.report_back.get_absolute_url()),
    (
        "representative",
        "write a report-back",
        lambda area: reverse("representation:report_back_create", args=[area.term.pk, area.waiting.pk]),
    ),
    ("officer", "networks", lambda area: reverse("representation:network_list")),
    ("officer", "a network", lambda area: area.network.get_absolute_url()),
    # Pledges and committees (issue #25).
    ("champion", "pledges summary", lambda area: reverse("pledges:pledge_summary")),
    ("officer", "pledges summary", lambda area: reverse("pledges:pledge_summary")),
    ("lsp", "factor 6 page", lambda area: reverse("success_factors:factor_detail", args=[6])),
    ("champion", "record a pledge", lambda area: reverse("pledges:pledge_create")),
    ("officer", "record a pledge", lambda area: reverse("pledges:pledge_create")),
    ("officer", "a pledge", lambda area: area.pledge.get_absolute_url()),
    ("officer", "change a pledge", lambda area: reverse("pledges:pledge_edit", args=[area.pledge.pk])),
    ("lsp", "committees", lambda area: reverse("committees:committee_list")),
    ("lsp", "a committee", lambda area: area.committee.get_absolute_url()),
    ("officer", "recommendations", lambda area: reverse("committees:recommendation_list")),
    ("officer", "overdue responses", lambda area: reverse("committees:recommendation_list") + "?state=overdue"),
    ("lsp", "a recommendation", lambda area: area.recommendation.get_absolute_url()),
    (
        "champion",
        "respond to a recommendation",
        lambda area: reverse("committees:recommendation_respond", args=[area.recommendation.pk]),
    ),
    (
        "officer",
        "make it an action",
        lambda area: reverse("committees:recommendation_action", args=[area.recommendation.pk]),
    ),
    (
        "officer",
        "send a report",
        lambda area: reverse("committees:report_send", args=[area.latest_report("published").pk]),
    ),
    (
        "officer",
        "record a recommendation",
        lambda area: reverse("committees:recommendation_create", args=[area.latest_report("published").pk]),
    ),
]


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):
    """Every page's query count with SMALL units of data and with TEN_TIMES, measured once for the module (growing
    the data is most of the time), in a transaction rolled back at the end: {(who, page): (small, large)}, or the
    exception a page raised, which its own test raises again."""
    from django.db import transaction

    def measure(area):
        # Some pages' addresses make what they show (an open round, say): make them all before measuring any.
        urls = {(who, page): url(area) for who, page, url in PAGES}
        found = {}
        for (who, page), url in urls.items():
            try:
                found[who, page] = area.queries(who, url)
            except Exception as error:  # noqa: BLE001 (handed to the page's own test)
                found[who, page] = error
        return found

    with django_db_blocker.unblock(), transaction.atomic():
        request_started.connect(run_on_commit_callbacks, dispatch_uid="tests.query_counts_before_request")
        request_finished.connect(run_on_commit_callbacks, dispatch_uid="tests.query_counts_after_request")
        try:
            reseed()  # an earlier transactional test's flush may have emptied the roles
            if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
                cache.clear()
            area = Area(
                compact=factories.CompactFactory(),
                officer=factories.officer(username="officer", first_name="Olivia", last_name="Officer"),
                champion=factories.champion_user(username="champion", first_name="Chris", last_name="Champion"),
                lsp_member=factories.lsp_member(username="lsp", first_name="Lee", last_name="Board"),
            )
            area.grow_to(SMALL)
            small = measure(area)
            area.grow_to(TEN_TIMES)
            large = measure(area)
        finally:
            request_started.disconnect(dispatch_uid="tests.query_counts_before_request")
            request_finished.disconnect(dispatch_uid="tests.query_counts_after_request")
            transaction.set_rollback(True)
    if settings.CACHES["default"]["BACKEND"].endswith("LocMemCache"):
        cache.clear()
    return {key: (small[key], large[key]) for key in small}


@pytest.mark.parametrize(("who", "page", "url"), PAGES, ids=[f"{page} ({who})" for who, page, _ in PAGES])
def test_query_count_does_not_grow_with_ten_times_the_data(counts, who, page, url):
    small, large = counts[who, page]
    for measured in (small, large):
        if isinstance(measured, Exception):
            raise measured

    assert large == small, f"{page} as {who}: {small} queries with {SMALL} units of data, {large} with {TEN_TIMES}"
    assert large <= MOST_QUERIES


def test_the_larger_data_set_really_is_ten_times_larger(area):
    from representation.models import ReportBack, Term
    from wins.models import Win

    area.grow_to(SMALL)
    small = Win.objects.count(), Term.objects.count(), ReportBack.objects.count()
    area.grow_to(TEN_TIMES)

    assert Win.objects.count() == 10 * small[0]
    assert Term.objects.count() - 1 >= 9 * (small[1] - 1) and ReportBack.objects.count() == 10 * small[2]


@pytest.mark.parametrize("who", ["officer", "champion"])
def test_an_open_round_adds_no_queries_to_the_officers_home_page(area, who):
    area.grow_to(SMALL)
    before = area.queries(who, reverse("dashboard"))

    area.open_round()
    with_round = area.queries(who, reverse("dashboard"))

    if who == "officer":
        assert with_round == before
    else:  # the champion's home page shows their deadline and progress: a fixed few queries more
        assert with_round <= before + 4
