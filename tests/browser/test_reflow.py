"""At 320 CSS px (WCAG 2.2's Reflow: a small phone, or a desktop zoomed to 400%) every role's list pages, the account
pages and the public site read without scrolling sideways: each page below is checked by axe-core at that width
(touch targets included) and fails the test if it is wider than the window."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from compact_site.reporting.committees.models import Committee, Recommendation
from compact_site.reporting.models import Report, ReportStatus
from representation.models import Board, Network, Seat
from signatories.models import Organisation, Pledge
from tests.browser.conftest import log_in, sign_out, visit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIGNED_IN = [
    "dashboard",
    "signatories:organisation_list",
    "signatories:champion_list",
    "success_factors:partnership",
    "success_factors:factor_list",
    "success_factors:action_list",
    "commitments:overview",
    "commitments:consultation_list",
    "commitments:funding_list",
    "wins:library",
    "wins:concern_list",
    "reports:report_list",
    "representation:board_list",
    "representation:network_list",
    "representation:report_back_list",
    "pledges:pledge_summary",
    "committees:committee_list",
    "committees:recommendation_list",
    "account",
    "emails:preferences",
    "two_step_manage",
]
CHAMPION = ["success_factors:assessment_list", "wins:my_wins", "wins:win_create"]
# A representative who is nothing else: their home page, the sector's seats and their own settings.
REPRESENTATIVE = [
    "dashboard",
    "representation:board_list",
    "representation:report_back_list",
    "account",
    "emails:preferences",
]
OFFICER = [
    "success_factors:assessment_list",
    "success_factors:round_list",
    "commitments:commitment_list",
    "wins:queue",
    "invitation_list",
    "lockout_list",
    "emails:not_sent",
    "jobs:job_list",
    "public:settings",
    "api_tokens",
    "signatories:import_start",
    "commitments:funding_set_for_many",
]
VISITOR = [
    "dashboard",
    "public:register",
    "public:factors",
    "public:win_list",
    "public:report_list",
    "public:commitments",
    "public:boards",
    "public:scrutiny",
    "public:open_data",
    "api_docs",
]


def test_every_roles_list_pages_and_the_public_site_reflow_at_320_px(narrowest, demo):
    page = narrowest
    report = Report.objects.filter(status=ReportStatus.PUBLISHED).order_by("-period_end").first()
    organisation = Organisation.objects.get(name="Northbrook CVS")

    for name in VISITOR:
        visit(page, reverse(name))
    visit(page, reverse("public:report_detail", args=[report.pk]))

    for username, own in [("champion", CHAMPION), ("lsp", []), ("officer", OFFICER)]:
        log_in(page, username)
        for name in SIGNED_IN + own:
            visit(page, reverse(name))
            expect(page.locator("h1")).to_have_count(1)
        visit(page, report.get_absolute_url())
        visit(page, organisation.get_absolute_url())
        sign_out(page)


def test_the_sectors_seats_reflow_at_320_px(narrowest, demo):
    page = narrowest
    board = Board.objects.get(name="Health and Wellbeing Board")
    seat = Seat.objects.get(board__name="Children and Young People’s Partnership", number=2)  # vacant, with history
    network = Network.objects.get(name="Northbrook Health and Care Forum")

    log_in(page, "representative")
    for name in REPRESENTATIVE:
        visit(page, reverse(name))
        expect(page.locator("h1")).to_have_count(1)
    sign_out(page)

    log_in(page, "officer")
    for url in [board.get_absolute_url(), seat.get_absolute_url(), network.get_absolute_url()]:
        visit(page, url)
        expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("main")).to_contain_text("Northbrook Deaf Centre")


def test_pledges_and_committees_reflow_at_320_px(narrowest, demo):
    page = narrowest
    pledge = Pledge.objects.order_by("organisation__name", "-year").first()
    committee = Committee.objects.get(name="Overview and Scrutiny Committee")
    overdue = next(r for r in Recommendation.objects.all() if r.is_overdue)
    waiting = Recommendation.objects.get(responder_organisation__name="Northbrook CVS")
    report = Report.objects.filter(status=ReportStatus.PUBLISHED).order_by("-period_end").first()

    log_in(page, "officer")
    for url in [
        reverse("success_factors:factor_detail", args=[6]),
        pledge.get_absolute_url(),
        reverse("pledges:pledge_create"),
        committee.get_absolute_url(),
        overdue.get_absolute_url(),
        reverse("committees:report_send", args=[report.pk]),
        reverse("committees:recommendation_create", args=[report.pk]),
        reverse("committees:recommendation_action", args=[overdue.pk]),
    ]:
        visit(page, url)
        expect(page.locator("h1")).to_have_count(1)
    sign_out(page)

    log_in(page, "champion")
    for url in [reverse("pledges:pledge_create"), reverse("committees:recommendation_respond", args=[waiting.pk])]:
        visit(page, url)
        expect(page.locator("h1")).to_have_count(1)
