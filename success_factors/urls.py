from django.urls import include, path

from .views import actions, assessments, factors, results

app_name = "success_factors"

urlpatterns = [
    # The seven factors and their indicators
    path("factors/", factors.factor_list, name="factor_list"),
    path("factors/<int:number>/", factors.factor_detail, name="factor_detail"),
    path("factors/<int:number>/indicators/new/", factors.indicator_create, name="indicator_create"),
    path("indicators/<int:pk>/retire/", factors.indicator_retire, name="indicator_retire"),
    path("indicators/<int:pk>/reinstate/", factors.indicator_reinstate, name="indicator_reinstate"),
    path("indicators/<int:pk>/delete/", factors.indicator_delete, name="indicator_delete"),
    # Filling in a self-assessment
    path("assessments/", assessments.assessment_list, name="assessment_list"),
    path("assessments/new/", assessments.assessment_start, name="assessment_start"),
    path("assessments/<int:pk>/", assessments.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/factors/<int:number>/", assessments.assessment_factor, name="assessment_factor"),
    path("assessments/<int:pk>/review/", assessments.assessment_review, name="assessment_review"),
    path("assessments/<int:pk>/submit/", assessments.assessment_submit, name="assessment_submit"),
    path("assessments/<int:pk>/reopen/", assessments.assessment_reopen, name="assessment_reopen"),
    path("assessments/<int:pk>/compare/", results.assessment_compare, name="assessment_compare"),
    # Self-assessment rounds: deadlines, reminders and chasers
    path("", include("success_factors.rounds.urls")),
    # The partnership picture
    path("results/", results.partnership, name="partnership"),
    # The action plan
    path("actions/", actions.action_list, name="action_list"),
    path("actions/new/", actions.action_create, name="action_create"),
    path("actions/<int:pk>/", actions.action_detail, name="action_detail"),
    path("actions/<int:pk>/edit/", actions.action_edit, name="action_edit"),
    path("actions/<int:pk>/progress/", actions.action_progress, name="action_progress"),
]
