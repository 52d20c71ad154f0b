from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Report


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    """For technical staff. Officers prepare and publish reports in the service; a published report's
    snapshot is never edited here either."""

    list_display = ["title", "compact", "period_start", "period_end", "status", "published_at"]
    list_filter = ["status", "compact"]
    search_fields = ["title"]
    readonly_fields = [
        "status",
        "snapshot",
        "published_at",
        "published_by",
        "supersedes",
        "emailed_at",
        "emailed_by",
        "created_by",
        "created_at",
    ]
    raw_id_fields = ["highlighted_wins"]
