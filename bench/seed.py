"""Seed a fresh bench PostgreSQL database with an area's years of data, in bulk.

At scale 1: 1,000 organisations (about 80% signed, 60 of them statutory bodies), 500 champions, 100,000 wins, 10,000 assessments with
a rating for every indicator, 2,000 actions, concerns, endorsements, 2,000 consultations and 5,000 funding
decisions with their checks against the commitments, the sector's seats (10 networks, 30 boards, about 100 seats,
their terms, meetings and report-backs) and 40 LSP reports. ``BENCH_SCALE``
(``make bench SCALE=10``) multiplies the area's size; the reports stay 40 quarters and the statutory bodies 60. The largest tables
(wins, their factors and organisations, ratings) are written with PostgreSQL's ``COPY``. Drops and
recreates the bench database (``BENCH_DATABASE``) only; no other database is touched. Prints how long
each part took.
"""

import datetime
import io
import random
import sys
import time
from contextlib import contextmanager
from urllib.parse import urlsplit

import psycopg2
from psycopg2 import sql

from bench import (
    API_KEY,
    CHAMPION_USERNAME,
    DATABASE_NAME,
    LSP_USERNAME,
    OFFICER_USERNAME,
    PASSWORD,
    PUBLIC_WINS,
    SCALE,
    SERVER_URL,
    setup_django,
)

ORGANISATIONS = 1_000 * SCALE
SIGNED_SHARE = 0.8
CHAMPIONS = 500 * SCALE
WINS = 100_000 * SCALE
ROUNDS = 10  # 1,000 organisations x 10 yearly rounds = 10,000 assessments
ACTIONS = 2_000 * SCALE
CONCERNS = 500 * SCALE
CONSULTATIONS = 2_000 * SCALE
FUNDING_DECISIONS = 5_000 * SCALE
ENDORSEMENTS = 40 * SCALE
# The sector's seats: a network or forum for every hundred organisations, three boards for each network, two to
# five seats on each, held in three-year terms over eight years, with a meeting a quarter reported back on two
# times in three: about 100 seats, 300 terms, 1,000 meetings and 1,900 report-backs at scale 1.
NETWORKS = 10 * SCALE
BOARDS = 30 * SCALE
COMMITTEES = 5 * SCALE  # besides the LSP
RECOMMENDATIONS = 300 * SCALE
# An area's statutory partners (its councils, the NHS, police, fire, colleges) do not multiply as its voluntary
# sector grows: the same number at every scale, each with ten times the consultations and funding at scale 10.
STATUTORY_BODIES = 60
REPORTS = 40
BATCH = 5_000
COPY_BATCH = 50_000

WORDS = [
    "volunteers",
    "council",
    "funding",
    "grant",
    "commissioning",
    "youth",
    "older",
    "people",
    "housing",
    "health",
    "food",
    "bank",
    "transport",
    "mental",
    "wellbeing",
    "carers",
    "refugees",
    "advice",
    "debt",
    "employment",
    "training",
    "sport",
    "arts",
    "library",
    "neighbourhood",
    "safety",
    "police",
    "fire",
    "school",
    "parents",
    "digital",
    "inclusion",
    "loneliness",
    "disability",
    "partnership",
    "consultation",
    "tender",
    "procurement",
    "outcomes",
    "evidence",
    "network",
    "forum",
    "faith",
    "environment",
]


def recreate_database():
    """Drop and create ``compact_bench`` on the server, connecting to the maintenance database."""
    parts = urlsplit(SERVER_URL)
    connection = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname="postgres",
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DATABASE_NAME)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME)))
    connection.close()


@contextmanager
def step(name, timings):
    started = time.perf_counter()
    yield
    timings.append((name, time.perf_counter() - started))
    print(f"  {name:<44} {timings[-1][1]:7.1f} s", flush=True)


def copy_value(value):
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def copy_rows(model, columns, rows):
    """Write ``rows`` (tuples in the order of ``columns``) into ``model``'s table with COPY."""
    from django.db import connection

    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(copy_value(value) for value in row))
        buffer.write("\n")
    buffer.seek(0)
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.copy_expert(f"COPY {table} ({names}) FROM STDIN", buffer)


def reset_sequence(model):
    """After rows were copied in with their ids, let the next insert carry on after the largest."""
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(statement)


