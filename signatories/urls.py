from django.urls import include, path

from . import views

app_name = "signatories"

urlpatterns = [
    path("compact/", views.compact_detail, name="compact_detail"),
    path("compact/edit/", views.compact_edit, name="compact_edit"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/kind/", views.organisation_kind, name="organisation_kind"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<int:pk>/sign/", views.organisation_sign, name="organisation_sign"),
    path("organisations/<int:pk>/endorsements/new/", views.endorsement_create, name="endorsement_create"),
    path("signatures/<int:pk>/withdraw/", views.signature_withdraw, name="signature_withdraw"),
    path("champions/", views.champion_list, name="champion_list"),
    path("champions/new/", views.champion_create, name="champion_create"),
    path("champions/<int:pk>/", views.champion_detail, name="champion_detail"),
    path("champions/<int:pk>/edit/", views.champion_edit, name="champion_edit"),
    path("champions/<int:pk>/stand-down/", views.champion_stand_down, name="champion_stand_down"),
    # Importing and exporting the register (signatories/imports/)
    path("", include("signatories.imports.urls")),
]
