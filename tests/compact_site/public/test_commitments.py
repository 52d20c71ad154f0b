"""The public page "Keeping the Compact's commitments": shown only when an officer publishes it, counting only
verified records, and naming no record and no person."""

import datetime
import re

import pytest
from django.utils import timezone

from commitments import services as commitment_services
from commitments.models import Commitment, Consultation, Rule
from compact_site.public import services
from compact_site.public.models import PublicSiteSettings
from tests import factories
from tests.commitments.builders import consultation, statutory_body
from tests.compact_site.public.builders import build_world

URL = "/public/commitments/"


@pytest.fixture
def world(compact):
    return build_world(compact)


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def publish(world, *, is_on=True, publish_commitments=True):
    services.update_site_settings(
        by=world.officer, is_on=is_on, publish_scores=True, publish_commitments=publish_commitments
    )


def cells(text, heading):
    """The words of each cell of the table row whose header starts with ``heading``, tags and spaces squeezed."""
    row = re.search(
        r'<tr class="govuk-table__row"[^>]*>\s*<th scope="row"[^>]*>' + re.escape(heading) + r"(.*?)</tr>", text, re.S
    )
    assert row, f"no row for {heading}"
    return [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split())
        for cell in re.findall(r'<td class="govuk-table__cell[^"]*">(.*?)</td>', row.group(1), re.S)
    ]


def test_a_visitor_sees_each_commitments_share_met_this_year_and_last(world, client):
    consultation(
        compact=world.compact,
        by=world.officer,
        body=world.body,
        title="Old budget consultation",
        opened_on=days_ago(400),
    )  # 12 weeks, in the 12 months before
    response = client.get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert '<h1 class="govuk-heading-xl">Keeping the Compact’s commitments</h1>' in text
    # From the world: consultations of 12 weeks (met) and 4 weeks (not met); a one-year grant with its rationale
    # published, full cost recovery and payment in advance.
    assert cells(text, "Consultations last 12 weeks") == ["50% 1 of 2 met, 0 not known", "100% 1 of 1 met, 0 not known"]
    assert cells(text, "Multi-year funding where appropriate") == ["0% 0 of 1 met, 0 not known", "No records yet"]
    assert cells(text, "A clear, published rationale for funding decisions") == [
        "100% 1 of 1 met, 0 not known",
        "No records yet",
    ]
    assert cells(text, "Anytown Borough Council") == ["67% 4 of 6 met, 0 not known", "100% 1 of 1 met, 0 not known"]
    assert 'govuk-table__header govuk-table__header--numeric">Last 12 months</th>' in text


def test_a_commitment_nothing_was_checked_against_says_no_records_yet(world, client):
    text = client.get(URL).content.decode()
    # No funding was ended or reduced, so nothing was checked against the notice commitment.
    assert cells(text, "Three months") == ["No records yet", "No records yet"]


def test_the_page_says_what_counts_and_which_periods(world, client):
    text = client.get(URL).content.decode()
    today = timezone.localdate()
    assert f"{today.day} {today:%B %Y}" in text
    assert "Only verified records count" in text
    assert "explained (not met, but an officer accepted the reason the statutory body gave)" in text


def test_a_record_waiting_for_an_officer_counts_once_verified(world, client):
    assert cells(client.get(URL).content.decode(), "Consultations last 12 weeks")[0] == "50% 1 of 2 met, 0 not known"
    reported = Consultation.objects.get(title="SECRET-REPORTED-CONSULTATION")
    commitment_services.verify(record=reported, by=world.officer)
    assert cells(client.get(URL).content.decode(), "Consultations last 12 weeks")[0] == "33% 1 of 3 met, 0 not known"


def test_an_accepted_reason_shows_as_explained_at_once(world, client):
    short = Consultation.objects.get(title="Parking charges")
    commitment_services.add_explanation(record=short, by=world.officer, explanation="A deadline set by law.")
    assert cells(client.get(URL).content.decode(), "Consultations last 12 weeks")[0] == "50% 1 of 2 met, 0 not known"
    check = short.checks.get(commitment__rule=Rule.CONSULTATION_LENGTH)
    commitment_services.accept_explanation(check=check, by=world.officer, note="The law set the date.")
    assert (
        cells(client.get(URL).content.decode(), "Consultations last 12 weeks")[0]
        == "50% 1 of 2 met, 1 explained, 0 not known"
    )


