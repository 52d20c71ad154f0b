from django.contrib import admin

from .models import Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "role", "organisation", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "first_name", "last_name"]
    readonly_fields = ["token_hash", "created_at", "accepted_at", "user", "invited_by"]
