"""The LSP becomes one committee among others: each compact already set up gets its LSP committee."""

from django.db import migrations


def add_lsp_committees(apps, schema_editor):
    Compact = apps.get_model("signatories", "Compact")
    Committee = apps.get_model("compact_site", "Committee")
    for compact in Compact.objects.all():
        Committee.objects.get_or_create(
            compact=compact, kind="lsp", defaults={"name": "Local Strategic Partnership"}
        )


def remove_lsp_committees(apps, schema_editor):
    Committee = apps.get_model("compact_site", "Committee")
    Committee.objects.filter(kind="lsp", meetings__isnull=True, recommendations__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("compact_site", "0011_committees_and_recommendations")]

    operations = [migrations.RunPython(add_lsp_committees, remove_lsp_committees)]
