from django.urls import path

from . import views

app_name = "committees"

urlpatterns = [
    path("committees/", views.committee_list, name="committee_list"),
    path("committees/new/", views.committee_create, name="committee_create"),
    path("committees/<int:pk>/", views.committee_detail, name="committee_detail"),
    path("committees/<int:pk>/edit/", views.committee_edit, name="committee_edit"),
    path("committees/<int:pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("reports/<int:pk>/send/", views.report_send, name="report_send"),
    path("reports/<int:pk>/recommendations/new/", views.recommendation_create, name="recommendation_create"),
    path("recommendations/", views.recommendation_list, name="recommendation_list"),
    path("recommendations/<int:pk>/", views.recommendation_detail, name="recommendation_detail"),
    path("recommendations/<int:pk>/respond/", views.recommendation_respond, name="recommendation_respond"),
    path("recommendations/<int:pk>/action/", views.recommendation_action, name="recommendation_action"),
]
