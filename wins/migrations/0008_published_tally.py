"""The wins library's total, kept by triggers on the wins' table instead of counted.

The library's page counted a compact's published wins whenever a win changed: 115 ms at a million wins, more
than the rest of the page. The triggers keep ``wins_publishedtally`` on every write to ``wins_win``, bulk
writes included: PostgreSQL once a statement, from its transition tables; SQLite once a row. A win written
without changing whether it is published, or its compact, changes nothing. Deleting wins only ever
takes from a compact's row, never adds one, so a compact and its wins can go in any order. The
tally is then filled from the wins already there.
"""

import django.db.models.deletion
from django.db import migrations, models

OPERATIONS = ("insert", "update", "delete")
PUBLISHED = "'published'"

# PostgreSQL: what a statement wrote, +1 for each published row it made and -1 for each it took away.
CHANGES = {
    "insert": f"SELECT compact_id, 1 AS n FROM new_wins WHERE status = {PUBLISHED}",
    "update": f"SELECT compact_id, 1 AS n FROM new_wins WHERE status = {PUBLISHED} UNION ALL "
              f"SELECT compact_id, -1 AS n FROM old_wins WHERE status = {PUBLISHED}",
}
TRANSITION_TABLES = {
    "insert": "NEW TABLE AS new_wins",
    "update": "OLD TABLE AS old_wins NEW TABLE AS new_wins",
    "delete": "OLD TABLE AS old_wins",
}
PG_UPSERT = """
    INSERT INTO wins_publishedtally AS tally (compact_id, wins)
    SELECT compact_id, sum(n) FROM ({changes}) AS changes GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1
    ON CONFLICT (compact_id) DO UPDATE SET wins = tally.wins + excluded.wins;"""
PG_TAKE = f"""
    UPDATE wins_publishedtally AS tally SET wins = tally.wins - gone.n
    FROM (SELECT compact_id, count(*) AS n FROM old_wins WHERE status = {PUBLISHED} GROUP BY 1) AS gone
    WHERE tally.compact_id = gone.compact_id;"""
PG_TRIGGER = """
CREATE FUNCTION wins_published_tally_{op}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN{steps}
    RETURN NULL;
END $$;
CREATE TRIGGER wins_published_tally_{op} AFTER {OP} ON wins_win
REFERENCING {transition_tables} FOR EACH STATEMENT EXECUTE FUNCTION wins_published_tally_{op}();
"""

# SQLite: once a row.
SQLITE_ADD = f"""
    INSERT INTO wins_publishedtally (compact_id, wins) SELECT NEW.compact_id, 1 WHERE NEW.status = {PUBLISHED}
    ON CONFLICT (compact_id) DO UPDATE SET wins = wins + 1;"""
SQLITE_TAKE = f"""
    UPDATE wins_publishedtally SET wins = wins - 1 WHERE OLD.status = {PUBLISHED} AND compact_id = OLD.compact_id;"""
SQLITE_STEPS = {"insert": (SQLITE_ADD,), "update": (SQLITE_TAKE, SQLITE_ADD), "delete": (SQLITE_TAKE,)}
SQLITE_TRIGGER = "CREATE TRIGGER wins_published_tally_{op} AFTER {OP} ON wins_win BEGIN{steps}\nEND;"

FILL = f"""
INSERT INTO wins_publishedtally (compact_id, wins)
SELECT compact_id, count(*) FROM wins_win WHERE status = {PUBLISHED} GROUP BY compact_id"""


def _triggers(vendor):
    if vendor == "postgresql":
        return [PG_TRIGGER.format(
            op=op, OP=op.upper(), transition_tables=TRANSITION_TABLES[op],
            steps=PG_TAKE if op == "delete" else PG_UPSERT.format(changes=CHANGES[op]),
        ) for op in OPERATIONS]
    if vendor == "sqlite":
        return [SQLITE_TRIGGER.format(op=op, OP=op.upper(), steps="".join(SQLITE_STEPS[op])) for op in OPERATIONS]
    raise NotImplementedError(f"The published wins' tally is kept on PostgreSQL and SQLite, not {vendor}.")


def keep_tally(apps, schema_editor):
    for statement in _triggers(schema_editor.connection.vendor):
        schema_editor.execute(statement)
    schema_editor.execute(FILL)


def stop_keeping_tally(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    for op in OPERATIONS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS wins_published_tally_{op}{' ON wins_win' if postgresql else ''}")
        if postgresql:
            schema_editor.execute(f"DROP FUNCTION IF EXISTS wins_published_tally_{op}()")


class Migration(migrations.Migration):

    dependencies = [
        ('signatories', '0003_compact_report_every_months'),
        ('wins', '0007_public_site'),
    ]

    operations = [
        migrations.CreateModel(
            name='PublishedTally',
            fields=[
                ('compact', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='signatories.compact')),
                ('wins', models.IntegerField(default=0)),
            ],
        ),
        migrations.RunPython(keep_tally, stop_keeping_tally),
    ]
