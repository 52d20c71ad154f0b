"""The wins library's total is counted again, not kept by triggers: the triggers of 0008 and their tally go.

The library's content is cached until a win changes and worked out once after each change, and a compact's
published wins are counted in a small partial index of the published wins alone, ``win_published_count_idx``
(docs/performance-tallies.md).

Reversible: going back creates the tally again, then the triggers of 0008 (written out here as 0008 wrote them,
so this migration does not depend on that module's names), and fills the tally from the wins already there.
"""

from django.db import migrations, models

OPERATIONS = ("insert", "update", "delete")
PUBLISHED = "'published'"

# As in 0008_published_tally.
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
        return [
            PG_TRIGGER.format(
                op=op,
                OP=op.upper(),
                transition_tables=TRANSITION_TABLES[op],
                steps=PG_TAKE if op == "delete" else PG_UPSERT.format(changes=CHANGES[op]),
            )
            for op in OPERATIONS
        ]
    if vendor == "sqlite":
        return [SQLITE_TRIGGER.format(op=op, OP=op.upper(), steps="".join(SQLITE_STEPS[op])) for op in OPERATIONS]
    raise NotImplementedError(f"The published wins' tally is kept on PostgreSQL and SQLite, not {vendor}.")


def stop_keeping_tally(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    for op in OPERATIONS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS wins_published_tally_{op}{' ON wins_win' if postgresql else ''}")
        if postgresql:
            schema_editor.execute(f"DROP FUNCTION IF EXISTS wins_published_tally_{op}()")


def keep_tally(apps, schema_editor):
    for statement in _triggers(schema_editor.connection.vendor):
        schema_editor.execute(statement)
    schema_editor.execute(FILL)


class Migration(migrations.Migration):
    dependencies = [
        ("wins", "0008_published_tally"),
    ]

    # Backwards, in reverse order: the table first, then its triggers and the fill.
    operations = [
        migrations.RunPython(stop_keeping_tally, keep_tally),
        migrations.DeleteModel(
            name="PublishedTally",
        ),
        migrations.AddIndex(
            model_name="win",
            index=models.Index(
                condition=models.Q(("status", "published")), fields=["compact"], name="win_published_count_idx"
            ),
        ),
    ]
