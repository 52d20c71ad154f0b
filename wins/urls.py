from django.urls import include, path

from . import views

app_name = "wins"

urlpatterns = [
    # The library everyone reads, and what it is made into
    path("wins/", views.library, name="library"),
    path("wins/export.csv", views.export_csv, name="export"),
    path("wins/compact-in-action/", views.induction_pack, name="induction_pack"),
    path("wins/compact-in-action.pdf", views.induction_pack_pdf, name="induction_pack_pdf"),
    # Recording wins
    path("wins/new/", views.win_create, name="win_create"),
    path("wins/mine/", views.my_wins, name="my_wins"),
    path("wins/<int:pk>/", views.win_detail, name="win_detail"),
    path("wins/<int:pk>/edit/", views.win_edit, name="win_edit"),
    path("wins/<int:pk>/submit/", views.win_submit, name="win_submit"),
    path("wins/<int:pk>/evidence/", views.win_evidence, name="win_evidence"),
    # Moderation
    path("wins/waiting/", views.queue, name="queue"),
    path("wins/<int:pk>/publish/", views.win_publish, name="win_publish"),
    path("wins/<int:pk>/public/", views.win_public, name="win_public"),
    path("wins/<int:pk>/return/", views.win_return, name="win_return"),
    # Concerns (wins/concerns/)
    path("", include("wins.concerns.urls")),
]
