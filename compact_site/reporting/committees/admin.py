from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Committee, CommitteeMeeting, Recommendation, ReportSent


@admin.register(Committee)
class CommitteeAdmin(SimpleHistoryAdmin):
    """For technical staff. Officers keep the committees in the service."""

    list_display = ["name", "kind", "compact"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(CommitteeMeeting)
class CommitteeMeetingAdmin(SimpleHistoryAdmin):
    list_display = ["committee", "held_on", "title"]
    list_filter = ["committee"]


@admin.register(ReportSent)
class ReportSentAdmin(SimpleHistoryAdmin):
    list_display = ["report", "meeting", "sent_at"]
    raw_id_fields = ["report", "meeting"]


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    """For technical staff. Officers record recommendations and responses in the service, which checks them."""

    list_display = ["text", "committee", "made_on", "response_due_on", "response"]
    list_filter = ["response", "committee"]
    search_fields = ["text"]
    raw_id_fields = ["report", "action", "responder_organisation"]
    readonly_fields = ["created_by", "created_at", "responded_by"]
