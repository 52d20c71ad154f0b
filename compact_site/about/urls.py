from django.urls import path

from . import views

app_name = "about"

urlpatterns = [
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("cookies/", views.cookies, name="cookies"),
    path("contact/", views.contact, name="contact"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    # Officers
    path("public-site/statements/", views.statement_settings, name="settings"),
]
