"""Publishing freezes the report: what the board was shown never changes afterwards."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from compact_site.reporting import services
from compact_site.reporting.models import Report
from signatories import services as register
from success_factors.models import Action
from tests.success_factors.builders import page_text
from tests.wins.factories import WinFactory

from .builders import END, START, build_everything, draft_report, local, published_report

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


def test_a_draft_keeps_its_figures_for_a_few_minutes_and_counts_again_when_asked(compact, officer, officer_client):
    organisations, wins = build_everything(compact)
    report = draft_report(compact, officer)
    before = what_the_board_sees(officer_client, report)

    change_everything(compact, organisations, wins)

    kept = what_the_board_sees(officer_client, report)
    assert "4 active signatories" in before[0] and "4 active signatories" in kept[0]
    assert "Renamed Compact" in kept[1]  # the title, commentary and compact are always as they are now
    response = officer_client.post(reverse("reports:report_recount", args=[report.pk]), follow=True)
    assert "The figures have been counted again" in page_text(response)
    after = what_the_board_sees(officer_client, report)
    assert "3 active signatories" in after[0]
    assert "Signatories,Active signatories at the end of the period,,3,3" in after[2]


def test_a_drafts_figures_are_counted_again_once_they_are_older_than_the_setting(
    compact, officer, officer_client, settings
):
    organisations, wins = build_everything(compact)
    report = draft_report(compact, officer)
    what_the_board_sees(officer_client, report)
    change_everything(compact, organisations, wins)
    settings.REPORT_DRAFT_FIGURES_MINUTES = 10
    Report.objects.filter(pk=report.pk).update(draft_figures_at=timezone.now() - datetime.timedelta(minutes=9))
    assert "4 active signatories" in page_text(officer_client.get(report.get_absolute_url()))

    Report.objects.filter(pk=report.pk).update(draft_figures_at=timezone.now() - datetime.timedelta(minutes=10))

    assert "3 active signatories" in page_text(officer_client.get(report.get_absolute_url()))


def test_changing_the_period_or_publishing_counts_the_figures_afresh(compact, officer, officer_client):
    organisations, wins = build_everything(compact)
    report = draft_report(compact, officer)
    what_the_board_sees(officer_client, report)
    change_everything(compact, organisations, wins)

    assert Report.objects.get(pk=report.pk).draft_figures["figures"]["actions"]["total"]["done"] == 1

    services.change_period(report=report, by=officer, start=START, end=END + datetime.timedelta(days=1))
    officer_client.get(report.get_absolute_url())
    assert (
        Report.objects.get(pk=report.pk).draft_figures["figures"]["actions"]["total"]["done"] == Action.objects.count()
    )

    other = draft_report(compact, officer, start=START - datetime.timedelta(days=1), summary="Counted before")
    what_the_board_sees(officer_client, other)
    Action.objects.update(status="open")
    published = services.publish_report(report=Report.objects.get(pk=other.pk), by=officer)
    assert published.snapshot["figures"]["actions"]["total"]["done"] == 0
    assert published.draft_figures is None
