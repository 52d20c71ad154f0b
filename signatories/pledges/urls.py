from django.urls import path

from . import views

app_name = "pledges"

urlpatterns = [
    path("pledges/", views.pledge_summary, name="pledge_summary"),
    path("pledges/new/", views.pledge_create, name="pledge_create"),
    path("pledges/<int:pk>/", views.pledge_detail, name="pledge_detail"),
    path("pledges/<int:pk>/edit/", views.pledge_edit, name="pledge_edit"),
]
