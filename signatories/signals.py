"""Kept register figures forgotten when the register changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Champion, Organisation, Signature
from .selectors import forget_register_summary


@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
@receiver(post_save, sender=Signature)
@receiver(post_delete, sender=Signature)
@receiver(post_save, sender=Champion)
@receiver(post_delete, sender=Champion)
def forget_register_figures(sender, **kwargs):
    forget_register_summary()
