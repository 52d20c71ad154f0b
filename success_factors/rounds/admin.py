from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import DeadlineExtension, Round, RoundNotice


@admin.register(Round)
class RoundAdmin(SimpleHistoryAdmin):
    list_display = ["year", "compact", "status", "opens_on", "deadline"]
    list_filter = ["status"]


@admin.register(DeadlineExtension)
class DeadlineExtensionAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "round", "deadline", "granted_by"]


@admin.register(RoundNotice)
class RoundNoticeAdmin(admin.ModelAdmin):
    list_display = ["organisation", "round", "kind", "days_before", "deadline", "sent_on", "sent_at", "recipients"]
    list_filter = ["kind"]
