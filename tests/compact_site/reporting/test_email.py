"""Officers email a published report's link to every LSP member, one message each."""

import pytest
from django.urls import reverse

from compact_site.reporting.models import Report
from tests import factories
from tests.success_factors.builders import page_text

from .builders import draft_report, published_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(db, settings):
    settings.SITE_URL = "https://compact.example.org"
    members = [
        factories.lsp_member(username="chair", first_name="Pat", email="chair@example.org"),
        factories.lsp_member(username="vice", first_name="Sam", email="vice@example.org"),
    ]
    factories.lsp_member(username="left", is_active=False, email="left@example.org")
    factories.lsp_member(username="no-email", email="")
    return members


def test_the_confirmation_page_counts_the_recipients(board, compact, officer, officer_client, mailoutbox):
    report = published_report(compact, officer)

    text = page_text(officer_client.get(reverse("reports:report_email", args=[report.pk])))

    assert "Each of the 2 LSP members with a login will get their own email" in text
    assert "Send to 2 LSP members" in text
    assert mailoutbox == []


def test_each_lsp_member_gets_their_own_email_with_the_link(board, compact, officer, officer_client, mailoutbox):
    report = published_report(compact, officer)

    response = officer_client.post(reverse("reports:report_email", args=[report.pk]), follow=True)

    assert "A link to the report is being emailed to 2 LSP members." in page_text(response)
    assert sorted(message.to for message in mailoutbox) == [["chair@example.org"], ["vice@example.org"]]
    message = next(message for message in mailoutbox if message.to == ["chair@example.org"])
    assert message.subject == "Anytown Compact: Compact report to the LSP: April to June 2026"
    assert message.body.startswith("Dear Pat,")
    assert f"https://compact.example.org/reports/{report.pk}/" in message.body
    assert "1 April 2026 to 30 June 2026" in message.body
    assert Report.objects.get().emailed_by == officer


def test_a_draft_is_never_emailed(board, compact, officer, officer_client, mailoutbox):
    report = draft_report(compact, officer)

    response = officer_client.post(reverse("reports:report_email", args=[report.pk]))

    assert response["Location"] == report.get_absolute_url()
    assert mailoutbox == []


def test_without_lsp_members_the_officer_is_asked_to_invite_them(compact, officer, officer_client, mailoutbox):
    report = published_report(compact, officer)

    url = reverse("reports:report_email", args=[report.pk])
    assert "No LSP members have a login with an email address yet." in page_text(officer_client.get(url))
    officer_client.post(url)
    assert mailoutbox == []
