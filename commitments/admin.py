"""For technical staff only: officers change commitments and records through the service's own pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Check, Commitment, Consultation, FundingDecision


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "rule", "threshold", "factor", "is_local", "retired_on"]


@admin.register(Consultation)
class ConsultationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "body", "opened_on", "closes_on", "status"]
    list_filter = ["status"]
    search_fields = ["title"]
    raw_id_fields = ["body", "reported_by", "reported_by_organisation", "verified_by", "body_explained_by"]


@admin.register(FundingDecision)
class FundingDecisionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "body", "funding_kind", "amount", "decided_on", "status"]
    list_filter = ["status", "funding_kind"]
    search_fields = ["name"]
    raw_id_fields = ["body", "reported_by", "reported_by_organisation", "verified_by", "body_explained_by"]
    filter_horizontal = ["organisations_funded"]


@admin.register(Check)
class CheckAdmin(SimpleHistoryAdmin):
    list_display = ["commitment", "result", "dated_on", "verified"]
    list_filter = ["result", "commitment"]
    raw_id_fields = ["consultation", "funding_decision", "body", "accepted_by"]
