"""The commitments' kept rates are worked out again when a commitment, a record or a check changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from signatories import keeping

from .models import Check, Commitment, Consultation, FundingDecision


# Verifying a record marks its checks verified with a bulk update, which sends no signal: the record's own
# save, in the same transaction, retires the version then and again at the commit.
@receiver(post_save, sender=Commitment)
@receiver(post_delete, sender=Commitment)
@receiver(post_save, sender=Consultation)
@receiver(post_delete, sender=Consultation)
@receiver(post_save, sender=FundingDecision)
@receiver(post_delete, sender=FundingDecision)
@receiver(post_save, sender=Check)
@receiver(post_delete, sender=Check)
def forget_kept_rates(sender, **kwargs):
    keeping.forget(keeping.COMMITMENTS)
