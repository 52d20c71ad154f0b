"""The LSP reports' pages. Officers prepare, publish, correct and email reports; champions and LSP members
read published ones on screen, as PDF and as CSV. Drafts are "not found" to everyone but officers."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from signatories.roles import OFFICER, READERS, role_required
from signatories.selectors import current_compact
from wins.models import Win

from . import selectors, services
from .committees import selectors as committee_selectors
from .content import draft_figures, headlines, report_content
from .export import csv_text, file_name
from .forms import PeriodForm, ReportCreateForm, ReportEditForm
from .models import Report, ReportStatus
from .pdf import render_pdf

WIN_CHOICES = 100  # the most recent wins of the period offered as highlights


def _report(pk):
    return get_object_or_404(Report.objects.select_related("compact", "supersedes"), pk=pk)


def _draft_or_redirect(request, pk):
    """The draft, or a redirect to the report's page with a message when it has been published."""
    report = _report(pk)
    if not report.is_draft:
        messages.info(request, services.NOT_A_DRAFT)
        return report, redirect(report)
    return report, None


def _published_or_redirect(request, pk, what):
    report = _report(pk)
    if report.status != ReportStatus.PUBLISHED:
        messages.info(request, f"Only the published version of a report can be {what}.")
        return report, redirect(report)
    return report, None


@role_required(*READERS)
def report_list(request):
    compact = current_compact()
    reports = selectors.reports_for(request.user, compact=compact)
    return render(request, "compact_site/reports/report_list.html", {"compact": compact, "reports": reports})


