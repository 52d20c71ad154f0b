"""For technical staff only: officers manage the sector's representation through the service's own pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Board, Network, ReportBack, Term


@admin.register(Network)
class NetworkAdmin(SimpleHistoryAdmin):
    list_display = ["name", "compact"]


@admin.register(Board)
class BoardAdmin(SimpleHistoryAdmin):
    list_display = ["name", "run_by", "meets"]
    raw_id_fields = ["run_by"]


@admin.register(Term)
class TermAdmin(SimpleHistoryAdmin):
    list_display = ["holder_name", "seat", "organisation", "nominated_by", "starts_on", "ends_on", "left_on"]
    raw_id_fields = ["seat", "holder", "organisation", "nominated_by", "appointed_by"]


@admin.register(ReportBack)
class ReportBackAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "term", "written_at"]
    raw_id_fields = ["meeting", "term", "written_by"]
