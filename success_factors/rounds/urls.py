from django.urls import path

from . import views

# Included by success_factors/urls.py, so the names live in the "success_factors" namespace.
urlpatterns = [
    path("rounds/", views.round_list, name="round_list"),
    path("rounds/new/", views.round_create, name="round_create"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/edit/", views.round_edit, name="round_edit"),
    path("rounds/<int:pk>/open/", views.round_open, name="round_open"),
    path("rounds/<int:pk>/chase/", views.round_chase, name="round_chase"),
    path("rounds/<int:pk>/close/", views.round_close, name="round_close"),
    path("rounds/<int:pk>/organisations/<int:organisation_pk>/extend/", views.round_extend, name="round_extend"),
]
