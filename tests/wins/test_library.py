"""The wins library: published wins only, newest first, with search and filters that work on both databases."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from signatories.models import Sector
from tests import factories
from tests.success_factors.builders import page_text
from wins.models import Win
from wins.selectors import search_wins

from .factories import WinFactory, draft, factor, submitted

pytestmark = pytest.mark.django_db
URL = reverse("wins:library")


def titles(response):
    return [win.title for win in response.context["page_obj"]]


def test_only_published_wins_newest_first(compact, lsp_client):
    WinFactory(compact=compact, title="Older", happened_on=datetime.date(2025, 1, 5))
    WinFactory(compact=compact, title="Newer", happened_on=datetime.date(2026, 2, 1))
    draft(compact=compact, title="A draft")
    submitted(compact=compact, title="Waiting")

    response = lsp_client.get(URL)

    assert titles(response) == ["Newer", "Older"]
    assert "2 wins" in page_text(response)


def test_wins_of_another_compact_are_not_listed(compact, lsp_client):
    WinFactory(compact=compact, title="Ours")
    WinFactory(compact=factories.CompactFactory(name="Old Compact", adopted_on=datetime.date(2010, 1, 1)), title="Old")

    assert titles(lsp_client.get(URL)) == ["Ours"]


def test_filter_by_factor(compact, lsp_client):
    WinFactory(compact=compact, title="Structures", factors=[factor(2)])
    WinFactory(compact=compact, title="Embedding", factors=[factor(7), factor(1)])

    assert titles(lsp_client.get(URL, {"factor": factor(7).pk})) == ["Embedding"]


def test_filter_by_organisation_involved(compact, lsp_client):
    food_bank = factories.OrganisationFactory(name="Riverside Food Bank")
    WinFactory(compact=compact, title="With the food bank", organisations=[food_bank])
    WinFactory(compact=compact, title="Without")

    assert titles(lsp_client.get(URL, {"organisation": food_bank.pk})) == ["With the food bank"]


def test_filter_by_sector_lists_a_win_once_however_many_organisations_match(compact, lsp_client):
    council = factories.OrganisationFactory(name="Council", sector=Sector.STATUTORY, kind="council")
    police = factories.OrganisationFactory(name="Police", sector=Sector.STATUTORY, kind="police")
    charity = factories.OrganisationFactory(name="Charity")
    WinFactory(compact=compact, title="Statutory pair", organisations=[council, police])
    WinFactory(compact=compact, title="Voluntary only", organisations=[charity])

    response = lsp_client.get(URL, {"sector": Sector.STATUTORY})

    assert titles(response) == ["Statutory pair"]
    assert response.context["page_obj"].paginator.count == 1


def test_filter_by_date_range(compact, lsp_client):
    for day in (1, 15, 28):
        WinFactory(compact=compact, title=f"Day {day}", happened_on=datetime.date(2026, 2, day))

    response = lsp_client.get(
        URL,
        {
            "happened_from_0": "10",
            "happened_from_1": "2",
            "happened_from_2": "2026",
            "happened_to_0": "20",
            "happened_to_1": "2",
            "happened_to_2": "2026",
        },
    )

    assert titles(response) == ["Day 15"]


def test_an_impossible_date_is_explained_not_an_error_page(compact, lsp_client):
    WinFactory(compact=compact)

    response = lsp_client.get(URL, {"happened_from_0": "31", "happened_from_1": "2", "happened_from_2": "2026"})

    assert response.status_code == 200
    assert "Enter a real date" in page_text(response)


def test_quick_wins_only(compact, lsp_client):
    WinFactory(compact=compact, title="Quick", is_quick_win=True)
    WinFactory(compact=compact, title="Slow burner")

    assert titles(lsp_client.get(URL, {"quick": "on"})) == ["Quick"]
    assert len(titles(lsp_client.get(URL))) == 2


@pytest.fixture
def stories(compact):
    WinFactory(
        compact=compact,
        title="Volunteers' fair at the library",
        what_happened="Fourteen groups took stalls.",
        difference_made="120 people signed up.",
    )
    WinFactory(
        compact=compact,
        title="Hospital discharge scheme",
        what_happened="Volunteers phone patients before they leave hospital.",
        difference_made="Older people got home sooner.",
    )
    WinFactory(
        compact=compact,
        title="Grant paid in advance",
        what_happened="The council paid quarterly in advance.",
        difference_made="No overdraft needed at the start of the year.",
    )


def found(text):
    return sorted(win.title for win in search_wins(Win.objects.all(), text))


def test_search_looks_in_the_title_and_the_story(stories):
    assert found("fair") == ["Volunteers' fair at the library"]
    assert found("overdraft") == ["Grant paid in advance"]
    assert found("volunteers") == ["Hospital discharge scheme", "Volunteers' fair at the library"]


def test_search_needs_every_word(stories):
    assert found("volunteers hospital") == ["Hospital discharge scheme"]
    assert found("volunteers overdraft") == []


def test_search_ignores_case_and_blank_text(stories):
    assert found("HOSPITAL") == ["Hospital discharge scheme"]
    assert len(found("   ")) == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's full-text search")
def test_on_postgresql_search_understands_word_forms_and_phrases(stories):
    assert found("volunteering") == ["Hospital discharge scheme", "Volunteers' fair at the library"]
    assert found('"paid quarterly"') == ["Grant paid in advance"]
    assert found("volunteers -hospital") == ["Volunteers' fair at the library"]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the search index is PostgreSQL's (SQLite searches with LIKE)"
)
def test_on_postgresql_search_reads_its_index(stories):
    """A search filters on what ``win_search_idx`` indexes; if the two ever differ, PostgreSQL reads every win.

    A test's handful of wins is cheaper to read whole, so the plan is asked for with reading the table, or walking
    another index, ruled out: then the only way left is the search index, if the search can use it at all."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")

    plan = search_wins(Win.objects.all(), "volunteers hospital").explain()

    assert "Bitmap Index Scan on win_search_idx" in plan, plan


