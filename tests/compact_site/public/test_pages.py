"""The public site as a visitor, a signed-in person and an officer see it."""

import pytest
from django.urls import reverse

from compact_site.public import services
from compact_site.public.models import PublicSiteSettings
from tests import factories
from tests.compact_site.public.builders import build_world


@pytest.fixture
def world(compact):
    return build_world(compact)


def turn_off(world):
    services.update_site_settings(by=world.officer, is_on=False, publish_scores=True)


def test_visitor_at_home_sees_the_public_home_page(world, client):
    response = client.get("/")
    assert response.status_code == 200
    text = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Anytown Compact</h1>' in text
    assert ">Sign in</a>" in text
    assert "1 April 2020" in text and "1 April 2027" in text  # adopted, due for review
    assert "The shared minibus" in text
    assert 'rel="canonical" href="http://127.0.0.1:8000/"' in text
    assert 'name="robots"' not in text


def test_signed_in_people_still_get_their_dashboard_at_home(world, officer_client):
    response = officer_client.get("/")
    assert "Hello, Olivia" in response.content.decode()


def test_when_the_site_is_off_home_sends_everyone_to_sign_in(world, client):
    turn_off(world)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "name",
    [
        "public:register",
        "public:factors",
        "public:win_list",
        "public:open_data",
        "public:register_csv",
        "public:sitemap",
        "public:commitments",
    ],
)
def test_when_the_site_is_off_its_pages_are_not_found_but_officers_can_check_them(
    name, world, client, champion_client, officer_client
):
    turn_off(world)
    assert client.get(reverse(name)).status_code == 404
    assert champion_client.get(reverse(name)).status_code == 404
    response = officer_client.get(reverse(name))
    assert response.status_code == 200
    if "html" in response["Content-Type"]:
        assert "The public site is off: only Compact officers see this page" in response.content.decode()


def test_robots_txt_closes_everything_while_the_site_is_off(world, client):
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in client.get("/robots.txt").content.decode()
    turn_off(world)
    assert client.get("/robots.txt").content.decode() == "User-agent: *\nDisallow: /\n"


def test_the_site_is_off_on_a_new_installation(db, client):
    assert PublicSiteSettings.current().is_on is False
    assert client.get("/public/register/").status_code == 404


def test_register_lists_signatures_with_withdrawals_shown(world, client):
    text = client.get("/public/register/").content.decode()
    assert "Riverside Food Bank" in text
    assert "Withdrawn 1 February 2023" in text
    assert "2 organisations have signed" not in text and "1 organisation has signed" in text


def test_register_searches_and_filters(world, client):
    text = client.get("/public/register/", {"q": "riverside"}).content.decode()
    assert "Riverside Food Bank" in text and "Old Mill Trust" not in text
    text = client.get("/public/register/", {"status": "withdrawn"}).content.decode()
    assert "Old Mill Trust" in text and "Riverside Food Bank" not in text
    text = client.get("/public/register/", {"sector": "statutory"}).content.decode()
    assert "Old Mill Trust" in text and "Riverside Food Bank" not in text
    text = client.get("/public/register/", {"q": "nothing like it"}).content.decode()
    assert "No organisation matches your search" in text


def test_register_ignores_values_it_does_not_know(world, client):
    response = client.get("/public/register/", {"sector": "<script>", "status": "maybe", "page": "x"})
    assert response.status_code == 200
    assert "Riverside Food Bank" in response.content.decode()


def test_register_costs_the_same_queries_however_long_it_is(world, client, django_assert_max_num_queries):
    for _number in range(30):
        factories.SignatureFactory(compact=world.compact, organisation=factories.OrganisationFactory())
    with django_assert_max_num_queries(8):
        response = client.get("/public/register/")
    assert response.content.decode().count("govuk-tag--green") == 31


def test_factors_show_scores_only_when_officers_publish_them(world, client):
    text = client.get("/public/factors/").content.decode()
    assert "Partnership scores for 2025/26" in text
    assert "Outcomes focus" in text
    services.update_site_settings(by=world.officer, is_on=True, publish_scores=False)
    text = client.get("/public/factors/").content.decode()
    assert "Partnership scores" not in text
    assert "Outcomes focus" in text  # the factors themselves are always public


def test_only_wins_shown_on_the_public_site_can_be_read(world, client):
    assert client.get(f"/public/wins/{world.public_win.pk}/").status_code == 200
    assert client.get(f"/public/wins/{world.unshown_win.pk}/").status_code == 404
    text = client.get("/public/wins/").content.decode()
    assert "The shared minibus" in text


def test_only_public_published_reports_can_be_read(world, client):
    response = client.get(f"/public/reports/{world.public_report.pk}/")
    text = response.content.decode()
    assert "A good quarter for the partnership." in text
    assert "Partnership scores for 2025/26" in text
    assert "The shared minibus" in text  # a highlighted win that is itself public
    assert client.get(f"/public/reports/{world.private_report.pk}/").status_code == 404
    assert client.get(f"/public/reports/{world.draft_report.pk}/").status_code == 404


def test_a_public_report_shows_scores_only_when_officers_publish_them(world, client):
    services.update_site_settings(by=world.officer, is_on=True, publish_scores=False)
    text = client.get(f"/public/reports/{world.public_report.pk}/").content.decode()
    assert "Partnership scores" not in text


def test_pages_have_their_own_title_description_and_canonical_link(world, client):
    text = client.get("/public/wins/").content.decode()
    assert "<title>Wins – Compact</title>" in text
    assert '<meta name="description" content="What Anytown Compact has achieved' in text
    assert '<link rel="canonical" href="http://127.0.0.1:8000/public/wins/">' in text


