from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .concerns import admin as concerns_admin  # noqa: F401  (registers the concerns' admin)
from .models import Win, WinEvent


class WinEventInline(admin.TabularInline):
    model = WinEvent
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "by", "at", "note"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Win)
class WinAdmin(SimpleHistoryAdmin):
    list_display = ["title", "happened_on", "status", "organisation", "recorded_by", "is_quick_win"]
    list_filter = ["status", "is_quick_win", "factors"]
    search_fields = ["title", "what_happened", "difference_made"]
    date_hierarchy = "happened_on"
    raw_id_fields = ["organisation", "recorded_by", "published_by"]
    filter_horizontal = ["factors", "organisations"]
    # Files are checked by wins.evidence on the way in, and status moves go through wins.services.
    readonly_fields = ["status", "evidence_file", "evidence_file_name", "submitted_at", "published_at", "published_by"]
    inlines = [WinEventInline]
