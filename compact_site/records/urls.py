from django.urls import path

from . import views

urlpatterns = [
    path("history/<str:kind>/<int:pk>/", views.history, name="history"),
    path("history/<str:kind>/<int:pk>/restore/<int:history_id>/", views.history_restore, name="history_restore"),
]
