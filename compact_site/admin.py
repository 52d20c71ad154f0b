from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Invitation, Report


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "role", "organisation", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "first_name", "last_name"]
    readonly_fields = ["token_hash", "created_at", "accepted_at", "user", "invited_by"]


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    """For technical staff. Officers prepare and publish reports in the service; a published report's
    snapshot is never edited here either."""

    list_display = ["title", "compact", "period_start", "period_end", "status", "published_at"]
    list_filter = ["status", "compact"]
    search_fields = ["title"]
    readonly_fields = ["status", "snapshot", "published_at", "published_by", "supersedes", "emailed_at", "emailed_by",
                       "created_by", "created_at"]
    raw_id_fields = ["highlighted_wins"]
