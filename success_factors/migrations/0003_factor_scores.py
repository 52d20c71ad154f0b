"""Keep each submitted assessment's seven factor scores (FactorScore), and back-fill them for those already submitted."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Avg


def keep_scores_of_submitted_assessments(apps, schema_editor):
    """Back-fill the factor results of assessments submitted before they were kept (as services does)."""
    Assessment = apps.get_model("success_factors", "Assessment")
    Factor = apps.get_model("success_factors", "Factor")
    FactorScore = apps.get_model("success_factors", "FactorScore")
    Rating = apps.get_model("success_factors", "Rating")
    factor_ids = list(Factor.objects.values_list("pk", flat=True))
    ids = list(Assessment.objects.filter(status="submitted").values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        batch = ids[start:start + 500]
        means = {
            (assessment_id, factor_id): mean_level
            for assessment_id, factor_id, mean_level in Rating.objects.filter(assessment_id__in=batch, level__gte=1)
            .values_list("assessment_id", "indicator__factor_id")
            .annotate(mean_level=Avg("level"))
            .order_by()
        }
        FactorScore.objects.bulk_create(
            FactorScore(assessment_id=pk, factor_id=factor_id, mean_level=means.get((pk, factor_id)))
            for pk in batch
            for factor_id in factor_ids
        )


class Migration(migrations.Migration):

    dependencies = [
        ('success_factors', '0002_seed_factors'),
    ]

    operations = [
        migrations.CreateModel(
            name='FactorScore',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('mean_level', models.FloatField(blank=True, null=True)),
                ('assessment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='factor_scores', to='success_factors.assessment')),
                ('factor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='success_factors.factor')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('assessment', 'factor'), name='one_score_per_factor')],
            },
        ),
        migrations.RunPython(keep_scores_of_submitted_assessments, migrations.RunPython.noop, elidable=True),
    ]
