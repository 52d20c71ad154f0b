"""The fourth role: a representative of the sector on a partnership board (success factor 5)."""

from django.db import migrations

ROLE = "Representative"


def create_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=ROLE)


def remove_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=ROLE).delete()


class Migration(migrations.Migration):
    dependencies = [("signatories", "0006_compact_council_name")]

    operations = [migrations.RunPython(create_role, remove_role)]
