"""With the mail server refusing connections (EMAIL_HOST=127.0.0.1 EMAIL_PORT=1), an officer's work still
succeeds through the pages and each email waits in the outbox to be sent later."""

import pytest
from django.core import mail
from django.urls import reverse

from compact_site.models import Invitation
from notifications.models import MessageStatus, OutgoingMessage
from tests import factories
from tests.compact_site.reporting.builders import published_report
from tests.success_factors.builders import page_text
from tests.wins.factories import submitted
from wins.models import Win, WinStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def smtp_refusing(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, False, 2


def the_waiting_message(to):
    message = OutgoingMessage.objects.get(to=to)
    assert (message.status, message.attempts) == (MessageStatus.QUEUED, 1)
    assert "ConnectionRefusedError" in message.last_error
    return message


def test_publishing_a_win_succeeds_and_the_email_waits(compact, champion, officer_client):
    win = submitted(compact=compact, recorded_by=champion, title="Shared premises")

    response = officer_client.post(reverse("wins:win_publish", args=[win.pk]))

    assert response.status_code == 302
    assert Win.objects.get(pk=win.pk).status == WinStatus.PUBLISHED
    assert "Shared premises" in the_waiting_message(champion.email).subject
    assert mail.outbox == []


def test_inviting_a_person_succeeds_and_the_email_waits(officer_client):
    response = officer_client.post(
        reverse("invitation_create"),
        {"first_name": "Priya", "last_name": "Shah", "email": "priya@example.org", "role": "LSP member"},
        follow=True,
    )

    assert "An invitation is being emailed to priya@example.org" in page_text(response)
    assert Invitation.objects.filter(email="priya@example.org").exists()
    assert "/invitation/" in the_waiting_message("priya@example.org").body


def test_emailing_a_report_succeeds_and_the_emails_wait(compact, officer, officer_client):
    factories.lsp_member(username="chair", email="chair@example.org")
    factories.lsp_member(username="vice", email="vice@example.org")
    report = published_report(compact, officer)

    response = officer_client.post(reverse("reports:report_email", args=[report.pk]), follow=True)

    assert "emailed to 2 LSP members" in page_text(response)
    the_waiting_message("chair@example.org")
    the_waiting_message("vice@example.org")
    report.refresh_from_db()
    assert report.emailed_by == officer


def test_a_password_reset_request_succeeds_and_the_email_waits(client):
    factories.UserFactory(username="pat", email="pat@example.org")

    response = client.post(reverse("password_reset"), {"email": "pat@example.org"})

    assert response.status_code == 302
    assert "/accounts/password/reset/" in the_waiting_message("pat@example.org").body
