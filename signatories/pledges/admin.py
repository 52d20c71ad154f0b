from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Pledge, PledgedMoney, PledgedRole


class PledgedRoleInline(admin.TabularInline):
    model = PledgedRole
    extra = 0


class PledgedMoneyInline(admin.TabularInline):
    model = PledgedMoney
    extra = 0


@admin.register(Pledge)
class PledgeAdmin(SimpleHistoryAdmin):
    """For technical staff. Champions and officers keep pledges in the service, which keeps each pledge's totals
    with its rows: a row changed here leaves the totals as they were."""

    list_display = ["organisation", "year", "hours_per_month", "money", "agreed_by"]
    list_filter = ["year"]
    search_fields = ["organisation__name"]
    raw_id_fields = ["organisation"]
    readonly_fields = ["hours_per_month", "money", "recorded_by", "created_at"]
    inlines = [PledgedRoleInline, PledgedMoneyInline]
