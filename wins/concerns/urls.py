from django.urls import path

from . import views

# Included by wins.urls, so the names keep the wins namespace (wins:concern_list, …).
urlpatterns = [
    path("concerns/", views.concern_list, name="concern_list"),
    path("concerns/new/", views.concern_create, name="concern_create"),
    path("concerns/<int:pk>/", views.concern_detail, name="concern_detail"),
    path("concerns/<int:pk>/update/", views.concern_update, name="concern_update"),
    path("concerns/<int:pk>/action/", views.concern_action, name="concern_action"),
]
