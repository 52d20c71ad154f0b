"""Kept partnership figures forgotten when what they add up changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from signatories import keeping

from signatories.models import Organisation, Signature
from signatories.signals import register_imported

from .models import Action, Assessment, Factor, Indicator
from .selectors import forget_kept_scores


@receiver(register_imported)
@receiver(post_save, sender=Assessment)
@receiver(post_delete, sender=Assessment)
@receiver(post_save, sender=Signature)
@receiver(post_delete, sender=Signature)
@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
def forget_partnership_figures(sender, **kwargs):
    forget_kept_scores()


@receiver(post_save, sender=Factor)
@receiver(post_delete, sender=Factor)
@receiver(post_save, sender=Indicator)
@receiver(post_delete, sender=Indicator)
@receiver(post_save, sender=Action)
@receiver(post_delete, sender=Action)
def forget_factor_pages(sender, **kwargs):
    keeping.forget(keeping.FACTORS)
