"""Officers' choices about the public site."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from signatories.roles import is_officer

from .models import PublicSiteSettings


@transaction.atomic
def update_site_settings(*, by, is_on, publish_scores):
    """Turn the public site on or off and choose whether it publishes the partnership scores."""
    if not is_officer(by):
        raise PermissionDenied("Only a Compact officer can change the public site.")
    setting = PublicSiteSettings.objects.select_for_update().order_by("pk").first() or PublicSiteSettings()
    setting.is_on, setting.publish_scores, setting.updated_by = is_on, publish_scores, by
    setting.save()
    return setting
