"""Opening a round asks every current signatory's champions by email; officers chase those who have not submitted."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from notifications.models import OutgoingMessage
from success_factors.rounds.models import NoticeKind, RoundNotice, RoundStatus
from tests import factories
from tests.success_factors.builders import page_text, signed_organisation

from .builders import a_round, open_round, signatory_with_champion

pytestmark = pytest.mark.django_db

MAY_1 = datetime.datetime(2026, 5, 1, 9, tzinfo=datetime.UTC)


@pytest.fixture
def register(compact):
    """Alder: a champion with a login and one without; Beech: no champion; Cedar: a champion with a login;
    Damson withdrew (its champion is not asked)."""
    alder, alder_user = signatory_with_champion(compact, name="Alder Trust")
    no_login = factories.ChampionFactory(organisation=alder, name="Nina Nologin", email="nina@alder.example")
    beech = signed_organisation(compact, name="Beech Trust")
    cedar, cedar_user = signatory_with_champion(compact, name="Cedar Trust")
    damson, _ = signatory_with_champion(compact, name="Damson Trust")
    damson.signatures.update(withdrawn_on=datetime.date(2025, 1, 1), withdrawal_reason="Closed down")
    return {"alder": alder, "beech": beech, "cedar": cedar, "no_login": no_login, "asked": [alder_user, cedar_user]}


def test_before_opening_the_officer_sees_who_cannot_be_asked(officer_client, compact, register):
    round_ = a_round(compact)

    response = officer_client.get(reverse("success_factors:round_open", args=[round_.pk]))

    text = page_text(response)
    html = response.content.decode()
    assert "2 champions from 2 of 3 signatories will be emailed" in text
    assert "1 signatory has no active champion Beech Trust – appoint a champion for Beech Trust" in text
    assert f"/champions/new/?organisation={register['beech'].pk}" in html
    assert "1 champion has no login Nina Nologin, Alder Trust – invite them (Nina Nologin)" in text
    assert f"/people/invite/?champion={register['no_login'].pk}" in html
    assert round_.__class__.objects.get().status == RoundStatus.PLANNED


def test_the_invitation_form_is_filled_in_for_a_champion_without_a_login(officer_client, register):
    response = officer_client.get(reverse("invitation_create") + f"?champion={register['no_login'].pk}")

    html = response.content.decode()
    assert 'value="Nina"' in html and 'value="Nologin"' in html and 'value="nina@alder.example"' in html


def test_opening_emails_every_current_signatorys_champions_with_a_login(
    officer_client, officer, compact, register, mailoutbox
):
    round_ = a_round(
        compact,
        message="Tell us about commissioning this year.",
        opens_on=datetime.date(2026, 5, 4),
        deadline=datetime.date(2026, 6, 30),
    )

    with time_machine.travel(MAY_1):
        response = officer_client.post(reverse("success_factors:round_open", args=[round_.pk]), follow=True)

    assert "The 2026/27 round is open. 2 champions from 2 organisations are being emailed." in page_text(response)
    round_.refresh_from_db()
    assert (round_.status, round_.opened_by, round_.opens_on) == (RoundStatus.OPEN, officer, datetime.date(2026, 5, 1))
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in register["asked"])
    message = mailoutbox[0]
    assert message.subject == "Your 2026/27 Compact self-assessment: please submit it by 30 June 2026"
    assert "Tell us about commissioning this year." in message.body
    assert "http://127.0.0.1:8000/assessments/new/?round=2026/27" in message.body
    notices = RoundNotice.objects.filter(kind=NoticeKind.OPENED)
    assert sorted(n.organisation.name for n in notices) == ["Alder Trust", "Cedar Trust"]


def test_a_round_opens_only_once(officer_client, compact, register, mailoutbox):
    round_ = a_round(compact, deadline=timezone.localdate() + datetime.timedelta(days=30))
    url = reverse("success_factors:round_open", args=[round_.pk])
    officer_client.post(url)

    response = officer_client.post(url, follow=True)

    assert "This round is already open." in page_text(response)
    assert len(mailoutbox) == 2


def test_a_round_whose_deadline_has_passed_cannot_open(officer_client, compact, register, mailoutbox):
    round_ = a_round(compact, opens_on=datetime.date(2020, 5, 1), deadline=datetime.date(2020, 6, 30))

    response = officer_client.post(reverse("success_factors:round_open", args=[round_.pk]))

    assert "govuk-error-summary" in response.content.decode()
    assert "The deadline has passed. Change the deadline before you open the round." in page_text(response)
    round_.refresh_from_db()
    assert round_.status == RoundStatus.PLANNED and not mailoutbox


def test_the_start_link_fills_in_the_rounds_year(champion_client, compact, champion):
    response = champion_client.get(reverse("success_factors:assessment_start") + "?round=2027/28")

    assert 'value="2027/28"' in response.content.decode()


@pytest.fixture
def running(compact, register):
    round_ = open_round(compact, deadline=datetime.date(2026, 6, 30))
    factories.AssessmentFactory(
        compact=compact,
        organisation=register["cedar"],
        round="2026/27",
        status="submitted",
        submitted_at=timezone.now(),
    )
    return round_


def test_the_chase_page_offers_only_organisations_that_have_not_submitted(officer_client, running):
    response = officer_client.get(reverse("success_factors:round_chase", args=[running.pk]))

    text = page_text(response)
    assert "Alder Trust" in text and "Beech Trust" in text and "Cedar Trust" not in text


def test_officer_chases_chosen_organisations_with_a_note(officer_client, officer, running, register, mailoutbox):
    url = reverse("success_factors:round_chase", args=[running.pk])

    response = officer_client.post(
        url,
        {
            "organisations": [register["alder"].pk, register["beech"].pk],
            "note": "The board meets on 3 July: we need yours.",
        },
        follow=True,
    )

    assert "Your note is on its way to 1 champion of 2 organisations." in page_text(response)
    assert [m.to for m in mailoutbox] == [[register["asked"][0].email]]
    assert mailoutbox[0].subject == "A note from your Compact officer about your 2026/27 self-assessment"
    assert "The board meets on 3 July: we need yours." in mailoutbox[0].body
    chases = RoundNotice.objects.filter(kind=NoticeKind.CHASE).order_by("organisation__name")
    assert [(c.organisation.name, c.recipients, c.sent_by) for c in chases] == [
        ("Alder Trust", 1, officer),
        ("Beech Trust", 0, officer),
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"note": "Please"}, "Select at least one organisation to chase"),
        ({"organisations": ["ALDER"], "note": ""}, "Write a note to go with the chaser"),
    ],
)
def test_a_chase_needs_organisations_and_a_note(officer_client, running, register, mailoutbox, data, message):
    data = {key: [register["alder"].pk] if value == ["ALDER"] else value for key, value in data.items()}

    response = officer_client.post(reverse("success_factors:round_chase", args=[running.pk]), data)

    assert "govuk-error-summary" in response.content.decode() and message in page_text(response)
    assert not mailoutbox and not RoundNotice.objects.exists()


def test_an_organisation_that_has_submitted_cannot_be_chased(officer_client, running, register, mailoutbox):
    response = officer_client.post(
        reverse("success_factors:round_chase", args=[running.pk]),
        {"organisations": [register["cedar"].pk], "note": "Hello"},
    )

    assert "Select a valid choice" in page_text(response)
    assert not mailoutbox


def test_emails_are_written_to_the_outbox_with_the_change(officer_client, compact, register):
    round_ = a_round(compact, deadline=timezone.localdate() + datetime.timedelta(days=30))

    officer_client.post(reverse("success_factors:round_open", args=[round_.pk]))

    assert OutgoingMessage.objects.filter(kind="round_opened").count() == 2


def test_opening_writes_pending_notices_and_a_lost_task_leaves_them_for_the_sweep(
    compact, register, officer, mailoutbox, django_capture_on_commit_callbacks
):
    from compact_site.jobs.services import run_job
    from success_factors.rounds import services

    round_ = a_round(compact, deadline=timezone.localdate() + datetime.timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=False) as lost:  # the task never reaches the queue
        services.open_round(round_=round_, by=officer)

    assert len([c for c in lost if "_send_after_commit" in c.__qualname__]) == 1  # (others forget kept pages)
    assert RoundNotice.objects.filter(kind=NoticeKind.OPENED, sent_at__isnull=True).count() == 2
    assert not OutgoingMessage.objects.exists() and not mailoutbox

    with django_capture_on_commit_callbacks(execute=True):
        summary = run_job("round_notices")

    assert summary == "2 organisations sent round emails (2 emails)"
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in register["asked"])
    assert not RoundNotice.objects.filter(sent_at__isnull=True).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert run_job("round_notices") == "0 organisations sent round emails (0 emails)"
    assert len(mailoutbox) == 2
