"""The round's page and the opening page with many signatories: a page of rows at a time, exact totals, the same
queries however many there are, and figures that follow every change."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from signatories import services as signatory_services
from success_factors.rounds import services
from success_factors.rounds.views import PAGE_SIZE
from tests import factories
from tests.success_factors.builders import page_text, rate_everything, rows_for, signed_organisation

from .builders import a_round, open_round, signatory_with_champion

pytestmark = pytest.mark.django_db


def submitted(compact, organisation, day):
    return factories.AssessmentFactory(
        compact=compact,
        organisation=organisation,
        round="2026/27",
        status="submitted",
        submitted_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(12))),
    )


def add_signatories(compact, count, *, start=0):
    """``count`` signatories: every third submitted on time, every third drafting, the rest not started."""
    for number in range(start, start + count):
        organisation = signed_organisation(compact, name=f"Trust {number:03}")
        if number % 3 == 0:
            submitted(compact, organisation, datetime.date(2026, 6, 1))
        elif number % 3 == 1:
            rate_everything(factories.AssessmentFactory(compact=compact, organisation=organisation, round="2026/27"), 2)


def listed(response):
    return [row.split(" ")[1] for row in rows_for(response, "Trust ")]


def queries(client, url):
    client.get(url)  # the first look keeps the figures; count the second
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def big_round(compact):
    round_ = open_round(compact)
    add_signatories(compact, PAGE_SIZE + 10)
    return round_


def test_the_progress_table_shows_a_page_at_a_time_with_exact_totals(officer_client, big_round):
    url = big_round.get_absolute_url()

    first = officer_client.get(url)
    second = officer_client.get(url + "?page=2")

    assert listed(first) == [f"{number:03}" for number in range(PAGE_SIZE)]
    assert listed(second) == [f"{number:03}" for number in range(PAGE_SIZE, PAGE_SIZE + 10)]
    text = page_text(first)
    assert "20 of 60 signatories responded (33%)" in text
    assert "Submitted: 20" in text and "In progress: 20" in text and "Not started: 20" in text and "Late: 0" in text
    assert "60 signatories" in text
    assert 'aria-label="Page 2"' in first.content.decode()


def test_a_filter_holds_across_pages_and_counts_what_matches(officer_client, big_round):
    add_signatories(big_round.compact, 120, start=PAGE_SIZE + 10)  # 60 of the 180 not started
    url = big_round.get_absolute_url() + "?state=not_started"

    first = officer_client.get(url)
    second = officer_client.get(url + "&page=2")

    not_started = [f"{number:03}" for number in range(180) if number % 3 == 2]
    assert listed(first) + listed(second) == not_started
    assert len(listed(first)) == PAGE_SIZE
    assert "60 of 180 signatories match" in page_text(first)
    assert "state=not_started&amp;page=2" in first.content.decode()
    in_progress = officer_client.get(big_round.get_absolute_url() + "?state=in_progress&q=trust 00")
    assert listed(in_progress) == ["001", "004", "007"]
    assert "3 of 180 signatories match" in page_text(in_progress)
    assert "7 of 7 factors done" in rows_for(in_progress, "Trust 004")[0]


def test_the_round_page_runs_the_same_queries_however_many_signatories(officer_client, compact):
    round_ = open_round(compact)
    add_signatories(compact, 6)
    url = round_.get_absolute_url()
    few = queries(officer_client, url)

    add_signatories(compact, 120, start=6)

    assert queries(officer_client, url) == few
    assert queries(officer_client, url + "?state=in_progress&page=2") == few


def test_the_kept_figures_follow_a_submission_and_an_extension(officer_client, officer, compact):
    round_ = open_round(compact)
    late = signed_organisation(compact, name="Trust Late")
    drafting = signed_organisation(compact, name="Trust Drafting")
    submitted(compact, late, datetime.date(2026, 7, 3))
    url = round_.get_absolute_url()
    with_late = page_text(officer_client.get(url))
    assert "Late: 1" in with_late and "Not started: 1" in with_late

    factories.AssessmentFactory(compact=compact, organisation=drafting, round="2026/27")
    drafted = page_text(officer_client.get(url))
    assert "In progress: 1" in drafted and "Not started: 0" in drafted

    services.extend_deadline(
        round_=round_, organisation=late, deadline=datetime.date(2026, 7, 10), reason="", by=officer
    )
    extended = page_text(officer_client.get(url))
    assert "Late: 0" in extended and "Submitted: 1" in extended and "1 of 2 signatories responded (50%)" in extended

    signatory_services.withdraw(
        signature=late.signatures.get(), withdrawn_on=datetime.date(2026, 7, 20), reason="Closed down"
    )
    signed_organisation(compact, name="Trust New")
    assert "0 of 2 signatories responded (0%)" in page_text(officer_client.get(url))


@pytest.fixture
def many_without_champion(compact):
    """Sixty signatories with no champion, twelve champions without a login, and one signatory that can be asked."""
    for number in range(PAGE_SIZE + 10):
        signed_organisation(compact, name=f"Trust {number:03}")
    asked, _ = signatory_with_champion(compact, name="Asked Trust")
    for number in range(12):
        factories.ChampionFactory(organisation=asked, name=f"Nobody {number:02}")
    return a_round(compact)


def test_the_opening_page_counts_everyone_and_lists_the_first_few(officer_client, many_without_champion):
    response = officer_client.get(reverse("success_factors:round_open", args=[many_without_champion.pk]))

    text = page_text(response)
    assert "1 champion from 1 of 61 signatories will be emailed" in text
    assert "60 signatories have no active champion" in text
    assert text.count("appoint a champion for") == 10
    assert "See all 60 signatories with no active champion" in text
    assert "12 champions have no login" in text
    assert text.count("invite them") == 10
    assert "See all 12 champions with no login" in text


def test_each_list_of_who_cannot_be_asked_can_be_read_in_full(officer_client, many_without_champion):
    url = reverse("success_factors:round_open", args=[many_without_champion.pk])

    first = page_text(officer_client.get(url + "?list=without_champion"))
    second = page_text(officer_client.get(url + "?list=without_champion&page=2"))
    logins = page_text(officer_client.get(url + "?list=without_login"))

    assert first.count("appoint a champion for") == PAGE_SIZE
    assert "Trust 000 – appoint" in first and "Trust 049 – appoint" in first
    assert second.count("appoint a champion for") == 10
    assert "Trust 050 – appoint" in second and "Trust 059 – appoint" in second
    assert "60 signatories have no active champion" in second
    assert logins.count("invite them") == 12 and "See all 60 signatories" in logins
    assert "Nobody 11, Asked Trust – invite them" in logins


def test_the_opening_page_runs_the_same_queries_however_large_the_register(officer_client, compact):
    round_ = a_round(compact)
    for number in range(3):
        signatory_with_champion(compact, name=f"Asked {number}")
        signed_organisation(compact, name=f"Trust {number:03}")
    url = reverse("success_factors:round_open", args=[round_.pk])
    few = queries(officer_client, url)
    few_listed = queries(officer_client, url + "?list=without_champion")

    for number in range(3, 80):
        signatory_with_champion(compact, name=f"Asked {number}")
        signed_organisation(compact, name=f"Trust {number:03}")

    assert queries(officer_client, url) == few
    assert queries(officer_client, url + "?list=without_champion") == few_listed


def test_the_opening_figures_follow_a_new_champion(officer_client, compact, many_without_champion):
    url = reverse("success_factors:round_open", args=[many_without_champion.pk])
    assert "60 signatories have no active champion" in page_text(officer_client.get(url))

    organisation = compact.signatures.get(organisation__name="Trust 000").organisation
    factories.ChampionFactory(organisation=organisation)

    text = page_text(officer_client.get(url))
    assert "59 signatories have no active champion" in text and "13 champions have no login" in text
