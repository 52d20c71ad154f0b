"""Concerns: raised by champions and officers, moved on by officers, put on the action plan, counted for the LSP."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from signatories.selectors import organisation_for
from success_factors.models import Action, Factor
from tests.conftest import client_for
from wins.concerns.models import Concern, ConcernStatus
from wins.concerns.selectors import concern_counts

pytestmark = pytest.mark.django_db

LIST_URL = reverse("wins:concern_list")
CREATE_URL = reverse("wins:concern_create")


def concern_data(**overrides):
    today = timezone.localdate()
    data = {
        "title": "Grant decisions announced with two weeks' notice",
        "details": "Three groups had to stop services while they waited.",
        "factor": Factor.objects.get(number=2).pk,
        "raised_on_0": str(today.day),
        "raised_on_1": str(today.month),
        "raised_on_2": str(today.year),
    }
    data.update(overrides)
    return data


def make_concern(compact, **fields):
    defaults = {"title": "Consultation closed in August", "factor": Factor.objects.get(number=5)}
    defaults.update(fields)
    return Concern.objects.create(compact=compact, **defaults)


def test_champion_raises_a_concern_for_their_organisation(compact, champion, champion_client):
    response = champion_client.post(CREATE_URL, concern_data(), follow=True)

    concern = Concern.objects.get()
    assert concern.raised_by == champion
    assert concern.raised_by_organisation == organisation_for(champion)
    assert concern.status == ConcernStatus.OPEN
    assert concern.factor.number == 2
    assert "Your concern has been recorded" in response.content.decode()
    assert escape(concern.title) in response.content.decode()


def test_a_concern_needs_a_title_and_a_factor_and_keeps_what_was_typed(compact, champion_client):
    response = champion_client.post(CREATE_URL, concern_data(title="", factor=""))

    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "Enter what needs addressing" in html
    assert "Select the factor it relates to most" in html
    assert "Three groups had to stop services" in html
    assert not Concern.objects.exists()


def test_a_concern_cannot_be_raised_in_the_future(compact, champion_client):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = concern_data(raised_on_0=str(tomorrow.day), raised_on_1=str(tomorrow.month), raised_on_2=str(tomorrow.year))

    response = champion_client.post(CREATE_URL, data)

    assert "The date raised must be today or in the past" in response.content.decode()
    assert not Concern.objects.exists()


def test_officer_moves_a_concern_to_discussion_then_resolves_it(compact, officer_client):
    concern = make_concern(compact)
    url = reverse("wins:concern_update", args=[concern.pk])

    officer_client.post(url, {"status": ConcernStatus.IN_DISCUSSION})
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.IN_DISCUSSION
    assert concern.resolved_on is None

    response = officer_client.post(url, {"status": ConcernStatus.RESOLVED, "resolution": ""})
    assert "Say how it was resolved" in response.content.decode()
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.IN_DISCUSSION

    officer_client.post(url, {"status": ConcernStatus.RESOLVED, "resolution": "Eight weeks' notice agreed."})
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.RESOLVED
    assert concern.resolved_on == timezone.localdate()
    assert concern.history.count() >= 3


def test_escalating_records_the_date(compact, officer_client):
    concern = make_concern(compact)

    officer_client.post(
        reverse("wins:concern_update", args=[concern.pk]),
        {"status": ConcernStatus.ESCALATED, "resolution": "Taken to the LSP board in March."},
    )

    concern.refresh_from_db()
    assert concern.escalated_on == timezone.localdate()


def test_a_summary_cannot_be_published_empty(compact, officer_client):
    concern = make_concern(compact)

    response = officer_client.post(
        reverse("wins:concern_update", args=[concern.pk]), {"status": "open", "summary": "", "summary_published": "on"}
    )

    assert "Write the summary before you publish it" in response.content.decode()
    concern.refresh_from_db()
    assert not concern.summary_published


def test_officer_turns_a_concern_into_an_action_prefilled(compact, officer_client):
    concern = make_concern(compact, details="Small groups could not respond.")
    url = reverse("wins:concern_action", args=[concern.pk])

    form = officer_client.get(url).content.decode()
    assert "Consultation closed in August" in form
    assert re.search(rf'value="{concern.factor.pk}"[^>]*checked', form)

    response = officer_client.post(
        url,
        {
            "factor": concern.factor.pk,
            "description": "Agree a 12-week minimum for consultations",
            "owner_name": "Policy team",
            "due_on_0": "31",
            "due_on_1": "3",
            "due_on_2": "2027",
            "status": "open",
        },
    )

    action = Action.objects.get()
    assert response.url == action.get_absolute_url()
    concern.refresh_from_db()
    assert concern.action == action
    assert concern.status == ConcernStatus.IN_DISCUSSION


def test_champion_sees_own_concern_in_full_and_others_only_as_published_summaries(compact, champion, champion_client):
    own = make_concern(compact, raised_by=champion, details="My details")
    private = make_concern(compact, title="Someone else's private concern", details="Secret details")
    shared = make_concern(
        compact, title="Published one", details="Hidden details", summary="What we learnt", summary_published=True
    )

    listing = champion_client.get(LIST_URL).content.decode()
    assert own.title in listing
    assert "What we learnt" in listing
    assert private.title not in listing

    assert "My details" in champion_client.get(own.get_absolute_url()).content.decode()
    assert champion_client.get(private.get_absolute_url()).status_code == 404
    summary = champion_client.get(shared.get_absolute_url()).content.decode()
    assert "What we learnt" in summary
    assert "Hidden details" not in summary


def test_lsp_members_see_counts_and_closed_summaries_but_not_open_concerns(compact, lsp_client):
    make_concern(compact, title="An open worry", summary="Open summary", summary_published=True)
    make_concern(
        compact,
        title="A settled one",
        status=ConcernStatus.RESOLVED,
        resolved_on=timezone.localdate(),
        summary="Settled summary",
        summary_published=True,
    )

    html = lsp_client.get(LIST_URL).content.decode()

    assert "An open worry" not in html and "Open summary" not in html
    assert "Settled summary" in html
    assert "Concerns by factor and status" in html


def test_officer_list_filters_by_status(compact, officer_client):
    make_concern(compact, title="Still open")
    make_concern(compact, title="All sorted", status=ConcernStatus.RESOLVED, resolved_on=timezone.localdate())

    html = officer_client.get(LIST_URL, {"status": "resolved"}).content.decode()

    assert "All sorted" in html
    assert "Still open" not in html


def test_concern_counts_per_factor_in_a_period(compact):
    start, end = datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)
    two, five = Factor.objects.get(number=2), Factor.objects.get(number=5)
    make_concern(compact, factor=two, raised_on=start)
    make_concern(compact, factor=two, raised_on=end)
    make_concern(compact, factor=two, raised_on=start - datetime.timedelta(days=1))  # before the period
    make_concern(
        compact,
        factor=five,
        raised_on=datetime.date(2026, 3, 1),
        status=ConcernStatus.RESOLVED,
        resolved_on=datetime.date(2026, 5, 1),
    )
    make_concern(
        compact, factor=five, raised_on=start, status=ConcernStatus.ESCALATED, escalated_on=datetime.date(2026, 7, 1)
    )

    counts = concern_counts(compact=compact, periods={"current": (start, end)})["current"]

    assert counts[2] == {"raised": 2, "resolved": 0, "escalated": 0}
    assert counts[5] == {"raised": 1, "resolved": 1, "escalated": 0}
    assert counts[1] == {"raised": 0, "resolved": 0, "escalated": 0}


def test_lsp_member_cannot_raise_or_open_a_concern(compact, lsp_client):
    concern = make_concern(compact)

    assert lsp_client.get(CREATE_URL).status_code == 403
    assert lsp_client.get(concern.get_absolute_url()).status_code == 403


def test_champion_cannot_update_a_concern(compact, champion):
    concern = make_concern(compact, raised_by=champion)
    client = client_for(champion)

    assert client.post(reverse("wins:concern_update", args=[concern.pk]), {"status": "resolved"}).status_code == 403
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.OPEN
