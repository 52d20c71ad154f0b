from django.urls import path

from . import views
from .models import RecordKind

app_name = "commitments"

C, F = {"kind": RecordKind.CONSULTATION}, {"kind": RecordKind.FUNDING}

urlpatterns = [
    path("commitments/", views.overview, name="overview"),
    path("commitments/list/", views.commitment_list, name="commitment_list"),
    path("commitments/new/", views.commitment_create, name="commitment_create"),
    path("commitments/<int:pk>/edit/", views.commitment_edit, name="commitment_edit"),
    path("commitments/checks/<int:pk>/accept/", views.check_accept, name="check_accept"),
    # Consultations
    path("consultations/", views.record_list, C, name="consultation_list"),
    path("consultations/new/", views.record_create, C, name="consultation_create"),
    path("consultations/<int:pk>/", views.record_detail, C, name="consultation_detail"),
    path("consultations/<int:pk>/edit/", views.record_edit, C, name="consultation_edit"),
    path("consultations/<int:pk>/verify/", views.record_verify, C, name="consultation_verify"),
    path("consultations/<int:pk>/explain/", views.record_explain, C, name="consultation_explain"),
    # Funding decisions
    path("funding/", views.record_list, F, name="funding_list"),
    path("funding/new/", views.record_create, F, name="funding_create"),
    path("funding/set-for-many/", views.funding_set_for_many, name="funding_set_for_many"),
    path("funding/<int:pk>/", views.record_detail, F, name="funding_detail"),
    path("funding/<int:pk>/edit/", views.record_edit, F, name="funding_edit"),
    path("funding/<int:pk>/verify/", views.record_verify, F, name="funding_verify"),
    path("funding/<int:pk>/explain/", views.record_explain, F, name="funding_explain"),
]
