"""Kept figures forgotten when the wins they count change."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from signatories import keeping
from success_factors.models import Factor

from .models import Win
from .selectors import WINS


@receiver(post_save, sender=Win)
@receiver(post_delete, sender=Win)
@receiver(m2m_changed, sender=Win.factors.through)
@receiver(m2m_changed, sender=Win.organisations.through)
@receiver(post_save, sender=Factor)
def forget_kept_library(sender, **kwargs):
    """Pages kept from the wins (the library's) are worked out again after any change to a win."""
    keeping.forget(WINS)