@role_required(OFFICER)
def report_create(request):
    compact = current_compact()
    if compact is None:
        messages.info(request, "Set up the Compact before preparing a report.")
        return redirect("reports:report_list")
    form = ReportCreateForm(request.POST or None, compact=compact, initial={"period": "last_quarter"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.create_report(
                compact=data["compact"], start=data["start"], end=data["end"], title=data["title"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, "The draft report has been started. Write the commentary and choose the wins to highlight."
            )
            return redirect("reports:report_edit", pk=report.pk)
    return render(request, "compact_site/reports/report_create.html", {"form": form, "compact": compact})


@role_required(*READERS)
def report_detail(request, pk):
    report = selectors.visible_report(request.user, pk)
    content = report_content(report)
    context = {
        "report": report,
        "content": content,
        "figures": content["figures"],
        "headlines": headlines(content),
        "correction": selectors.correction_of(report),
        "publish_problems": services.publish_problems(report) if report.is_draft else [],
        "recount_minutes": settings.REPORT_DRAFT_FIGURES_MINUTES,
    }
    if not report.is_draft:
        context["sendings"] = list(committee_selectors.report_sendings(report=report))
        context["recommendations"] = list(committee_selectors.report_recommendations(report=report))
    return render(request, "compact_site/reports/report_detail.html", context)


def _win_choices(report):
    chosen = list(report.highlighted_wins.values_list("pk", flat=True))
    recent = services.wins_published_in(compact=report.compact, start=report.period_start, end=report.period_end)
    offered = list(recent.values_list("pk", flat=True)[:WIN_CHOICES])
    return Win.objects.filter(pk__in=set(offered + chosen)).order_by("-published_at", "-id"), recent.count()


@role_required(OFFICER)
def report_edit(request, pk):
    report, elsewhere = _draft_or_redirect(request, pk)
    if elsewhere:
        return elsewhere
    wins, win_count = _win_choices(report)
    initial = {
        "title": report.title,
        "summary": report.summary,
        "issues": report.issues,
        "recommendations": report.recommendations,
        "highlighted_wins": report.highlighted_wins.all(),
    }
    form = ReportEditForm(request.POST or None, initial=initial, wins=wins)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_report(report=report, by=request.user, **form.report_data())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your changes have been saved. This is how the report will look.")
            return redirect(report)
    context = {"form": form, "report": report, "win_count": win_count, "win_limit": WIN_CHOICES}
    return render(request, "compact_site/reports/report_edit.html", context)


@role_required(OFFICER)
def report_period(request, pk):
    report, elsewhere = _draft_or_redirect(request, pk)
    if elsewhere:
        return elsewhere
    form = PeriodForm(request.POST or None, initial=PeriodForm.initial_for(report.period_start, report.period_end))
    if request.method == "POST" and form.is_valid():
        try:
            report = services.change_period(
                report=report, by=request.user, start=form.cleaned_data["start"], end=form.cleaned_data["end"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The report's period has been changed. Check the wins it highlights.")
            return redirect(report)
    return render(request, "compact_site/reports/report_period.html", {"form": form, "report": report})


@role_required(OFFICER)
def report_publish(request, pk):
    report, elsewhere = _draft_or_redirect(request, pk)
    if elsewhere:
        return elsewhere
    problems = services.publish_problems(report)
    if request.method == "POST" and not problems:
        try:
            report = services.publish_report(report=report, by=request.user)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(request, "The report has been published. LSP members can now read it.")
            return redirect(report)
    context = {"report": report, "problems": problems, "period_not_over": report.period_end >= timezone.localdate()}
    return render(request, "compact_site/reports/report_publish.html", context)


@role_required(OFFICER)
@require_POST
def report_recount(request, pk):
    """Count a draft's figures again now, rather than wait for the kept ones to age."""
    report, elsewhere = _draft_or_redirect(request, pk)
    if elsewhere:
        return elsewhere
    draft_figures(report, again=True)
    messages.success(request, "The figures have been counted again from the service’s data as it is now.")
    return redirect(report)


@role_required(OFFICER)
@require_POST
def report_public(request, pk):
    """Show a published report on the public site, or take it off (POST ``public`` = "yes" or "no")."""
    report = get_object_or_404(Report, pk=pk)
    public = request.POST.get("public") == "yes"
    try:
        services.make_public(report=report, by=request.user, public=public)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        where = "is now shown on" if public else "is no longer shown on"
        messages.success(request, f"“{report.title}” {where} the public site.")
    return redirect(report)


@role_required(OFFICER)
def report_correct(request, pk):
    report, elsewhere = _published_or_redirect(request, pk, "corrected")
    if elsewhere:
        return elsewhere
    existing = selectors.correction_of(report)
    if existing:
        messages.info(request, "A correction of this report is already being drafted.")
        return redirect(existing)
    if request.method == "POST":
        correction = services.start_correction(report=report, by=request.user)
        messages.success(
            request,
            "A correction has been started from the published report. Change what needs correcting, then publish it.",
        )
        return redirect("reports:report_edit", pk=correction.pk)
    return render(request, "compact_site/reports/report_correct.html", {"report": report})


@role_required(OFFICER)
def report_delete(request, pk):
    report, elsewhere = _draft_or_redirect(request, pk)
    if elsewhere:
        return elsewhere
    if request.method == "POST":
        services.delete_draft(report=report, by=request.user)
        messages.success(request, f"The draft “{report.title}” has been deleted.")
        return redirect("reports:report_list")
    return render(request, "compact_site/reports/report_delete.html", {"report": report})


@role_required(OFFICER)
def report_email(request, pk):
    report, elsewhere = _published_or_redirect(request, pk, "emailed to the LSP")
    if elsewhere:
        return elsewhere
    recipients = list(services.lsp_recipients())
    if request.method == "POST" and recipients:
        sent = services.email_lsp(report=report, by=request.user)
        members = f"{sent} LSP member{'s' if sent != 1 else ''}"
        messages.success(request, f"A link to the report is being emailed to {members}.")
        return redirect(report)
    return render(request, "compact_site/reports/report_email.html", {"report": report, "recipients": recipients})


def _download(name, data, *, content_type):
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, max-age=0"
    return response


@role_required(*READERS)
def report_pdf(request, pk):
    report = selectors.visible_report(request.user, pk)
    content = report_content(report)
    pdf = render_pdf(report=report, content=content, correction=selectors.correction_of(report))
    name = file_name(content, draft=report.is_draft, extension="pdf")
    return _download(name, pdf, content_type="application/pdf")


@role_required(*READERS)
def report_csv(request, pk):
    report = selectors.visible_report(request.user, pk)
    content = report_content(report)
    name = file_name(content, draft=report.is_draft, extension="csv")
    return _download(name, csv_text(content), content_type="text/csv; charset=utf-8")
