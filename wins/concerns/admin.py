from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Concern


@admin.register(Concern)
class ConcernAdmin(SimpleHistoryAdmin):
    list_display = ["title", "raised_on", "status", "factor", "raised_by_organisation"]
    list_filter = ["status", "factor"]
    search_fields = ["title", "details", "resolution"]
    date_hierarchy = "raised_on"
    raw_id_fields = ["raised_by", "raised_by_organisation", "action"]
    filter_horizontal = ["organisations"]
