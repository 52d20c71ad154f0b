"""A GIN index for the wins library's full-text search, on PostgreSQL only (SQLite searches with LIKE).

The indexed expression is the one ``wins.selectors.SEARCH_VECTOR`` builds, so PostgreSQL uses it.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = GinIndex(
    SearchVector("title", "what_happened", "difference_made", config="english"), name="win_search_idx"
)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("wins", "Win"), INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("wins", "Win"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("wins", "0001_initial")]

    operations = [migrations.RunPython(add_index, remove_index)]