def sentence(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def financial_year(start_year):
    return f"{start_year}/{(start_year + 1) % 100:02d}"


RATING_COLUMNS = ("id", "assessment_id", "indicator_id", "level", "evidence", "evidence_link", "comment")


class Seeder:
    def __init__(self, *, today):
        from django.utils import timezone

        self.rng = random.Random(20260401)
        self.today = today
        self.now = timezone.now()

    def aware(self, day, hour=10):
        from django.utils import timezone

        return min(timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour))), self.now)

    def days_ago(self, low, high):
        return self.today - datetime.timedelta(days=self.rng.randint(low, high))

    def users(self):
        from django.contrib.auth.hashers import make_password
        from django.contrib.auth.models import Group, User

        from signatories.roles import CHAMPION, LSP_MEMBER, OFFICER

        password = make_password(PASSWORD)  # hashed once, shared: hashing 500 times would take minutes
        people = [
            User(username=OFFICER_USERNAME, first_name="Olive", last_name="Officer", email="officer@bench.example"),
            User(username=LSP_USERNAME, first_name="Lee", last_name="Board", email="lsp@bench.example"),
        ] + [
            User(
                username=f"bench-champion-{n}",
                first_name="Champion",
                last_name=f"Number {n}",
                email=f"champion{n}@bench.example",
            )
            for n in range(CHAMPIONS)
        ]
        for person in people:
            person.password = password
        people = User.objects.bulk_create(people)
        groups = {group.name: group for group in Group.objects.all()}
        role_of = {OFFICER_USERNAME: OFFICER, LSP_USERNAME: LSP_MEMBER}
        Membership = User.groups.through
        Membership.objects.bulk_create(
            Membership(user_id=person.pk, group_id=groups[role_of.get(person.username, CHAMPION)].pk)
            for person in people
        )
        self.officer = people[0]
        self.champion_users = people[2:]
        assert self.champion_users[0].username == CHAMPION_USERNAME

    def register(self):
        from signatories import models as sig

        self.compact = sig.Compact.objects.create(
            name="Benchtown Compact",
            area="Benchtown",
            adopted_on=self.today - datetime.timedelta(days=8 * 365),
            review_on=self.today + datetime.timedelta(days=365),
            report_every_months=3,
        )
        kinds = {
            sig.Sector.STATUTORY: [
                sig.OrganisationKind.COUNCIL,
                sig.OrganisationKind.HEALTH,
                sig.OrganisationKind.POLICE,
                sig.OrganisationKind.EDUCATION,
            ],
            sig.Sector.VOLUNTARY: [
                sig.OrganisationKind.CHARITY,
                sig.OrganisationKind.COMMUNITY_GROUP,
                sig.OrganisationKind.SOCIAL_ENTERPRISE,
                sig.OrganisationKind.FAITH,
            ],
            sig.Sector.OTHER: [sig.OrganisationKind.BUSINESS, sig.OrganisationKind.OTHER],
        }
        organisations, statutory = [], 0
        for n in range(ORGANISATIONS):
            sector = self.rng.choices(list(kinds), weights=[15, 75, 10])[0]
            if sector == sig.Sector.STATUTORY:
                statutory += 1
                if statutory > STATUTORY_BODIES:
                    sector = self.rng.choices([sig.Sector.VOLUNTARY, sig.Sector.OTHER], weights=[75, 10])[0]
            organisations.append(
                sig.Organisation(
                    name=f"{self.rng.choice(WORDS).capitalize()} {self.rng.choice(WORDS)} organisation {n:04d}",
                    sector=sector,
                    kind=self.rng.choice(kinds[sector]),
                    charity_number=str(1_000_000 + n) if sector == sig.Sector.VOLUNTARY else "",
                    website=f"https://org{n}.bench.example",
                )
            )
        self.organisations = sig.Organisation.objects.bulk_create(organisations)
        signatures = []
        for organisation in self.organisations:
            roll = self.rng.random()
            signed_on = self.days_ago(400, 2900)
            if roll < SIGNED_SHARE:
                signatures.append(
                    sig.Signature(
                        compact=self.compact,
                        organisation=organisation,
                        signed_on=signed_on,
                        signed_by_name="Chris Chair",
                        signed_by_role="Chair",
                    )
                )
            elif roll < SIGNED_SHARE + 0.05:
                signatures.append(
                    sig.Signature(
                        compact=self.compact,
                        organisation=organisation,
                        signed_on=signed_on,
                        signed_by_name="Chris Chair",
                        signed_by_role="Chair",
                        withdrawn_on=signed_on + datetime.timedelta(days=300),
                        withdrawal_reason="The group closed.",
                    )
                )
        sig.Signature.objects.bulk_create(signatures)
        signed = {s.organisation_id for s in signatures if s.withdrawn_on is None}
        self.signed = [o for o in self.organisations if o.pk in signed]
        champions = []
        for n, user in enumerate(self.champion_users):
            appointed = self.days_ago(200, 2500)
            stood_down = n % 10 == 9
            champions.append(
                sig.Champion(
                    organisation=self.signed[n % len(self.signed)],
                    user=user,
                    name=f"Champion Number {n}",
                    job_title="Partnerships lead",
                    email=user.email,
                    appointed_on=appointed,
                    stood_down_on=appointed + datetime.timedelta(days=150) if stood_down else None,
                    stood_down_reason="Moved on." if stood_down else "",
                    support_needs="Half a day of training" if n % 4 == 0 else "",
                )
            )
        self.champions = sig.Champion.objects.bulk_create(champions)
        sig.Endorsement.objects.bulk_create(
            sig.Endorsement(
                compact=self.compact,
                organisation=self.rng.choice(self.signed),
                name=f"Cllr Endorser {n}",
                kind=self.rng.choice(list(sig.EndorsementKind)),
                position="Cabinet member",
                endorsed_on=self.days_ago(30, 2500),
            )
            for n in range(ENDORSEMENTS)
        )

    def wins(self):
        from success_factors.models import Factor
        from wins.models import Win, WinStatus

        factor_ids = list(Factor.objects.values_list("pk", flat=True))
        active = [c for c in self.champions if c.stood_down_on is None]
        signed_ids = [o.pk for o in self.signed]
        Through = Win.factors.through
        Involved = Win.organisations.through
        statuses = [WinStatus.PUBLISHED, WinStatus.SUBMITTED, WinStatus.DRAFT, WinStatus.RETURNED]
        columns = (
            "id",
            "compact_id",
            "title",
            "what_happened",
            "difference_made",
            "happened_on",
            "is_quick_win",
            "people_reached",
            "evidence_link",
            "evidence_file",
            "evidence_file_name",
            "recorded_by_id",
            "organisation_id",
            "status",
            "show_on_public_site",
            "return_note",
            "submitted_at",
            "published_at",
            "published_by_id",
            "created_at",
            "updated_at",
        )
        through_id = involved_id = 0
        for first in range(0, WINS, COPY_BATCH):
            wins, tags, involved = [], [], []
            for n in range(first, min(first + COPY_BATCH, WINS)):
                pk = n + 1
                champion = self.rng.choice(active)
                status = self.rng.choices(statuses, weights=[90, 4, 4, 2])[0]
                happened = self.days_ago(1, 6 * 365)
                submitted = self.aware(happened + datetime.timedelta(days=self.rng.randint(0, 10)))
                published = status == WinStatus.PUBLISHED
                wins.append(
                    (
                        pk,
                        self.compact.pk,
                        f"{sentence(self.rng, 5)[:-1]} ({n})",
                        sentence(self.rng, 30),
                        sentence(self.rng, 15),
                        happened,
                        self.rng.random() < 0.2,
                        self.rng.randint(1, 5000) if self.rng.random() < 0.6 else None,
                        "",
                        "",
                        "",
                        champion.user_id,
                        champion.organisation_id,
                        status,
                        False,
                        "Add the numbers, please." if status == WinStatus.RETURNED else "",
                        submitted if status != WinStatus.DRAFT else None,
                        min(submitted + datetime.timedelta(days=self.rng.randint(1, 20)), self.now)
                        if published
                        else None,
                        self.officer.pk if published else None,
                        self.aware(happened),
                        self.now,
                    )
                )
                for factor in self.rng.sample(factor_ids, self.rng.choice([1, 1, 2, 3])):
                    through_id += 1
                    tags.append((through_id, pk, factor))
                for organisation in self.rng.sample(signed_ids, self.rng.randint(1, 3)):
                    involved_id += 1
                    involved.append((involved_id, pk, organisation))
            copy_rows(Win, columns, wins)
            copy_rows(Through, ("id", "win_id", "factor_id"), tags)
            copy_rows(Involved, ("id", "win_id", "organisation_id"), involved)
        for model in (Win, Through, Involved):
            reset_sequence(model)

    def assessments(self):
        from success_factors.models import Assessment, AssessmentStatus, Indicator, Rating
        from success_factors.services import record_factor_scores

        indicators = list(Indicator.objects.filter(retired_on__isnull=True).values_list("pk", flat=True))
        latest = self.today.year if self.today.month >= 4 else self.today.year - 1
        years = range(latest - ROUNDS + 1, latest + 1)
        for organisation in self.organisations:
            organisation.bias = self.rng.uniform(-0.8, 0.8)
        rows = []
        home = self.signed[0]  # the measured champion's: in progress this year at every scale, so both compare alike
        for year in years:
            for organisation in self.organisations:
                draft = year == latest and (self.rng.random() < 0.4 or organisation == home)
                submitted_at = self.aware(
                    datetime.date(year + 1, 1, 15) - datetime.timedelta(days=self.rng.randint(0, 60))
                )
                rows.append(
                    Assessment(
                        compact=self.compact,
                        organisation=organisation,
                        round=financial_year(year),
                        status=AssessmentStatus.DRAFT if draft else AssessmentStatus.SUBMITTED,
                        submitted_at=None if draft else submitted_at,
                        started_by=self.officer,
                        submitted_by=None if draft else self.officer,
                        created_at=self.aware(datetime.date(year, 10, 1)),
                    )
                )
        self.assessment_rows = []
        for first in range(0, len(rows), BATCH):
            self.assessment_rows += Assessment.objects.bulk_create(rows[first : first + BATCH])
        ratings, pk = [], 0
        for assessment in self.assessment_rows:
            growth = (int(assessment.round[:4]) - years[0]) * 0.12
            for indicator in indicators:
                mean = 2.0 + growth + assessment.organisation.bias
                level = 0 if self.rng.random() < 0.07 else max(1, min(4, round(self.rng.gauss(mean, 0.8))))
                pk += 1
                ratings.append(
                    (
                        pk,
                        assessment.pk,
                        indicator,
                        level,
                        "Minutes of the partnership board" if level >= 3 else "",
                        "",
                        "",
                    )
                )
            if len(ratings) >= COPY_BATCH:
                copy_rows(Rating, RATING_COLUMNS, ratings)
                ratings = []
        copy_rows(Rating, RATING_COLUMNS, ratings)
        reset_sequence(Rating)
        record_factor_scores(a.pk for a in self.assessment_rows if a.status == AssessmentStatus.SUBMITTED)

    def rounds(self):
        """A round for every year: the earlier ones closed, this year's open (deadline in 10 days, so about
        40% are still drafts), and next year's planned."""
        from success_factors.models import Round, RoundStatus

        latest = self.today.year if self.today.month >= 4 else self.today.year - 1
        rows = [
            Round(
                compact=self.compact,
                year=financial_year(year),
                opens_on=datetime.date(year, 10, 1),
                deadline=datetime.date(year + 1, 1, 31),
                status=RoundStatus.CLOSED,
            )
            for year in range(latest - ROUNDS + 1, latest)
        ]
        rows.append(
            Round(
                compact=self.compact,
                year=financial_year(latest),
                status=RoundStatus.OPEN,
                opens_on=self.today - datetime.timedelta(days=40),
                deadline=self.today + datetime.timedelta(days=10),
            )
        )
        rows.append(
            Round(
                compact=self.compact,
                year=financial_year(latest + 1),
                status=RoundStatus.PLANNED,
                opens_on=datetime.date(latest + 1, 10, 1),
                deadline=datetime.date(latest + 2, 1, 31),
            )
        )
        Round.objects.bulk_create(rows)

    def actions_and_concerns(self):
        from success_factors.models import Action, ActionStatus, Factor
        from wins.concerns.models import Concern, ConcernStatus

        factors = list(Factor.objects.all())
        actions = Action.objects.bulk_create(
            Action(
                compact=self.compact,
                factor=self.rng.choice(factors),
                description=sentence(self.rng, 12),
                owner_organisation=self.rng.choice(self.signed),
                owner_name="Pat Partnerships",
                due_on=self.today + datetime.timedelta(days=self.rng.randint(-400, 400)),
                status=self.rng.choices(list(ActionStatus), weights=[40, 30, 25, 5])[0],
                created_by=self.officer,
                created_at=self.aware(self.days_ago(30, 900)),
            )
            for _ in range(ACTIONS)
        )
        concerns = []
        for _ in range(CONCERNS):
            status = self.rng.choices(list(ConcernStatus), weights=[40, 20, 30, 10])[0]
            raised = self.days_ago(10, 1500)
            concerns.append(
                Concern(
                    compact=self.compact,
                    title=sentence(self.rng, 6),
                    details=sentence(self.rng, 25),
                    factor=self.rng.choice(factors),
                    raised_by=self.rng.choice(self.champion_users),
                    raised_by_organisation=self.rng.choice(self.signed),
                    raised_on=raised,
                    status=status,
                    resolution="Agreed at the forum." if status == ConcernStatus.RESOLVED else "",
                    resolved_on=raised + datetime.timedelta(days=30) if status == ConcernStatus.RESOLVED else None,
                    escalated_on=raised + datetime.timedelta(days=20) if status == ConcernStatus.ESCALATED else None,
                    action=self.rng.choice(actions) if self.rng.random() < 0.2 else None,
                )
            )
        Concern.objects.bulk_create(concerns)

    def commitments(self):
        """Consultations and funding decisions by the statutory signatories over four years, with their checks
        worked out by the same check functions the service uses."""
        from commitments import checks
        from commitments.models import Check, Commitment, Consultation, FundingDecision, RecordStatus

        bodies = [o for o in self.signed if o.sector == "statutory"]
        voluntary = [o for o in self.signed if o.sector == "voluntary"]
        commitments = list(Commitment.objects.all())

        def status():
            return RecordStatus.REPORTED if self.rng.random() < 0.05 else RecordStatus.VERIFIED

        consultations = []
        for _n in range(CONSULTATIONS):
            opened = self.days_ago(0, 1460)
            weeks = self.rng.choices([12, 13, 8, 6, 4], weights=[60, 15, 10, 10, 5])[0]
            consultations.append(
                Consultation(
                    compact=self.compact,
                    body=self.rng.choice(bodies),
                    status=status(),
                    title=sentence(self.rng, 5),
                    opened_on=opened,
                    closes_on=opened + datetime.timedelta(weeks=weeks),
                    sector_involved=self.rng.choice(["yes", "no", ""]),
                    shorter_reason="A statutory deadline." if weeks < 12 and self.rng.random() < 0.5 else "",
                    reported_by=self.officer,
                    created_at=self.aware(opened),
                )
            )
        consultations = Consultation.objects.bulk_create(consultations, batch_size=BATCH)
        decisions = []
        for _n in range(FUNDING_DECISIONS):
            decided = self.days_ago(0, 1460)
            starts = decided + datetime.timedelta(days=30)
            months = self.rng.choice([12, 12, 24, 36, 36])
            ended = self.rng.random() < 0.1
            notice = decided + datetime.timedelta(days=self.rng.randint(60, 400)) if ended else None
            decisions.append(
                FundingDecision(
                    compact=self.compact,
                    body=self.rng.choice(bodies),
                    status=status(),
                    name=sentence(self.rng, 4),
                    funding_kind=self.rng.choice(["grant", "contract", "commissioned"]),
                    amount=self.rng.randint(1, 500) * 1000,
                    decided_on=decided,
                    starts_on=starts,
                    ends_on=checks.corresponding_day(starts, months) - datetime.timedelta(days=1),
                    full_cost_recovery=self.rng.choice([True, True, False, None]),
                    paid_in_advance=self.rng.choice([True, True, False, None]),
                    rationale_published=self.rng.choice([True, True, True, False, None]),
                    change="ended" if ended else "",
                    notice_given_on=notice,
                    change_takes_effect_on=notice + datetime.timedelta(days=self.rng.choice([21, 60, 92, 120]))
                    if notice
                    else None,
                    reported_by=self.officer,
                    created_at=self.aware(decided),
                )
            )
        decisions = FundingDecision.objects.bulk_create(decisions, batch_size=BATCH)
        Funded = FundingDecision.organisations_funded.through
        Funded.objects.bulk_create(
            (Funded(fundingdecision_id=d.pk, organisation_id=self.rng.choice(voluntary).pk) for d in decisions),
            batch_size=BATCH,
        )
        rows = []
        for record in [*consultations, *decisions]:
            for commitment in commitments:
                if commitment.kind != record.kind:
                    continue
                outcome = checks.check(record, commitment.rule, commitment.threshold)
                if outcome is None:
                    continue
                rows.append(
                    Check(
                        commitment=commitment,
                        **{record.kind_field: record},
                        result=outcome.result,
                        why=outcome.why,
                        threshold=commitment.threshold,
                        compact=self.compact,
                        body_id=record.body_id,
                        dated_on=record.date_for(commitment.rule),
                        verified=record.status == RecordStatus.VERIFIED,
                    )
                )
        Check.objects.bulk_create(rows, batch_size=BATCH)

    def representation(self):
        """Networks with members, boards run by the statutory bodies with their seats, eight years of three-year
        terms (some seats vacant between terms), a meeting a quarter, and report-backs on two meetings in three."""
        from representation.models import Board, Frequency, Meeting, Membership, Network, ReportBack, Seat, Term

        statutory = [o for o in self.signed if o.sector == "statutory"]
        voluntary = [o for o in self.signed if o.sector == "voluntary"]
        networks = Network.objects.bulk_create(
            Network(compact=self.compact, name=f"{self.rng.choice(WORDS).capitalize()} network {n}")
            for n in range(NETWORKS)
        )
        members = {network.pk: self.rng.sample(voluntary, min(len(voluntary), 40)) for network in networks}
        Membership.objects.bulk_create(
            (
                Membership(network_id=network_id, organisation=organisation, joined_on=self.days_ago(2000, 3000))
                for network_id, organisations in members.items()
                for organisation in organisations
            ),
            batch_size=BATCH,
        )
        opened = self.today - datetime.timedelta(days=8 * 365)
        boards = Board.objects.bulk_create(
            Board(
                compact=self.compact,
                name=f"{self.rng.choice(WORDS).capitalize()} partnership board {n}",
                run_by=self.rng.choice(statutory),
                meets=Frequency.QUARTERLY,
            )
            for n in range(BOARDS)
        )
        seats = Seat.objects.bulk_create(
            Seat(board=board, number=number, opened_on=opened)
            for board in boards
            for number in range(1, self.rng.randint(2, 5) + 1)
        )
        holders = iter(self.champion_users[1:])  # the measured champion holds no seat: their pages compare alike
        terms = []
        for seat in seats:
            network = self.rng.choice(networks)
            starts = opened + datetime.timedelta(days=self.rng.randint(0, 200))
            while starts < self.today:
                ends = starts + datetime.timedelta(days=3 * 365)
                current = ends > self.today
                left = None  # one current holder in ten has left early: their seat is vacant now
                if current and self.rng.random() < 0.1:
                    left = max(starts, self.today - datetime.timedelta(days=self.rng.randint(5, 150)))
                terms.append(
                    Term(
                        seat=seat,
                        holder_name=f"Representative {len(terms)}",
                        holder=next(holders, None) if current and not left else None,
                        organisation=self.rng.choice(members[network.pk]),
                        nominated_by=network,
                        starts_on=starts,
                        ends_on=ends,
                        left_on=left,
                        name_is_public=self.rng.random() < 0.5,
                        appointed_by=self.officer,
                        created_at=self.aware(starts),
                    )
                )
                starts = ends + datetime.timedelta(days=self.rng.choice([1, 1, 1, 40, 120]))  # some vacancies
        terms = Term.objects.bulk_create(terms, batch_size=BATCH)
        meetings = Meeting.objects.bulk_create(
            (
                Meeting(board=board, held_on=opened + datetime.timedelta(days=offset + days))
                for board in boards
                for offset in [self.rng.randint(0, 90)]
                for days in range(0, (self.today - opened).days + 60, 91)
            ),
            batch_size=BATCH,
        )
        by_board = {}
        for term in terms:
            by_board.setdefault(term.seat.board_id, []).append(term)
        report_backs = []
        for meeting in meetings:
            if meeting.held_on > self.today:
                continue
            for term in by_board[meeting.board_id]:
                if term.holds_on(meeting.held_on) and self.rng.random() < 2 / 3:
                    written = meeting.held_on + datetime.timedelta(days=self.rng.choice([2, 5, 9, 12, 30]))
                    report_backs.append(
                        ReportBack(
                            meeting=meeting,
                            term=term,
                            discussed=sentence(self.rng, 12),
                            sector_said=sentence(self.rng, 12),
                            decided=sentence(self.rng, 8),
                            next_steps=sentence(self.rng, 8),
                            written_by_id=term.holder_id,
                            written_at=self.aware(min(written, self.today)),
                        )
                    )
        ReportBack.objects.bulk_create(report_backs, batch_size=BATCH)
        return len(seats), len(terms), len(meetings), len(report_backs)

    def pledges(self):
        """Two financial years of pledges from two signatories in three, each with one to three roles and, for
        most, money from a budget line."""
        from signatories.pledges.models import Pledge, PledgedMoney, PledgedRole, financial_year_of

        this_year = financial_year_of(self.today)
        pledges, roles, money = [], [], []
        for organisation in self.signed:
            if self.rng.random() < 1 / 3:
                continue
            for year in (this_year - 1, this_year):
                hours = [self.rng.choice([1, 2, 4, 8]) for _ in range(self.rng.randint(1, 3))]
                amount = self.rng.choice([0, 0, 150, 500, 2500])
                pledge = Pledge(
                    compact=self.compact,
                    organisation=organisation,
                    year=year,
                    agreed_by="Chief executive",
                    in_kind=self.rng.choice(["", "Meeting rooms"]),
                    hours_per_month=sum(hours),
                    money=amount,
                    recorded_by=self.officer,
                )
                pledges.append(pledge)
                roles += [(pledge, f"Role {n}", value) for n, value in enumerate(hours)]
                if amount:
                    money.append((pledge, "Partnerships budget", amount))
        Pledge.objects.bulk_create(pledges, batch_size=BATCH)
        PledgedRole.objects.bulk_create(
            (PledgedRole(pledge=p, role=name, hours_per_month=value) for p, name, value in roles), batch_size=BATCH
        )
        PledgedMoney.objects.bulk_create(
            (PledgedMoney(pledge=p, budget_line=line, amount=value) for p, line, value in money), batch_size=BATCH
        )
        return len(pledges)

    def committees(self):
        """The LSP and other committees meeting every two months for four years; every published report sent to an
        LSP meeting and to some others; recommendations about them, most answered, some overdue, a few actions."""
        from compact_site.reporting.committees.models import (
            Committee,
            CommitteeKind,
            CommitteeMeeting,
            Recommendation,
            ReportSent,
            Response,
        )
        from compact_site.reporting.models import Report, ReportStatus

        kinds = [CommitteeKind.SCRUTINY, CommitteeKind.HEALTH_AND_WELLBEING, CommitteeKind.CABINET_MEMBER]
        committees = Committee.objects.bulk_create(
            [Committee(compact=self.compact, name="Local Strategic Partnership", kind=CommitteeKind.LSP)]
            + [
                Committee(compact=self.compact, name=f"{self.rng.choice(WORDS).capitalize()} committee {n}", kind=kind)
                for n in range(COMMITTEES)
                for kind in [kinds[n % len(kinds)]]
            ]
        )
        started = self.today - datetime.timedelta(days=4 * 365)
        meetings = CommitteeMeeting.objects.bulk_create(
            (
                CommitteeMeeting(committee=committee, held_on=started + datetime.timedelta(days=days))
                for committee in committees
                for days in range(self.rng.randint(0, 60), 4 * 365, 61)
            ),
            batch_size=BATCH,
        )
        reports = list(Report.objects.filter(status=ReportStatus.PUBLISHED).order_by("period_end"))
        sent = []
        for report in reports:
            after = [meeting for meeting in meetings if meeting.held_on > report.period_end]
            for meeting in {m.committee_id: m for m in reversed(after)}.values():
                if meeting.committee_id == committees[0].pk or self.rng.random() < 0.3:
                    sent.append(ReportSent(report=report, meeting=meeting, sent_by=self.officer))
        ReportSent.objects.bulk_create(sent, batch_size=BATCH)
        statutory = [o for o in self.signed if o.sector == "statutory"]
        recommendations = []
        for _ in range(RECOMMENDATIONS):
            sending = self.rng.choice(sent)
            made_on = min(sending.meeting.held_on, self.today)
            answered = self.rng.random() < 0.7 and made_on < self.today
            recommendations.append(
                Recommendation(
                    report=sending.report,
                    committee_id=sending.meeting.committee_id,
                    text=sentence(self.rng, 14),
                    made_on=made_on,
                    respond_by="Cabinet member",
                    responder_organisation=self.rng.choice(statutory),
                    response_due_on=made_on + datetime.timedelta(days=56),
                    response=self.rng.choice(Response.values) if answered else "",
                    response_text=sentence(self.rng, 10) if answered else "",
                    responded_on=min(made_on + datetime.timedelta(days=30), self.today) if answered else None,
                    responded_by=self.officer if answered else None,
                    created_by=self.officer,
                )
            )
        Recommendation.objects.bulk_create(recommendations, batch_size=BATCH)
        return len(committees), len(meetings), len(recommendations)

    def public_site(self):
        """The public site as an area would run it: on, with a thousand wins, the latest report, the scores and
        the commitments shown."""
        from compact_site.accounts.models import hash_token
        from compact_site.api.models import ApiToken
        from compact_site.public.models import PublicSiteSettings
        from compact_site.reporting.models import Report, ReportStatus
        from wins.models import Win, WinStatus

        PublicSiteSettings.objects.create(
            is_on=True,
            publish_scores=True,
            publish_commitments=True,
            publish_representation=True,
            publish_scrutiny=True,
            updated_by=self.officer,
        )
        published = Win.objects.filter(compact=self.compact, status=WinStatus.PUBLISHED).order_by("-happened_on", "-id")
        Win.objects.filter(pk__in=list(published.values_list("pk", flat=True)[:PUBLIC_WINS])).update(
            show_on_public_site=True
        )
        Report.objects.filter(
            pk=Report.objects.filter(status=ReportStatus.PUBLISHED).order_by("-period_end").values("pk")[:1]
        ).update(is_public=True)
        # A limit no measurement reaches: the bench times pages, it does not test the limit.
        ApiToken.objects.create(
            name="Bench",
            prefix=API_KEY[:8],
            token_hash=hash_token(API_KEY),
            created_by=self.officer,
            rate_limit_per_minute=6000,
            can_see_names=True,
        )

    def reports(self):
        """Two real reports through the reporting services, then earlier quarters copying the published snapshot."""
        from compact_site.reporting import services
        from compact_site.reporting.models import Report, ReportStatus
        from compact_site.reporting.periods import last_full_quarter, quarter_of

        start, end = quarter_of(self.today)
        draft = services.create_report(compact=self.compact, start=start, end=end, by=self.officer)
        services.update_report(
            report=draft,
            by=self.officer,
            title=draft.title,
            summary="The quarter so far.",
            highlighted_wins=draft.highlighted_wins.all(),
        )
        start, end = last_full_quarter(self.today)
        published = services.create_report(compact=self.compact, start=start, end=end, by=self.officer)
        services.update_report(
            report=published,
            by=self.officer,
            title=published.title,
            summary="A good quarter for the partnership.",
            issues="Funding for the CVS beyond March.",
            recommendations="Agree the grant.",
            highlighted_wins=published.highlighted_wins.all(),
        )
        published = services.publish_report(report=published, by=self.officer)
        copies = []
        for _ in range(REPORTS - 2):
            end = start - datetime.timedelta(days=1)
            start, end = quarter_of(end)
            snapshot = dict(published.snapshot, title=services.default_title(start, end))
            copies.append(
                Report(
                    compact=self.compact,
                    title=snapshot["title"],
                    period_start=start,
                    period_end=end,
                    status=ReportStatus.PUBLISHED,
                    summary=published.summary,
                    issues=published.issues,
                    recommendations=published.recommendations,
                    snapshot=snapshot,
                    published_at=self.aware(end + datetime.timedelta(days=30)),
                    published_by=self.officer,
                    created_by=self.officer,
                    created_at=self.aware(end + datetime.timedelta(days=10)),
                )
            )
        Report.objects.bulk_create(copies)


