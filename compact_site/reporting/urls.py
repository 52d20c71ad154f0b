from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    # Reading: everyone signed in reads published reports; officers see drafts too
    path("reports/", views.report_list, name="report_list"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/report.pdf", views.report_pdf, name="report_pdf"),
    path("reports/<int:pk>/figures.csv", views.report_csv, name="report_csv"),
    # Preparing and publishing (officers)
    path("reports/new/", views.report_create, name="report_create"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/period/", views.report_period, name="report_period"),
    path("reports/<int:pk>/publish/", views.report_publish, name="report_publish"),
    path("reports/<int:pk>/recount/", views.report_recount, name="report_recount"),
    path("reports/<int:pk>/delete/", views.report_delete, name="report_delete"),
    path("reports/<int:pk>/public/", views.report_public, name="report_public"),
    path("reports/<int:pk>/correct/", views.report_correct, name="report_correct"),
    path("reports/<int:pk>/email/", views.report_email, name="report_email"),
]
