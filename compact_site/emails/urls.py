from django.urls import path

from . import views

app_name = "emails"
urlpatterns = [
    path("emails/", views.preferences, name="preferences"),
    path("emails/not-sent/", views.not_sent_list, name="not_sent"),
    path("emails/not-sent/<int:pk>/try-again/", views.retry, name="retry"),
    path("emails/stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