def main():
    started = time.perf_counter()
    timings = []
    print(f"Seeding a fresh {DATABASE_NAME} database at scale {SCALE}", flush=True)
    with step("drop and create the database", timings):
        recreate_database()
    setup_django()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    with step("migrate", timings):
        call_command("migrate", verbosity=0, interactive=False)
    seeder = Seeder(today=timezone.localdate())
    with transaction.atomic():
        with step("users and roles", timings):
            seeder.users()
        with step(f"{ORGANISATIONS:,} organisations, {CHAMPIONS} champions", timings):
            seeder.register()
        with step(f"{WINS:,} wins with factors and organisations", timings):
            seeder.wins()
        with step(f"{ORGANISATIONS * ROUNDS:,} assessments with their ratings", timings):
            seeder.assessments()
        with step(f"{ROUNDS + 1} self-assessment rounds", timings):
            seeder.rounds()
        with step(f"{ACTIONS:,} actions, {CONCERNS} concerns", timings):
            seeder.actions_and_concerns()
        with step(
            f"{CONSULTATIONS:,} consultations, {FUNDING_DECISIONS:,} funding decisions and their checks", timings
        ):
            seeder.commitments()
        with step(f"{NETWORKS} networks, {BOARDS} boards, their seats, terms, meetings and report-backs", timings):
            seeder.representation()
        with step("two financial years of pledges", timings):
            seeder.pledges()
    with step(f"{REPORTS} reports (2 through the services)", timings):
        seeder.reports()
    with step(f"the LSP and {COMMITTEES} committees, their meetings, {RECOMMENDATIONS:,} recommendations", timings):
        seeder.committees()
    # A live database is vacuumed and analysed by autovacuum; a freshly bulk-loaded one is not until it
    # gets round to it. Do it now so the plans and index-only scans are those of a settled database.
    with step(f"public site: on, scores published, {PUBLIC_WINS:,} wins and a report shown, an API key", timings):
        seeder.public_site()
    with step("vacuum and analyse", timings), connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    total = time.perf_counter() - started
    print(f"Seeded {DATABASE_NAME} in {total:.1f} s", flush=True)
    return total


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
