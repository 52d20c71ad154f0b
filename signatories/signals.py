"""Kept register figures forgotten when the register changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from . import keeping
from .models import Champion, Compact, Organisation, Signature
from .selectors import forget_register_summary


# Sent after an import has written many rows at once (bulk inserts send no post_save): everything kept from
# the register, the scores or the public pages is worked out again.
register_imported = Signal()


@receiver(register_imported)
@receiver(post_save, sender=Organisation)
@receiver(post_delete, sender=Organisation)
@receiver(post_save, sender=Signature)
@receiver(post_delete, sender=Signature)
@receiver(post_save, sender=Champion)
@receiver(post_delete, sender=Champion)
def forget_register_figures(sender, **kwargs):
    forget_register_summary()


@receiver(post_save, sender=Compact)
@receiver(post_delete, sender=Compact)
def forget_kept_compact(sender, **kwargs):
    keeping.forget(keeping.COMPACT)
