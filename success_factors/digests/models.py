"""The weekly digest of actions: a record of each one sent, so the job never sends a week's digest twice."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ActionDigest(models.Model):
    """One person's digest for one week (``week_of`` is that week's Monday)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week_of = models.DateField()
    due_soon = models.PositiveSmallIntegerField(default=0)
    overdue = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "week_of"], name="one_digest_per_person_per_week")]

    def __str__(self):
        return f"Actions digest for {self.user} for the week of {self.week_of}"
