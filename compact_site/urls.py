from django.contrib import admin
from django.urls import include, path

# Django tries each pattern in turn: the public site, which visitors ask for most, comes first.
urlpatterns = [
    path("", include("compact_site.public.urls")),
    path("", include("compact_site.about.urls")),
    path("", include("compact_site.feedback.urls")),
    path("", include("compact_site.dashboard.urls")),
    path("", include("compact_site.accounts.urls")),
    path("", include("compact_site.records.urls")),
    path("", include("signatories.urls")),
    path("", include("signatories.pledges.urls")),
    path("", include("success_factors.urls")),
    path("", include("commitments.urls")),
    path("", include("representation.urls")),
    path("", include("wins.urls")),
    path("", include("compact_site.reporting.urls")),
    path("", include("compact_site.reporting.committees.urls")),
    path("", include("compact_site.emails.urls")),
    path("", include("compact_site.jobs.urls")),
    path("", include("compact_site.api.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "compact_site.errors.bad_request"
handler403 = "compact_site.errors.permission_denied"
handler404 = "compact_site.errors.page_not_found"
handler500 = "compact_site.errors.server_error"
