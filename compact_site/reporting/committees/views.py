"""The committees' pages: every committee with its meetings, the reports sent and its recommendations; sending a
report to a meeting; recording recommendations, responses and actions.

Everyone who reads reports (champions, LSP members, officers) reads these; officers keep them; the organisation that
must respond (its champions) records its response.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from signatories.form_fields import add_service_error
from signatories.roles import CHAMPION, OFFICER, READERS, role_required
from signatories.selectors import current_compact
from success_factors.forms.plan import ActionForm

from ..models import Report, ReportStatus
from . import selectors, services
from .forms import CommitteeForm, MeetingForm, RecommendationForm, ResponseForm, SendReportForm
from .models import Committee, Recommendation

PAGE_SIZE = 25


@role_required(*READERS)
def committee_list(request):
    compact = current_compact()
    today = timezone.localdate()
    context = {
        "compact": compact,
        "committees": list(selectors.committees_for(compact=compact, today=today)) if compact else [],
    }
    return render(request, "compact_site/committees/committee_list.html", context)


def _committee_form(request, committee=None):
    compact = current_compact()
    if compact is None:
        messages.info(request, "Set up the Compact before its committees.")
        return redirect("dashboard")
    initial = {}
    if committee is not None:
        initial = {"name": committee.name, "kind": committee.kind, "description": committee.description}
    form = CommitteeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_committee(by=request.user, compact=compact, committee=committee, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{saved.name} has been saved.")
            return redirect(saved)
    return render(request, "compact_site/committees/committee_form.html", {"form": form, "committee": committee})


@role_required(OFFICER)
def committee_create(request):
    return _committee_form(request)


@role_required(OFFICER)
def committee_edit(request, pk):
    return _committee_form(request, get_object_or_404(Committee, pk=pk))


@role_required(*READERS)
def committee_detail(request, pk):
    committee = get_object_or_404(Committee, pk=pk)
    context = {
        "committee": committee,
        "meetings": selectors.committee_meetings(committee=committee),
        "recommendations": list(selectors.committee_recommendations(committee=committee)),
        "today": timezone.localdate(),
    }
    return render(request, "compact_site/committees/committee_detail.html", context)


@role_required(OFFICER)
def meeting_create(request, pk):
    committee = get_object_or_404(Committee, pk=pk)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_meeting(by=request.user, committee=committee, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"The meeting has been added to {committee.name}.")
            return redirect(committee)
    return render(request, "compact_site/committees/meeting_form.html", {"form": form, "committee": committee})


def _published_report(request, pk):
    report = get_object_or_404(Report.objects.select_related("compact"), pk=pk)
    if report.status != ReportStatus.PUBLISHED:
        messages.info(request, "Only the published version of a report goes to committees.")
        return report, redirect(report)
    return report, None


@role_required(OFFICER)
def report_send(request, pk):
    report, elsewhere = _published_report(request, pk)
    if elsewhere:
        return elsewhere
    services.lsp_committee(report.compact)
    form = SendReportForm(request.POST or None, meetings=selectors.meetings_for(compact=report.compact))
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.send_report(by=request.user, report=report, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"The report is recorded as going to {sent.meeting}.")
            return redirect(report)
    context = {"form": form, "report": report, "sendings": list(selectors.report_sendings(report=report))}
    return render(request, "compact_site/committees/report_send.html", context)


@role_required(OFFICER)
def recommendation_create(request, pk):
    report, elsewhere = _published_report(request, pk)
    if elsewhere:
        return elsewhere
    committees = Committee.objects.filter(compact=report.compact).order_by("name")
    form = RecommendationForm(request.POST or None, committees=committees)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_recommendation(by=request.user, report=report, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "The recommendation has been recorded.")
            return redirect(report)
    context = {"form": form, "report": report, "sent_to": list(selectors.sent_committees(report=report))}
    return render(request, "compact_site/committees/recommendation_form.html", context)


@role_required(*READERS)
def recommendation_list(request):
    compact = current_compact()
    state = request.GET.get("state", "")
    state = state if state in selectors.STATES else ""
    found = selectors.recommendations(compact=compact, today=timezone.localdate(), state=state)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "state": state,
        "state_label": selectors.STATES[state][0] if state else "",
        "states": selectors.STATES,
    }
    return render(request, "compact_site/committees/recommendation_list.html", context)


def _recommendation(pk):
    return get_object_or_404(
        Recommendation.objects.select_related(
            "report", "committee", "responder_organisation", "action", "responded_by"
        ),
        pk=pk,
    )


@role_required(*READERS)
def recommendation_detail(request, pk):
    recommendation = _recommendation(pk)
    context = {
        "recommendation": recommendation,
        "can_respond": services.can_respond(request.user, recommendation),
    }
    return render(request, "compact_site/committees/recommendation_detail.html", context)


@role_required(OFFICER, CHAMPION)
def recommendation_respond(request, pk):
    recommendation = _recommendation(pk)
    if not services.can_respond(request.user, recommendation):
        raise PermissionDenied("Only officers and the organisation that must respond record its response.")
    initial = {"response": recommendation.response, "text": recommendation.response_text}
    if recommendation.responded_on:
        initial["responded_on"] = recommendation.responded_on
    form = ResponseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_response(by=request.user, recommendation=recommendation, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "The response has been recorded.")
            return redirect(recommendation)
    context = {"form": form, "recommendation": recommendation}
    return render(request, "compact_site/committees/response_form.html", context)


@role_required(OFFICER)
def recommendation_action(request, pk):
    recommendation = _recommendation(pk)
    if recommendation.action_id:
        messages.info(request, "This recommendation is already an action on the plan.")
        return redirect(recommendation)
    form = ActionForm(
        request.POST or None,
        compact=recommendation.report.compact,
        initial={
            "factor": None,
            "description": recommendation.text,
            "owner_organisation": recommendation.responder_organisation,
            "owner_name": recommendation.respond_by,
            "due_on": None,
            "status": "open",
        },
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ActionForm.Meta.fields}
        action = services.turn_into_action(recommendation=recommendation, by=request.user, **fields)
        messages.success(request, "The recommendation is now an action on the plan.")
        return redirect(action)
    context = {"form": form, "recommendation": recommendation}
    return render(request, "compact_site/committees/recommendation_action.html", context)
