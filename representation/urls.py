from django.urls import path

from . import views

app_name = "representation"

urlpatterns = [
    path("representation/", views.board_list, name="board_list"),
    path("representation/boards/new/", views.board_create, name="board_create"),
    path("representation/boards/<int:pk>/", views.board_detail, name="board_detail"),
    path("representation/boards/<int:pk>/edit/", views.board_edit, name="board_edit"),
    path("representation/boards/<int:pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("representation/seats/<int:pk>/", views.seat_detail, name="seat_detail"),
    path("representation/seats/<int:pk>/appoint/", views.seat_appoint, name="seat_appoint"),
    path("representation/terms/<int:pk>/end/", views.term_end, name="term_end"),
    path("representation/networks/", views.network_list, name="network_list"),
    path("representation/networks/new/", views.network_create, name="network_create"),
    path("representation/networks/<int:pk>/", views.network_detail, name="network_detail"),
    path("representation/networks/<int:pk>/edit/", views.network_edit, name="network_edit"),
    path("representation/networks/<int:pk>/members/new/", views.member_add, name="member_add"),
    path("representation/memberships/<int:pk>/left/", views.member_remove, name="member_remove"),
    path("representation/report-backs/", views.report_back_list, name="report_back_list"),
    path(
        "representation/terms/<int:term_pk>/meetings/<int:meeting_pk>/report-back/",
        views.report_back_create,
        name="report_back_create",
    ),
    path("representation/report-backs/<int:pk>/", views.report_back_detail, name="report_back_detail"),
]
