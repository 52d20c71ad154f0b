"""Officers' choices about the public site."""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from signatories.roles import is_officer

from .models import PublicSiteSettings


@transaction.atomic
def update_site_settings(
    *,
    by: User,
    is_on: bool,
    publish_scores: bool,
    publish_commitments: bool | None = None,
    publish_representation: bool | None = None,
    publish_scrutiny: bool | None = None,
) -> PublicSiteSettings:
    """Turn the public site on or off and choose whether it publishes the partnership scores and how the
    commitments are kept (``publish_commitments`` left out: as it is)."""
    if not is_officer(by):
        raise PermissionDenied("Only a Compact officer can change the public site.")
    setting = PublicSiteSettings.objects.select_for_update().order_by("pk").first() or PublicSiteSettings()
    setting.is_on, setting.publish_scores, setting.updated_by = is_on, publish_scores, by
    if publish_commitments is not None:
        setting.publish_commitments = publish_commitments
    if publish_representation is not None:
        setting.publish_representation = publish_representation
    if publish_scrutiny is not None:
        setting.publish_scrutiny = publish_scrutiny
    setting.save()
    return setting
