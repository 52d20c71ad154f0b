from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from signatories.roles import public

from . import history, lockouts, personal_data_views, two_step, views
from .forms import GovPasswordChangeForm, GovPasswordResetForm, GovSetPasswordForm, LoginForm

auth_patterns = [
    path("two-step/", two_step.two_step_manage, name="two_step_manage"),
    path("two-step/set-up/", two_step.two_step_setup, name="two_step_setup"),
    path("two-step/verify/", two_step.two_step_verify, name="two_step_verify"),
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
    path("", views.dashboard, name="dashboard"),
    path("accounts/", include(auth_patterns)),
    path("people/", views.invitation_list, name="invitation_list"),
    path("people/invite/", views.invitation_create, name="invitation_create"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("history/<str:kind>/<int:pk>/", history.history, name="history"),
    path("history/<str:kind>/<int:pk>/restore/<int:history_id>/", history.history_restore, name="history_restore"),
    path("people/lockouts/", lockouts.lockout_list, name="lockout_list"),
    path("people/lockouts/<int:pk>/clear/", lockouts.lockout_clear, name="lockout_clear"),
    path("people/<int:pk>/data/", personal_data_views.person_data, name="person_data"),
    path("people/<int:pk>/data/export.json", personal_data_views.person_data_export, name="person_data_export"),
    path("people/<int:pk>/data/erase/", personal_data_views.person_erase, name="person_erase"),
    path("champions/<int:pk>/data/", personal_data_views.champion_data, name="champion_data"),
    path("champions/<int:pk>/data/export.json", personal_data_views.champion_data_export, name="champion_data_export"),
    path("champions/<int:pk>/data/erase/", personal_data_views.champion_erase, name="champion_erase"),
    path("", include("signatories.urls")),
    path("", include("success_factors.urls")),
    path("", include("wins.urls")),
    path("", include("compact_site.reporting.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "compact_site.errors.bad_request"
handler403 = "compact_site.errors.permission_denied"
handler404 = "compact_site.errors.page_not_found"
handler500 = "compact_site.errors.server_error"
