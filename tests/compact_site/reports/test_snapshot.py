"""Publishing freezes the report: what the board was shown never changes afterwards."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from signatories import services as register
from success_factors.models import Action
from tests.success_factors.builders import page_text
from tests.wins.factories import WinFactory

from .builders import END, build_everything, draft_report, local, published_report

pytestmark = pytest.mark.django_db


def what_the_board_sees(client, report):
    """The report's page text, its PDF text and its CSV."""
    page = page_text(client.get(report.get_absolute_url()))
    pdf = client.get(reverse("reports:report_pdf", args=[report.pk])).content
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    csv = client.get(reverse("reports:report_csv", args=[report.pk])).content.decode()
    return page, pdf_text, csv


def change_everything(compact, organisations, wins):
    """After publishing: a signatory withdraws, a win is published in the period, another win's text changes,
    an action is done, and the compact is renamed."""
    signature = organisations["alpha"].signatures.get()
    register.withdraw(signature=signature, withdrawn_on=END, reason="Merged with another body")
    WinFactory(compact=compact, title="Published afterwards", published_at=local(2026, 5, 5))
    wins["first_day"].difference_made = "Rewritten later."
    wins["first_day"].save()
    Action.objects.update(status="done")
    compact.name = "Renamed Compact"
    compact.save()


def test_a_published_report_reads_the_same_after_the_data_changes(compact, officer, lsp_client):
    organisations, wins = build_everything(compact)
    report = published_report(compact, officer)
    before = what_the_board_sees(lsp_client, report)

    change_everything(compact, organisations, wins)

    after = what_the_board_sees(lsp_client, report)
    assert after[0] == before[0]
    assert after[1] == before[1]
    assert after[2] == before[2]
    assert "Anytown Compact" in after[1] and "Renamed Compact" not in after[1]
    assert "Published afterwards" not in after[0]
    assert "Rewritten later." not in after[0]


def test_a_draft_shows_the_data_as_it_is_now(compact, officer, officer_client):
    organisations, wins = build_everything(compact)
    report = draft_report(compact, officer)
    before = what_the_board_sees(officer_client, report)

    change_everything(compact, organisations, wins)

    after = what_the_board_sees(officer_client, report)
    assert "3 active signatories" in after[0] and "4 active signatories" in before[0]
    assert "Renamed Compact" in after[1]
    assert "Signatories,Active signatories at the end of the period,,3,3" in after[2]
