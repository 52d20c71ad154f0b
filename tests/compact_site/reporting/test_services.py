"""Preparing, publishing and correcting a report through the services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from compact_site.reporting import services
from compact_site.reporting.models import Report, ReportStatus
from tests import factories
from tests.wins.factories import WinFactory

from .builders import END, START, build_everything, draft_report, local, published_report

pytestmark = pytest.mark.django_db


def test_a_new_draft_is_named_after_its_period_and_highlights_the_three_wins_most_recently_published(compact, officer):
    build_everything(compact)
    newest = WinFactory(compact=compact, title="Newest", published_at=local(2026, 6, 20))
    WinFactory(compact=compact, title="Oldest", published_at=local(2026, 4, 10))

    report = services.create_report(compact=compact, start=START, end=END, by=officer)

    assert report.title == "Compact report to the LSP: April to June 2026"
    assert report.status == ReportStatus.DRAFT and report.snapshot is None
    assert report.created_by == officer
    highlighted = set(report.highlighted_wins.values_list("title", flat=True))
    assert highlighted == {"Warm spaces network", newest.title, "Oldest"}


def test_only_officers_prepare_reports(compact, lsp_member):
    with pytest.raises(PermissionDenied):
        services.create_report(compact=compact, start=START, end=END, by=lsp_member)


def test_a_period_cannot_end_before_it_starts(compact, officer):
    with pytest.raises(ValidationError) as error:
        services.create_report(compact=compact, start=END, end=START, by=officer)

    assert error.value.message_dict == {"end": [services.PERIOD_ORDER]}


def test_the_database_refuses_a_period_that_ends_before_it_starts(compact):
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(compact=compact, title="Backwards", period_start=END, period_end=START)


def test_the_database_refuses_a_published_report_without_a_snapshot(compact):
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(
            compact=compact, title="Empty", period_start=START, period_end=END, status=ReportStatus.PUBLISHED
        )


def test_highlighted_wins_must_be_published_in_the_period(compact, officer):
    _, wins = build_everything(compact)
    report = draft_report(compact, officer)

    with pytest.raises(ValidationError) as error:
        services.update_report(report=report, by=officer, title="Q1", highlighted_wins=[wins["day_before"]])

    assert "highlighted_wins" in error.value.message_dict


def test_no_more_than_six_wins_are_highlighted(compact, officer):
    wins = [WinFactory(compact=compact, published_at=local(2026, 5, day)) for day in range(1, 8)]
    report = draft_report(compact, officer)

    with pytest.raises(ValidationError):
        services.update_report(report=report, by=officer, title="Q1", highlighted_wins=wins)


def test_commentary_is_saved_without_surrounding_space(compact, officer):
    report = draft_report(compact, officer)

    report = services.update_report(
        report=report,
        by=officer,
        title="  Quarter one ",
        summary=" All well.\n",
        issues="Funding\n",
        recommendations="",
        highlighted_wins=[],
    )

    assert (report.title, report.summary, report.issues) == ("Quarter one", "All well.", "Funding")
    assert report.highlighted_wins.count() == 0


def test_changing_the_period_keeps_highlights_inside_it_and_renames_a_default_title(compact, officer):
    _, wins = build_everything(compact)
    report = draft_report(compact, officer)
    services.update_report(
        report=report, by=officer, title=report.title, highlighted_wins=[wins["first_day"], wins["last_day"]]
    )

    report = services.change_period(report=report, by=officer, start=START, end=datetime.date(2026, 5, 31))

    assert report.title == "Compact report to the LSP: April to May 2026"
    assert list(report.highlighted_wins.all()) == [wins["first_day"]]


def test_changing_to_a_period_without_the_chosen_wins_highlights_its_own_newest(compact, officer):
    _, wins = build_everything(compact)
    report = draft_report(compact, officer)

    report = services.change_period(
        report=report, by=officer, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31)
    )

    assert list(report.highlighted_wins.all()) == [wins["day_before"]]


def test_publishing_needs_a_summary(compact, officer):
    report = draft_report(compact, officer)

    with pytest.raises(ValidationError, match="Write a summary"):
        services.publish_report(report=report, by=officer)
    assert Report.objects.get().status == ReportStatus.DRAFT


def test_publishing_freezes_figures_charts_wins_and_commentary(compact, officer):
    build_everything(compact)

    report = published_report(compact, officer, summary="Steady progress.", issues="Funding for the post")

    snapshot = report.snapshot
    assert report.status == ReportStatus.PUBLISHED
    assert report.published_by == officer and report.published_at is not None
    assert snapshot["compact"]["name"] == "Anytown Compact"
    assert snapshot["period"]["dates"] == "1 April 2026 to 30 June 2026"
    assert snapshot["figures"]["signatories"]["active"] == {"current": 4, "previous": 3}
    assert snapshot["commentary"] == {
        "summary": "Steady progress.",
        "issues": "Funding for the post",
        "recommendations": "",
    }
    assert set(snapshot["charts"]) == {"radar", "gap", "wins", "commitments"}
    assert all(svg.startswith("<svg") for svg in snapshot["charts"].values())
    first = next(win for win in snapshot["highlighted_wins"] if win["title"] == "Food bank referral route")
    assert first["happened_on"] == "2026-03-20"
    assert first["is_quick_win"] is True
    assert first["difference_made"] == "Local people got help sooner."


def test_a_published_report_cannot_be_changed_republished_or_deleted(compact, officer):
    report = published_report(compact, officer)

    for attempt in (
        lambda: services.update_report(report=report, by=officer, title="Changed"),
        lambda: services.change_period(report=report, by=officer, start=START, end=START),
        lambda: services.publish_report(report=report, by=officer),
        lambda: services.delete_draft(report=report, by=officer),
    ):
        with pytest.raises(ValidationError, match="cannot be changed"):
            attempt()
    assert Report.objects.get().title == report.title


def test_a_draft_can_be_deleted(compact, officer):
    report = draft_report(compact, officer)

    services.delete_draft(report=report, by=officer)

    assert not Report.objects.exists()


def test_a_correction_starts_as_a_copy_of_the_published_report(compact, officer):
    build_everything(compact)
    original = published_report(compact, officer, summary="Wrong number of wins.", recommendations="Agree the plan")

    correction = services.start_correction(report=original, by=officer)

    assert correction.is_draft and correction.supersedes == original
    assert (correction.period_start, correction.period_end) == (START, END)
    assert (correction.summary, correction.recommendations) == ("Wrong number of wins.", "Agree the plan")
    assert set(correction.highlighted_wins.all()) == set(original.highlighted_wins.all())
    assert services.start_correction(report=original, by=officer) == correction  # never two drafts


def test_publishing_a_correction_supersedes_the_original_and_both_stay(compact, officer):
    original = published_report(compact, officer)
    correction = services.start_correction(report=original, by=officer)
    services.update_report(report=correction, by=officer, title=correction.title, summary="Corrected summary.")

    correction = services.publish_report(report=correction, by=officer)

    original.refresh_from_db()
    assert original.status == ReportStatus.SUPERSEDED
    assert original.snapshot["commentary"]["summary"] == "A good quarter for the Compact."
    assert correction.status == ReportStatus.PUBLISHED
    assert correction.snapshot["commentary"]["summary"] == "Corrected summary."
    assert original.published_at < correction.published_at


def test_only_the_published_version_can_be_corrected(compact, officer):
    original = published_report(compact, officer)
    services.publish_report(report=services.start_correction(report=original, by=officer), by=officer)
    original.refresh_from_db()

    with pytest.raises(ValidationError):
        services.start_correction(report=original, by=officer)
    with pytest.raises(ValidationError):
        services.start_correction(report=draft_report(compact, officer), by=officer)


def test_a_report_has_one_correction_at_most(compact, officer):
    original = published_report(compact, officer)
    services.start_correction(report=original, by=officer)

    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(compact=compact, title="Second", period_start=START, period_end=END, supersedes=original)


def test_every_change_is_kept_in_the_history(compact, officer):
    report = published_report(compact, officer)

    assert [h.status for h in report.history.order_by("history_date")] == ["draft", "draft", "published"]


def test_report_reads_as_its_title_and_status(compact, officer):
    factories.CompactFactory()
    report = draft_report(compact, officer)

    assert str(report) == "Compact report to the LSP: April to June 2026 (draft)"
