from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("public/register/", views.register, name="register"),
    path("public/factors/", views.factors, name="factors"),
    path("public/wins/", views.win_list, name="win_list"),
    path("public/wins/<int:pk>/", views.win_detail, name="win_detail"),
    path("public/reports/", views.report_list, name="report_list"),
    path("public/reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("public/commitments/", views.commitments, name="commitments"),
    path("public/boards/", views.boards, name="boards"),
    path("public/committees/", views.scrutiny, name="scrutiny"),
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/register.csv", views.register_csv, name="register_csv"),
    path("open-data/register.json", views.register_json, name="register_json"),
    path("open-data/partnership-scores.csv", views.scores_csv, name="scores_csv"),
    path("open-data/partnership-scores.json", views.scores_json, name="scores_json"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots, name="robots"),
    # Officers
    path("public-site/", views.site_settings, name="settings"),
]
