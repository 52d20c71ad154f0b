"""The action plan: officers plan actions, owners report progress, everyone reads it."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from signatories.selectors import organisation_for
from success_factors.models import Action, ActionStatus
from tests import factories

from .builders import factor, page_text, signed_organisation, submitted_assessment

LIST_URL = reverse("success_factors:action_list")
CREATE_URL = reverse("success_factors:action_create")


def detail_url(action):
    return reverse("success_factors:action_detail", args=[action.pk])


def progress_url(action):
    return reverse("success_factors:action_progress", args=[action.pk])


def form_data(**overrides):
    data = {
        "factor": factor(3).pk,
        "description": "Run a champions' network meeting every quarter",
        "owner_organisation": "",
        "owner_name": "Pat Partnerships",
        "owner_user": "",
        "due_on_0": "31",
        "due_on_1": "3",
        "due_on_2": "2027",
        "status": ActionStatus.OPEN,
    }
    data.update(overrides)
    return data


def yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


def test_create_form_prefills_the_factor_from_the_results_page(compact, officer_client):
    response = officer_client.get(CREATE_URL, {"factor": 3})

    checked = re.findall(r'id="id_factor_\d"\s+value="(\d+)"\s+checked', response.content.decode())
    assert checked == [str(factor(3).pk)]


def test_create_form_notes_the_source_assessment(compact, officer_client):
    trust = signed_organisation(compact, name="Riverside Trust")
    assessment = submitted_assessment(compact=compact, organisation=trust, round_name="2026/27")

    response = officer_client.get(CREATE_URL, {"factor": 3, "assessment": assessment.pk})

    assert "This action comes from Riverside Trust’s 2026/27 self-assessment." in page_text(response)


def test_officer_creates_an_action_on_a_weak_factor(compact, officer, officer_client):
    trust = signed_organisation(compact, name="Riverside Trust")
    assessment = submitted_assessment(compact=compact, organisation=trust, round_name="2026/27")

    response = officer_client.post(
        f"{CREATE_URL}?factor=3&assessment={assessment.pk}",
        form_data(source_assessment=assessment.pk, owner_organisation=trust.pk),
    )

    action = Action.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(action)
    assert (action.factor.number, action.compact, action.created_by) == (3, compact, officer)
    assert action.source_assessment == assessment
    assert action.owner_organisation == trust
    assert action.due_on == datetime.date(2027, 3, 31)


def test_action_needs_an_owner(compact, officer_client):
    response = officer_client.post(CREATE_URL, form_data(owner_name=""))

    assert "Give the action an owner: an organisation, a person or a login" in page_text(response)
    assert not Action.objects.exists()


def test_action_needs_a_real_due_date(compact, officer_client):
    response = officer_client.post(CREATE_URL, form_data(due_on_0="31", due_on_1="2"))

    assert "Enter a real date" in page_text(response)


def test_officer_edits_an_action(compact, officer_client):
    action = factories.ActionFactory(compact=compact)

    officer_client.post(
        reverse("success_factors:action_edit", args=[action.pk]),
        form_data(description="Train every champion by March", status=ActionStatus.IN_PROGRESS),
    )

    action.refresh_from_db()
    assert action.description == "Train every champion by March"
    assert action.status == ActionStatus.IN_PROGRESS


def test_list_shows_actions_soonest_due_first(compact, lsp_client):
    factories.ActionFactory(compact=compact, description="Later work", due_on=datetime.date(2027, 6, 1))
    factories.ActionFactory(compact=compact, description="Sooner work", due_on=datetime.date(2027, 1, 1))

    text = page_text(lsp_client.get(LIST_URL))

    assert text.index("Sooner work") < text.index("Later work")


def test_list_shows_owner_and_factor(compact, lsp_client):
    trust = signed_organisation(compact, name="Riverside Trust")
    factories.ActionFactory(compact=compact, owner_name="Sam Lead", owner_organisation=trust)

    text = page_text(lsp_client.get(LIST_URL))

    assert "Sam Lead, Riverside Trust" in text
    assert "3. Lead and champion the Compact" in text


def test_list_filters_by_factor(compact, lsp_client):
    factories.ActionFactory(compact=compact, factor=factor(3), description="Champion work")
    factories.ActionFactory(compact=compact, factor=factor(6), description="Resourcing work")

    text = page_text(lsp_client.get(LIST_URL, {"factor": factor(6).pk}))

    assert "Resourcing work" in text
    assert "Champion work" not in text


def test_list_filters_by_status(compact, lsp_client):
    factories.ActionFactory(compact=compact, description="Still to do")
    factories.ActionFactory(compact=compact, description="All finished", status=ActionStatus.DONE)

    text = page_text(lsp_client.get(LIST_URL, {"status": ActionStatus.DONE}))

    assert "All finished" in text
    assert "Still to do" not in text


def test_list_filters_by_owning_organisation(compact, lsp_client):
    trust = signed_organisation(compact, name="Riverside Trust")
    factories.ActionFactory(compact=compact, description="Trust's work", owner_organisation=trust)
    factories.ActionFactory(compact=compact, description="Someone else's work")

    text = page_text(lsp_client.get(LIST_URL, {"owner_organisation": trust.pk}))

    assert "Trust's work" in text
    assert "Someone else's work" not in text


def test_list_filters_overdue_actions(compact, lsp_client):
    factories.ActionFactory(compact=compact, description="Late work", due_on=yesterday())
    factories.ActionFactory(compact=compact, description="Late but done", due_on=yesterday(), status=ActionStatus.DONE)
    factories.ActionFactory(compact=compact, description="Future work", due_on=datetime.date(2099, 1, 1))

    text = page_text(lsp_client.get(LIST_URL, {"overdue": "yes"}))

    assert "Late work" in text
    assert "Late but done" not in text
    assert "Future work" not in text


def test_list_filters_actions_not_overdue(compact, lsp_client):
    factories.ActionFactory(compact=compact, description="Late work", due_on=yesterday())
    factories.ActionFactory(compact=compact, description="Late but done", due_on=yesterday(), status=ActionStatus.DONE)

    text = page_text(lsp_client.get(LIST_URL, {"overdue": "no"}))

    assert "Late but done" in text
    assert "Late work" not in text


def test_open_action_due_yesterday_is_tagged_overdue(compact, lsp_client):
    action = factories.ActionFactory(compact=compact, due_on=yesterday())

    assert "Overdue" in page_text(lsp_client.get(detail_url(action)))


def test_done_action_due_yesterday_is_not_overdue(compact, lsp_client):
    action = factories.ActionFactory(compact=compact, due_on=yesterday(), status=ActionStatus.DONE)

    assert "Overdue" not in page_text(lsp_client.get(detail_url(action)))


def test_list_query_count_does_not_grow_with_actions(compact, lsp_client):
    trust = signed_organisation(compact)
    for _ in range(3):
        factories.ActionFactory(compact=compact, owner_organisation=trust, owner_user=factories.UserFactory())
    lsp_client.get(LIST_URL)
    with CaptureQueriesContext(connection) as few:
        lsp_client.get(LIST_URL)
    for _ in range(20):
        factories.ActionFactory(compact=compact, owner_organisation=trust, owner_user=factories.UserFactory())
    with CaptureQueriesContext(connection) as many:
        lsp_client.get(LIST_URL)

    assert len(many) == len(few)


def test_champion_whose_organisation_owns_an_action_updates_its_progress(compact, champion, champion_client):
    action = factories.ActionFactory(compact=compact, owner_organisation=organisation_for(champion))

    response = champion_client.post(
        progress_url(action), {"status": ActionStatus.IN_PROGRESS, "progress_notes": "First meeting held"}
    )

    action.refresh_from_db()
    assert response.status_code == 302
    assert (action.status, action.progress_notes) == (ActionStatus.IN_PROGRESS, "First meeting held")


def test_champion_of_another_organisation_cannot_update_progress(compact, champion_client):
    action = factories.ActionFactory(compact=compact, owner_organisation=signed_organisation(compact))

    response = champion_client.post(progress_url(action), {"status": ActionStatus.DONE, "progress_notes": "Done"})

    action.refresh_from_db()
    assert response.status_code == 403
    assert action.status == ActionStatus.OPEN


def test_owner_sees_update_progress_but_not_edit(compact, champion, champion_client):
    action = factories.ActionFactory(compact=compact, owner_organisation=organisation_for(champion))

    text = page_text(champion_client.get(detail_url(action)))

    assert "Update progress" in text
    assert "Edit action" not in text


def test_lsp_member_reads_the_plan_without_edit_links(compact, lsp_client):
    action = factories.ActionFactory(compact=compact, progress_notes="Venue booked")

    list_text = page_text(lsp_client.get(LIST_URL))
    detail_text = page_text(lsp_client.get(detail_url(action)))

    assert "Give every champion a half-day of training" in list_text
    assert "Add an action" not in list_text
    assert "Venue booked" in detail_text
    assert "Edit action" not in detail_text
    assert "Update progress" not in detail_text


def test_officer_sees_edit_and_update_progress(compact, officer_client):
    action = factories.ActionFactory(compact=compact)

    text = page_text(officer_client.get(detail_url(action)))

    assert "Edit action" in text
    assert "Update progress" in text
