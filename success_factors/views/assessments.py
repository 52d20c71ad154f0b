from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from signatories.roles import CHAMPION, OFFICER, is_officer, role_required
from signatories.selectors import current_compact, organisation_for

from ..filters import AssessmentFilter
from ..forms import FactorAnswersForm, ReopenAssessmentForm, StartAssessmentForm, SubmitAssessmentForm
from ..models import Assessment, Factor
from ..permissions import can_work_on_assessment
from ..selectors import answers_by_factor, completed_factor_counts, current_round, other_assessments, progress

PAGE_SIZE = 25
SUBMITTED = "This self-assessment has been submitted, so its answers can no longer be changed."


def assessment_for(request, pk):
    """The assessment, if this user may work on it; 403 otherwise."""
    assessment = get_object_or_404(
        Assessment.objects.select_related("organisation", "compact", "submitted_by", "reopened_by"), pk=pk
    )
    if not can_work_on_assessment(request.user, assessment):
        raise PermissionDenied("You can only see your own organisation's self-assessments.")
    return assessment


@role_required(OFFICER, CHAMPION)
def assessment_list(request):
    compact = current_compact()
    assessments = (
        Assessment.objects.filter(compact=compact)
        .select_related("organisation")
        .order_by("-round", "organisation__name", "pk")
    )
    officer = is_officer(request.user)
    organisation = None if officer else organisation_for(request.user)
    if not officer:
        assessments = assessments.filter(organisation=organisation) if organisation else assessments.none()
    filterset = AssessmentFilter(request.GET, queryset=assessments)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    completed = completed_factor_counts(page.object_list)
    this_round = current_round(timezone.localdate())
    context = {
        "compact": compact,
        "filter": filterset,
        "page_obj": page,
        "rows": [(assessment, completed[assessment.pk]) for assessment in page.object_list],
        "organisation": organisation,
        "current": None if officer else assessments.filter(round=this_round).first(),
    }
    return render(request, "success_factors/assessment_list.html", context)


@role_required(OFFICER, CHAMPION)
def assessment_start(request):
    compact = current_compact()
    if compact is None:
        messages.info(request, "Set up the Compact before starting self-assessments.")
        return redirect("success_factors:assessment_list")
    organisation = None if is_officer(request.user) else organisation_for(request.user)
    if not is_officer(request.user) and organisation is None:
        return render(request, "success_factors/assessment_start.html", {"no_organisation": True})
    form = StartAssessmentForm(
        request.POST or None,
        compact=compact,
        organisation=organisation,
        initial={"round": request.GET.get("round", "")[:7] or current_round(timezone.localdate())},
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment = form.save(by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if form.already_started:
                messages.info(
                    request,
                    f"{assessment.organisation} already has a self-assessment for {assessment.round}. Here it is.",
                )
            else:
                messages.success(
                    request, f"The {assessment.round} self-assessment for {assessment.organisation} has started."
                )
            return redirect(assessment)
    return render(request, "success_factors/assessment_start.html", {"form": form, "organisation": organisation})


@role_required(OFFICER, CHAMPION)
def assessment_detail(request, pk):
    assessment = assessment_for(request, pk)
    context = {"assessment": assessment, "has_other_rounds": other_assessments(assessment).exists()}
    if assessment.is_submitted:
        context["groups"] = answers_by_factor(assessment)
    else:
        rows = progress(assessment)
        context.update(rows=rows, completed=sum(row["state"] == "Completed" for row in rows))
    return render(request, "success_factors/assessment_detail.html", context)


def _next_page(assessment, factor):
    following = Factor.objects.filter(number__gt=factor.number).order_by("number").first()
    if following is None:
        return redirect("success_factors:assessment_review", assessment.pk)
    return redirect("success_factors:assessment_factor", assessment.pk, following.number)


@role_required(OFFICER, CHAMPION)
def assessment_factor(request, pk, number):
    assessment = assessment_for(request, pk)
    factor = get_object_or_404(Factor, number=number)
    if assessment.is_submitted:
        messages.info(request, SUBMITTED)
        return redirect(assessment)
    form = FactorAnswersForm(request.POST or None, assessment=assessment, factor=factor)
    if request.method == "POST" and form.is_valid() and form.save():
        if request.POST.get("then") == "task_list":
            messages.success(request, f"Your answers for {factor} have been saved as a draft.")
            return redirect(assessment)
        return _next_page(assessment, factor)
    context = {"assessment": assessment, "factor": factor, "form": form}
    return render(request, "success_factors/assessment_factor.html", context)


def _review(request, assessment, form=None):
    groups = answers_by_factor(assessment)
    context = {
        "assessment": assessment,
        "groups": groups,
        "missing": [answer for group in groups for answer in group.unanswered],
        "form": form or SubmitAssessmentForm(assessment=assessment),
    }
    return render(request, "success_factors/assessment_review.html", context)


@role_required(OFFICER, CHAMPION)
def assessment_review(request, pk):
    assessment = assessment_for(request, pk)
    if assessment.is_submitted:
        messages.info(request, "This self-assessment has already been submitted.")
        return redirect(assessment)
    return _review(request, assessment)


@role_required(OFFICER, CHAMPION)
def assessment_submit(request, pk):
    assessment = assessment_for(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if assessment.is_submitted:
        messages.info(request, "This self-assessment has already been submitted.")
        return redirect(assessment)
    form = SubmitAssessmentForm(request.POST, assessment=assessment)
    if form.is_valid() and form.save(by=request.user):
        messages.success(
            request, f"The {assessment.round} self-assessment for {assessment.organisation} has been submitted."
        )
        return redirect(assessment)
    return _review(request, assessment, form)


@role_required(OFFICER)
def assessment_reopen(request, pk):
    assessment = assessment_for(request, pk)
    if not assessment.is_submitted:
        messages.info(request, "This self-assessment is a draft, so it is already open for changes.")
        return redirect(assessment)
    form = ReopenAssessmentForm(request.POST or None, assessment=assessment)
    if request.method == "POST" and form.is_valid() and form.save(by=request.user):
        messages.success(
            request, f"The self-assessment has been reopened. {assessment.organisation} can now change its answers."
        )
        return redirect(assessment)
    return render(request, "success_factors/assessment_reopen.html", {"form": form, "assessment": assessment})