def test_the_library_searches_with_q(stories, lsp_client):
    response = lsp_client.get(URL, {"q": "discharge"})

    assert titles(response) == ["Hospital discharge scheme"]
    assert "1 win matching “discharge”" in page_text(response)


def test_search_finds_a_win_by_its_new_words_once_it_is_changed(stories):
    win = Win.objects.get(title="Grant paid in advance")
    win.what_happened = "The council paid the whole grant in April."
    win.save()
    Win.objects.filter(title="Hospital discharge scheme").update(title="Hospital homecoming scheme")

    assert found("overdraft") == ["Grant paid in advance"]  # still in the difference it made
    assert found("quarterly") == []
    assert found("April") == ["Grant paid in advance"]
    assert found("homecoming") == ["Hospital homecoming scheme"] and found("discharge") == []


def test_a_search_matching_very_many_wins_stops_counting(stories, lsp_client, monkeypatch):
    monkeypatch.setattr("wins.views.SEARCH_COUNTS_TO", 1)

    response = lsp_client.get(URL, {"q": "volunteers"})

    text = page_text(response)
    assert "More than 1 wins match “volunteers”. Add words or filters to find fewer" in text
    assert len(titles(response)) == 1
    assert "2 wins" not in text
    # Browsing without a search still counts every win.
    assert "3 wins" in page_text(lsp_client.get(URL))


def test_the_library_shows_each_wins_organisations_and_factors(compact, lsp_client):
    food_bank = factories.OrganisationFactory(name="Riverside Food Bank")
    WinFactory(
        compact=compact, title="Food bank referrals", organisations=[food_bank], factors=[factor(1)], is_quick_win=True
    )

    text = page_text(lsp_client.get(URL))

    assert "Riverside Food Bank" in text and "1. Outcomes focus" in text and "Quick win" in text


def library_queries(client):
    """Queries of a library page once the organisation filter's kept options are in the cache."""
    client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_wins(compact, lsp_client):
    organisations = [factories.OrganisationFactory() for _ in range(3)]
    for _ in range(5):
        WinFactory(compact=compact, organisations=organisations, factors=[factor(1), factor(2)])
    few = library_queries(lsp_client)
    for _ in range(25):
        WinFactory(compact=compact, organisations=organisations, factors=[factor(3), factor(4)])

    assert library_queries(lsp_client) == few


def test_officers_get_a_link_to_download_the_filtered_list(compact, officer_client, lsp_client):
    html = officer_client.get(URL, {"q": "fair"}).content.decode()

    assert f'href="{reverse("wins:export")}?q=fair"' in html
    assert "Download these wins" not in page_text(lsp_client.get(URL))


def test_a_filter_matching_very_many_wins_stops_counting_too(compact, lsp_client, monkeypatch):
    monkeypatch.setattr("wins.views.SEARCH_COUNTS_TO", 1)
    WinFactory(compact=compact, factors=[factor(3)])
    WinFactory(compact=compact, factors=[factor(3)])

    text = page_text(lsp_client.get(URL, {"factor": factor(3).pk}))

    assert "More than 1 wins match these filters. Add words or filters to find fewer" in text


def test_the_librarys_total_is_kept_and_counts_a_win_as_soon_as_it_is_published(compact, lsp_client, officer):
    from wins.services import publish_win

    WinFactory(compact=compact)
    waiting, bulk = submitted(compact=compact), submitted(compact=compact)
    assert "1 win" in page_text(lsp_client.get(URL))
    # Kept: a change that goes round the models (as a bulk update would) is not counted at once...
    Win.objects.filter(pk=bulk.pk).update(status="published", published_at=bulk.submitted_at)
    assert "1 win" in page_text(lsp_client.get(URL))

    publish_win(win=waiting, by=officer)

    # ...but a win published through the service is, with everything before it.
    assert "3 wins" in page_text(lsp_client.get(URL))


def test_the_list_is_kept_and_worked_out_again_when_a_win_or_an_organisation_changes(compact, lsp_client):
    shown = WinFactory(compact=compact, title="Lunch club opens")
    lsp_client.get(URL)
    with CaptureQueriesContext(connection) as kept:
        assert "Lunch club opens" in page_text(lsp_client.get(URL))
    assert not [q for q in kept.captured_queries if "wins_win" in q["sql"]]  # the list came from the cache

    WinFactory(compact=compact, title="Warm space for winter")
    assert "Warm space for winter" in page_text(lsp_client.get(URL))

    organisation = factories.OrganisationFactory(name="Brook Valley Pantry")
    shown.organisations.add(organisation)
    assert "Brook Valley Pantry" in page_text(lsp_client.get(URL))
    organisation.name = "Brook Valley Food Pantry"
    organisation.save()
    assert "Brook Valley Food Pantry" in page_text(lsp_client.get(URL))

    shown.delete()
    assert "Lunch club opens" not in page_text(lsp_client.get(URL))


def test_people_with_other_roles_or_other_questions_never_get_each_others_list(compact, officer_client, lsp_client):
    WinFactory(compact=compact, title="Fair funding workshop")
    WinFactory(compact=compact, title="Volunteer fair")

    assert "Download these wins" in page_text(officer_client.get(URL))
    assert "Download these wins" not in page_text(lsp_client.get(URL))
    searched = page_text(lsp_client.get(URL, {"q": "workshop"}))
    assert "Fair funding workshop" in searched and "Volunteer fair" not in searched
    assert "Volunteer fair" in page_text(lsp_client.get(URL))
