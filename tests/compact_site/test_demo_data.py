"""The demo: a believable Northbrook Compact, loaded only into an empty database and never in production."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone

from commitments.models import Consultation, FundingDecision
from compact_site.reporting.committees.models import Committee, Recommendation, ReportSent
from compact_site.reporting.models import Report, ReportStatus
from compact_site.reporting.periods import last_full_quarter, quarter_of
from representation.models import Board, Network, ReportBack, Seat, Term
from representation.selectors import seat_rows, waiting_for
from signatories.demo import ORGANISATIONS
from signatories.models import Champion, Compact, Endorsement, Organisation, Pledge, Signature
from signatories.roles import CHAMPION, LSP_MEMBER, OFFICER, REPRESENTATIVE, roles_of
from signatories.selectors import active_signatories, organisation_for
from success_factors.models import Action, Assessment, AssessmentStatus, Round
from success_factors.selectors import current_round, partnership_results
from wins.concerns.models import Concern, ConcernStatus
from wins.models import Win, WinStatus

pytestmark = pytest.mark.django_db


def current_round_now():
    return current_round(timezone.localdate())


def run(*args):
    out = io.StringIO()
    call_command("demo_data", *args, stdout=out)
    return out.getvalue()


def test_loads_a_whole_compact_and_prints_the_logins():
    output = run("--if-empty")

    assert "Loaded the Northbrook demo" in output
    for username in ("officer", "champion", "lsp", "representative"):
        assert username in output
    assert "compact-demo" in output
    compact = Compact.objects.get()
    assert compact.name == "Northbrook Local Compact"
    assert Organisation.objects.count() == len(ORGANISATIONS)
    assert 30 <= active_signatories(compact=compact).count() < Organisation.objects.count()
    assert Champion.objects.filter(stood_down_on__isnull=False).exists()
    assert 20 <= Champion.objects.filter(stood_down_on__isnull=True).count() <= 35


@pytest.mark.parametrize(
    "username, role",
    [("officer", OFFICER), ("champion", CHAMPION), ("lsp", LSP_MEMBER), ("representative", REPRESENTATIVE)],
)
@pytest.mark.django_db(transaction=True)
def test_each_demo_user_logs_in_with_the_demo_password_and_has_one_role(username, role, demo):
    client = Client()

    response = client.post("/accounts/login/", {"username": username, "password": "compact-demo"})

    assert response.status_code == 302
    user = response.wsgi_request.user
    assert user.is_authenticated
    assert roles_of(user) == {role}


@pytest.mark.django_db(transaction=True)
def test_the_demo_champion_champions_the_cvs_and_has_this_years_assessment_to_do(demo):
    champion = Champion.objects.get(user__username="champion")

    assert organisation_for(champion.user).name == "Northbrook CVS"
    assert not Assessment.objects.filter(organisation=champion.organisation, round=current_round_now()).exists()
    assert Assessment.objects.filter(organisation=champion.organisation, status=AssessmentStatus.SUBMITTED).exists()


@pytest.mark.django_db(transaction=True)
def test_two_rounds_show_movement_a_perception_gap_and_a_believable_response_rate(demo):
    results = partnership_results(compact=Compact.objects.get())

    assert results.round == current_round_now()
    assert results.previous_round is not None
    assert all(result.score is not None for result in results.factors)
    assert any(abs(result.change) >= 3 for result in results.factors)
    assert any(abs(result.gap) >= 10 for result in results.factors)
    assert 50 <= results.response_rate <= 100


@pytest.mark.django_db(transaction=True)
def test_some_actions_are_overdue_and_some_are_not(demo):
    actions = list(Action.objects.all())

    assert len(actions) >= 12
    assert 0 < sum(action.is_overdue for action in actions) < len(actions)


@pytest.mark.django_db(transaction=True)
def test_about_120_wins_across_every_factor_mostly_published_some_the_champions_in_progress(demo):
    wins = Win.objects.all()
    by_status = {status: wins.filter(status=status).count() for status in WinStatus.values}
    champion_wins = wins.filter(recorded_by__username="champion")

    assert 110 <= wins.count() <= 130
    assert by_status[WinStatus.PUBLISHED] >= 100
    assert all(by_status[status] for status in (WinStatus.SUBMITTED, WinStatus.RETURNED, WinStatus.DRAFT))
    assert set(wins.filter(status=WinStatus.PUBLISHED).values_list("factors__number", flat=True)) == set(range(1, 8))
    assert wins.values("organisations").distinct().count() >= 25
    assert champion_wins.count() >= 8
    assert set(champion_wins.values_list("organisation__name", flat=True)) == {"Northbrook CVS"}
    assert champion_wins.filter(status=WinStatus.RETURNED).exclude(return_note="").exists()
    assert wins.values("title").distinct().count() >= 60  # composed, so they vary
    oldest = wins.order_by("happened_on").first().happened_on
    assert (timezone.localdate() - oldest).days > 2 * 365


@pytest.mark.django_db(transaction=True)
def test_a_dozen_concerns_in_every_state_some_raised_by_the_demo_champion(demo):
    concerns = Concern.objects.all()

    assert concerns.count() >= 12
    assert set(concerns.values_list("status", flat=True)) == set(ConcernStatus.values)
    assert concerns.filter(raised_by__username="champion").exists()
    assert concerns.filter(summary_published=True).exists()


@pytest.mark.django_db(transaction=True)
def test_four_quarterly_reports_are_published_and_this_quarter_is_in_draft(demo):
    today = timezone.localdate()
    published = list(Report.objects.filter(status=ReportStatus.PUBLISHED).order_by("period_start"))
    draft = Report.objects.get(status=ReportStatus.DRAFT)

    assert len(published) == 4
    assert (published[-1].period_start, published[-1].period_end) == last_full_quarter(today)
    assert all(
        later.period_start == earlier.period_end + datetime.timedelta(days=1)
        for earlier, later in zip(published, published[1:], strict=False)
    )
    assert all(report.snapshot["commentary"]["summary"] and report.snapshot["highlighted_wins"] for report in published)
    assert all(report.published_at.date() > report.period_end for report in published)
    assert (draft.period_start, draft.period_end) == quarter_of(today)
    assert published[-1].snapshot["figures"]["factors"]["round"] is not None


def test_the_same_seed_gives_the_same_register():
    run()
    first = sorted(Champion.objects.values_list("name", "organisation__name"))
    wins = sorted(Win.objects.values_list("title", "happened_on"))
    for model in (
        Recommendation,
        ReportSent,
        Committee,
        Pledge,
        ReportBack,
        Term,
        Board,
        Network,
        Report,
        Concern,
        Win,
        Consultation,
        FundingDecision,
        Champion,
        Action,
        Assessment,
        Round,
        Endorsement,
        Signature,
        Organisation,
        Compact,
        get_user_model(),
    ):
        model.objects.all().delete()

    run()

    assert sorted(Champion.objects.values_list("name", "organisation__name")) == first
    assert sorted(Win.objects.values_list("title", "happened_on")) == wins


def test_if_empty_leaves_an_existing_database_alone():
    Organisation.objects.create(name="Real Organisation", sector="voluntary", kind="charity")

    output = run("--if-empty")

    assert "no demo data was loaded" in output
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Real Organisation"]


def test_without_if_empty_it_refuses_a_database_with_data():
    Organisation.objects.create(name="Real Organisation", sector="voluntary", kind="charity")

    with pytest.raises(CommandError, match="already has data"):
        run()
    assert Organisation.objects.count() == 1


def test_never_in_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="production"):
        run("--if-empty")
    assert not Organisation.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_demo_has_a_failed_email_for_the_officers_list(demo):
    from notifications.selectors import messages_not_sent

    [message] = messages_not_sent()
    assert "Mailbox unavailable" in message.last_error


@pytest.mark.django_db(transaction=True)
def test_the_demo_has_this_years_round_open_with_its_deadline_ten_days_ahead(demo):
    from success_factors.rounds.selectors import progress_counts, round_progress

    round_ = Round.objects.get(status="open")

    assert round_.year == current_round_now()
    assert round_.deadline == timezone.localdate() + datetime.timedelta(days=10)
    counts = {state: count for state, _, count in progress_counts(round_progress(round_))["by_state"]}
    assert counts["submitted"] >= 10 and counts["in_progress"] >= 3 and counts["not_started"] >= 3
    assert Round.objects.filter(status="closed").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_demo_has_actions_due_this_week(demo):
    today = timezone.localdate()

    assert (
        Action.objects.filter(
            due_on__gt=today, due_on__lte=today + datetime.timedelta(days=7), status__in=["open", "in_progress"]
        ).count()
        >= 2
    )


def test_the_demo_opens_the_public_site_and_gives_a_performance_team_key():
    output = run()

    from compact_site.public.models import PublicSiteSettings

    setting = PublicSiteSettings.current()
    assert setting.is_on and setting.publish_scores and setting.publish_commitments and setting.publish_representation
    assert Win.objects.filter(status=WinStatus.PUBLISHED, show_on_public_site=True).count() == 10
    latest = Report.objects.filter(status=ReportStatus.PUBLISHED).order_by("-period_end").first()
    assert list(Report.objects.filter(is_public=True)) == [latest]
    assert "Demo API key (Performance team – Power BI): cpt_demo-performance-team-not-secret" in output
    response = Client().get("/api/v1/organisations", HTTP_AUTHORIZATION="Bearer cpt_demo-performance-team-not-secret")
    assert response.status_code == 200 and len(response.json()["results"]) == 40
    assert "Northbrook Local Compact" in Client().get("/").content.decode()
    commitments = Client().get("/public/commitments/").content.decode()
    assert "Consultations last 12 weeks" in commitments and "Northbrook Borough Council" in commitments


@pytest.mark.django_db(transaction=True)
def test_the_sectors_seats_two_vacant_two_ending_soon_and_a_year_of_report_backs_some_late(demo):
    today = timezone.localdate()
    rows = seat_rows(compact=Compact.objects.get(), today=today)

    assert Network.objects.count() == 3 and Board.objects.count() == 6
    assert len(rows) == Seat.objects.count() == 14
    assert sum(row.is_vacant for row in rows) == 2
    assert sum(row.ending_soon for row in rows) == 2
    assert Term.objects.filter(outside_network=True).count() == 1
    report_backs = list(ReportBack.objects.select_related("meeting"))
    assert len(report_backs) == 20
    assert all(today - datetime.timedelta(days=365) <= r.meeting.held_on < today for r in report_backs)
    late = [r for r in report_backs if (timezone.localdate(r.written_at) - r.meeting.held_on).days > 14]
    assert 3 <= len(late) <= 8


@pytest.mark.django_db(transaction=True)
def test_the_demo_representative_holds_two_seats_and_has_a_meeting_waiting_for_their_report_back(demo):
    representative = get_user_model().objects.get(username="representative")

    assert Term.objects.filter(holder=representative).count() == 2
    assert len(waiting_for(representative, today=timezone.localdate())) == 1
    assert ReportBack.objects.filter(term__holder=representative).count() == 9