def test_a_changed_commitment_shows_at_once(world, client):
    client.get(URL)
    commitment = Commitment.objects.get(rule=Rule.CONSULTATION_LENGTH)
    commitment_services.save_commitment(
        by=world.officer,
        commitment=commitment,
        title="Consultations of 12 weeks",
        description=commitment.description,
        rule=commitment.rule,
        threshold=commitment.threshold,
        factor=commitment.factor,
    )
    text = client.get(URL).content.decode()
    assert "Consultations of 12 weeks" in text and "Consultations last 12 weeks" not in text


def test_the_page_names_no_record_and_no_person(world, client):
    text = client.get(URL).content.decode()
    for private in (
        "SECRET-REPORTED-CONSULTATION",
        "Library opening hours",
        "Parking charges",
        "Youth club grants",
        "Ottoline",
        "Philippa",
        "Open from",
    ):
        assert private not in text


def test_nothing_shows_until_an_officer_publishes_it(world, client):
    publish(world, publish_commitments=False)
    assert client.get(URL).status_code == 404
    assert URL not in client.get("/").content.decode()
    assert URL not in client.get("/public/register/").content.decode()  # the navigation
    assert URL not in client.get("/sitemap.xml").content.decode()
    assert URL not in client.get("/api/docs/").content.decode()


def test_published_it_is_in_the_navigation_home_page_and_sitemap(world, client):
    assert 'href="/public/commitments/">Commitments</a>' in client.get("/public/register/").content.decode()
    assert 'href="/public/commitments/">Commitments</a>' in client.get("/api/docs/").content.decode()
    assert "<loc>http://127.0.0.1:8000/public/commitments/</loc>" in client.get("/sitemap.xml").content.decode()
    home = client.get("/").content.decode()
    assert (
        "met the Compact’s commitments in 67% of the checks with a known result" in home
        and 'href="/public/commitments/">See each commitment' in home
    )


def test_the_home_page_says_so_when_no_result_is_known_yet(compact, client):
    officer = factories.officer(username="lonely-officer")
    services.update_site_settings(by=officer, is_on=True, publish_scores=False, publish_commitments=True)
    home = client.get("/").content.decode()
    assert "has a known result against the Compact’s commitments in the last 12 months yet" in home
    text = client.get(URL).content.decode()
    assert "No records yet: no verified consultation or funding decision in either period." in text


def test_while_the_site_is_off_only_officers_see_it(world, client, champion_client, officer_client):
    publish(world, is_on=False)
    assert client.get(URL).status_code == 404
    assert champion_client.get(URL).status_code == 404
    response = officer_client.get(URL)
    assert response.status_code == 200
    assert "The public site is off: only Compact officers see this page" in response.content.decode()


def test_signed_in_people_get_it_too_but_not_when_unpublished(world, lsp_client, officer_client):
    assert lsp_client.get(URL).status_code == 200
    publish(world, publish_commitments=False)
    assert lsp_client.get(URL).status_code == 404
    assert officer_client.get(URL).status_code == 404


def test_an_officer_publishes_it_from_the_public_site_settings(world, officer_client):
    publish(world, publish_commitments=False)
    page = officer_client.get("/public-site/").content.decode()
    assert "Publish how the commitments are kept" in page
    assert "Only verified records count, and no record or person is named." in page  # the hint
    officer_client.post("/public-site/", {"is_on": "on", "publish_scores": "on", "publish_commitments": "on"})
    setting = PublicSiteSettings.current()
    assert (setting.is_on, setting.publish_scores, setting.publish_commitments) == (True, True, True)
    checkbox = re.search(
        r'<input[^>]*name="publish_commitments"[^>]*>', officer_client.get("/public-site/").content.decode()
    )
    assert "checked" in checkbox.group(0)
    officer_client.post("/public-site/", {"is_on": "on"})
    assert PublicSiteSettings.current().publish_commitments is False


def test_it_is_off_on_a_new_installation(db):
    assert PublicSiteSettings.current().publish_commitments is False


def test_the_page_costs_the_same_queries_however_many_records(world, client, django_assert_max_num_queries):
    def count():
        # Each save below invalidates the cached page, so each visit works the page out again.
        with django_assert_max_num_queries(20) as captured:
            assert client.get(URL).status_code == 200
        return len(captured.captured_queries)

    from signatories import caching

    client.get(URL)  # the Compact in force is cached from here on, as on a server that has been up a while
    caching.invalidate(caching.REGISTER, caching.COMMITMENTS)  # as each save below does
    small = count()
    for number in range(12):
        body = statutory_body(f"Parish Council {number}")
        consultation(
            compact=world.compact,
            by=world.officer,
            body=body,
            title=f"Consultation {number}",
            opened_on=days_ago(20 * number + 5),
            weeks=4 + number,
        )
    assert 0 < count() == small
