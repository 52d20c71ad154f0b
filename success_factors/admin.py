from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import Action, Assessment, Factor, Indicator, Rating


@admin.register(Factor)
class FactorAdmin(admin.ModelAdmin):
    list_display = ["number", "title"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["statement", "factor", "order", "is_local", "retired_on"]
    list_filter = ["factor", "is_local"]


class RatingInline(admin.TabularInline):
    model = Rating
    extra = 0
    raw_id_fields = ["indicator"]


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "round", "status", "submitted_at"]
    list_filter = ["round", "status"]
    search_fields = ["organisation__name"]
    raw_id_fields = ["organisation"]
    inlines = [RatingInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Ratings or the status changed here bypass the services: keep the stored factor scores true.
        services.refresh_factor_scores(form.instance)


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["description", "factor", "owner_organisation", "due_on", "status"]
    list_filter = ["factor", "status"]
    raw_id_fields = ["owner_organisation", "source_assessment"]


from .rounds import admin as rounds_admin  # noqa: E402,F401  (registers the rounds' models)
