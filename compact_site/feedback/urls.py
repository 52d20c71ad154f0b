from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("contact/report-a-problem/", views.report, name="report"),
    path("contact/report-a-problem/thanks/", views.thanks, name="thanks"),
    # Officers
    path("problems/", views.report_list, name="report_list"),
]
