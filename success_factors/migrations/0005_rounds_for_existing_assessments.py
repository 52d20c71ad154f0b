"""Every year that already has self-assessments gets its round, closed, so existing assessments join it.

Dates: the round opens on 1 April of its financial year and its deadline is 31 March at the year's end,
or the day of the last submission if that came later, so no existing submission is marked late.
"""

import datetime

from django.db import migrations
from django.db.models import Max
from django.utils import timezone


def create_rounds(apps, schema_editor):
    Assessment = apps.get_model("success_factors", "Assessment")
    Round = apps.get_model("success_factors", "Round")
    years = (
        Assessment.objects.values("compact_id", "round").annotate(last=Max("submitted_at")).order_by("compact_id", "round")
    )
    for row in years:
        start = int(row["round"][:4])
        opens_on = datetime.date(start, 4, 1)
        deadline = datetime.date(start + 1, 3, 31)
        if row["last"] is not None:
            deadline = max(deadline, timezone.localdate(row["last"]))
        Round.objects.get_or_create(
            compact_id=row["compact_id"],
            year=row["round"],
            defaults={
                "opens_on": opens_on,
                "deadline": deadline,
                "status": "closed",
                "reminder_days": [14, 3],
                "closed_at": timezone.now(),
            },
        )


def remove_rounds(apps, schema_editor):
    Round = apps.get_model("success_factors", "Round")
    Round.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("success_factors", "0004_rounds")]

    operations = [migrations.RunPython(create_rounds, remove_rounds)]
