from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from signatories.roles import CHAMPION, OFFICER, role_required

from ..models import Assessment
from ..permissions import can_work_on_assessment


def assessment_for(request, pk):
    """The assessment, if this user may work on it; 403 otherwise."""
    assessment = get_object_or_404(Assessment.objects.select_related("organisation", "compact"), pk=pk)
    if not can_work_on_assessment(request.user, assessment):
        raise PermissionDenied("You can only see your own organisation's self-assessments.")
    return assessment


@role_required(OFFICER, CHAMPION)
def assessment_list(request):
    return HttpResponse("TODO")


@role_required(OFFICER, CHAMPION)
def assessment_start(request):
    return HttpResponse("TODO")


@role_required(OFFICER, CHAMPION)
def assessment_detail(request, pk):
    assessment_for(request, pk)
    return HttpResponse("TODO")


@role_required(OFFICER, CHAMPION)
def assessment_factor(request, pk, number):
    assessment_for(request, pk)
    return HttpResponse("TODO")


@role_required(OFFICER, CHAMPION)
def assessment_review(request, pk):
    assessment_for(request, pk)
    return HttpResponse("TODO")


@role_required(OFFICER, CHAMPION)
def assessment_submit(request, pk):
    assessment = assessment_for(request, pk)
    return redirect("success_factors:assessment_review", assessment.pk)


@role_required(OFFICER)
def assessment_reopen(request, pk):
    assessment_for(request, pk)
    return HttpResponse("TODO")
