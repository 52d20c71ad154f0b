from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Champion, Compact, Endorsement, Organisation, Signature
from .pledges import admin as pledges_admin  # noqa: F401


@admin.register(Compact)
class CompactAdmin(SimpleHistoryAdmin):
    list_display = ["name", "area", "adopted_on", "review_on"]


class SignatureInline(admin.TabularInline):
    model = Signature
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "sector", "kind"]
    list_filter = ["sector", "kind"]
    search_fields = ["name", "charity_number", "company_number"]
    inlines = [SignatureInline]


@admin.register(Signature)
class SignatureAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "compact", "signed_on", "withdrawn_on"]
    list_filter = ["compact", "withdrawn_on"]
    search_fields = ["organisation__name", "signed_by_name"]
    raw_id_fields = ["organisation"]


@admin.register(Champion)
class ChampionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "appointed_on", "stood_down_on"]
    list_filter = ["stood_down_on"]
    search_fields = ["name", "email", "organisation__name"]
    raw_id_fields = ["organisation", "user"]


@admin.register(Endorsement)
class EndorsementAdmin(SimpleHistoryAdmin):
    list_display = ["name", "position", "kind", "organisation", "endorsed_on"]
    list_filter = ["kind"]
    search_fields = ["name", "position", "organisation__name"]
    raw_id_fields = ["organisation"]
