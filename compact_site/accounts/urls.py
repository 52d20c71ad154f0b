from django.contrib.auth import views as auth_views
from django.urls import include, path

from signatories.roles import public

from . import views
from .forms import (
    GovPasswordChangeForm,
    GovPasswordResetForm,
    GovSetPasswordForm,
    LoginForm,
)

auth_patterns = [
    path("", views.account, name="account"),
    path("two-step/", views.two_step_manage, name="two_step_manage"),
    path("two-step/set-up/", views.two_step_setup, name="two_step_setup"),
    path("two-step/verify/", views.two_step_verify, name="two_step_verify"),
    path(
        "login/",
        public(auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True)),
        name="login",
    ),
    path("logout/", public(auth_views.LogoutView.as_view()), name="logout"),
    path(
        "password/change/",
        public(auth_views.PasswordChangeView.as_view(form_class=GovPasswordChangeForm)),
        name="password_change",
    ),
    path("password/change/done/", public(auth_views.PasswordChangeDoneView.as_view()), name="password_change_done"),
    path(
        "password/reset/",
        public(auth_views.PasswordResetView.as_view(form_class=GovPasswordResetForm)),
        name="password_reset",
    ),
    path("password/reset/sent/", public(auth_views.PasswordResetDoneView.as_view()), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        public(auth_views.PasswordResetConfirmView.as_view(form_class=GovSetPasswordForm)),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        public(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("accounts/", include(auth_patterns)),
    path("people/", views.invitation_list, name="invitation_list"),
    path("people/invite/", views.invitation_create, name="invitation_create"),
    path("champions/invite/", views.champion_invite, name="champion_invite"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("people/lockouts/", views.lockout_list, name="lockout_list"),
    path("people/lockouts/<int:pk>/clear/", views.lockout_clear, name="lockout_clear"),
    path("people/<int:pk>/data/", views.person_data, name="person_data"),
    path("people/<int:pk>/data/export.json", views.person_data_export, name="person_data_export"),
    path("people/<int:pk>/data/erase/", views.person_erase, name="person_erase"),
    path("champions/<int:pk>/data/", views.champion_data, name="champion_data"),
    path("champions/<int:pk>/data/export.json", views.champion_data_export, name="champion_data_export"),
    path("champions/<int:pk>/data/erase/", views.champion_erase, name="champion_erase"),
]