def test_signed_in_pages_ask_search_engines_to_stay_away(world, officer_client):
    assert '<meta name="robots" content="noindex">' in officer_client.get("/wins/").content.decode()


def test_sitemap_lists_the_public_pages_wins_and_reports(world, client):
    response = client.get("/sitemap.xml")
    assert response["Content-Type"] == "application/xml"
    text = response.content.decode()
    assert "<loc>http://127.0.0.1:8000/public/register/</loc>" in text
    assert f"<loc>http://127.0.0.1:8000/public/wins/{world.public_win.pk}/</loc>" in text
    assert f"/public/wins/{world.unshown_win.pk}/" not in text
    assert f"<loc>http://127.0.0.1:8000/public/reports/{world.public_report.pk}/</loc>" in text
    assert f"/public/reports/{world.private_report.pk}/" not in text


def test_officer_turns_the_public_site_off_and_on(world, officer_client, officer):
    response = officer_client.post("/public-site/", {"publish_scores": "on"})
    assert response.status_code == 302
    setting = PublicSiteSettings.current()
    assert (setting.is_on, setting.publish_scores, setting.updated_by) == (False, True, officer)
    page = officer_client.get(response["Location"]).content.decode()
    assert "The public site is off: everyone is asked to sign in." in page
    officer_client.post("/public-site/", {"is_on": "on"})
    setting = PublicSiteSettings.current()
    assert (setting.is_on, setting.publish_scores) == (True, False)


def test_only_officers_change_the_public_site(world, champion_client, lsp_client):
    for client in (champion_client, lsp_client):
        assert client.post("/public-site/", {}).status_code == 403
    assert PublicSiteSettings.current().is_on is True


def test_officer_shows_a_published_win_on_the_public_site_and_takes_it_off(world, officer_client, client):
    win = world.unshown_win
    page = officer_client.get(f"/wins/{win.pk}/").content.decode()
    assert "Not shown on the public site" in page and "Show on the public site</button>" in page
    response = officer_client.post(f"/wins/{win.pk}/public/", {"show": "yes"}, follow=True)
    assert "is now shown on the public site" in response.content.decode()
    win.refresh_from_db()
    assert win.show_on_public_site is True
    assert client.get(f"/public/wins/{win.pk}/").status_code == 200
    officer_client.post(f"/wins/{win.pk}/public/", {"show": "no"})
    win.refresh_from_db()
    assert win.show_on_public_site is False
    assert client.get(f"/public/wins/{win.pk}/").status_code == 404


def test_an_unpublished_win_cannot_be_shown(world, officer_client):
    from wins.models import Win

    win = Win.objects.get(title="SECRET-SUBMITTED-WIN")
    response = officer_client.post(f"/wins/{win.pk}/public/", {"show": "yes"}, follow=True)
    assert "Only a published win can be shown on the public site." in response.content.decode()
    win.refresh_from_db()
    assert win.show_on_public_site is False


def test_champions_cannot_show_wins_on_the_public_site(world, champion_client):
    assert champion_client.post(f"/wins/{world.unshown_win.pk}/public/", {"show": "yes"}).status_code == 403
    world.unshown_win.refresh_from_db()
    assert world.unshown_win.show_on_public_site is False


def test_officer_makes_a_published_report_public_and_private(world, officer_client, client):
    report = world.private_report
    assert (
        "Only people who sign in can read this report." in officer_client.get(f"/reports/{report.pk}/").content.decode()
    )
    officer_client.post(f"/reports/{report.pk}/public/", {"public": "yes"})
    report.refresh_from_db()
    assert report.is_public is True
    assert client.get(f"/public/reports/{report.pk}/").status_code == 200
    officer_client.post(f"/reports/{report.pk}/public/", {"public": "no"})
    report.refresh_from_db()
    assert report.is_public is False


def test_a_draft_report_cannot_be_made_public(world, officer_client):
    response = officer_client.post(f"/reports/{world.draft_report.pk}/public/", {"public": "yes"}, follow=True)
    assert "Only the published version of a report can be shown on the public site." in response.content.decode()
    world.draft_report.refresh_from_db()
    assert world.draft_report.is_public is False


def test_a_correction_takes_the_public_place_of_the_report_it_corrects(world, client):
    from compact_site.reporting import services as report_services

    correction = report_services.start_correction(report=world.public_report, by=world.officer)
    correction.summary = "A good quarter, with the right numbers."
    correction.save()
    report_services.publish_report(report=correction, by=world.officer)
    world.public_report.refresh_from_db()
    correction.refresh_from_db()
    assert (world.public_report.is_public, correction.is_public) == (False, True)
    assert client.get(f"/public/reports/{world.public_report.pk}/").status_code == 404
    assert "with the right numbers" in client.get(f"/public/reports/{correction.pk}/").content.decode()


def test_visitors_have_a_sign_in_link_but_the_sign_in_page_does_not_repeat_it(world, client):
    assert ">Sign in</a>" in client.get("/public/wins/").content.decode()
    assert 'href="/accounts/login/">Sign in</a>' not in client.get("/accounts/login/").content.decode()


def test_home_page_works_before_a_compact_is_set_up(db, client, officer):
    services.update_site_settings(by=officer, is_on=True, publish_scores=True)
    response = client.get("/")
    assert response.status_code == 200
    assert "Working together: the Local Compact" in response.content.decode()
    for path in (
        "/public/register/",
        "/public/factors/",
        "/public/wins/",
        "/public/reports/",
        "/open-data/",
        "/open-data/register.csv",
        "/open-data/partnership-scores.json",
        "/sitemap.xml",
    ):
        assert client.get(path).status_code == 200, path
