"""A period's rates count the verified checks again, not monthly tallies kept by triggers: the triggers of 0005
and their two tallies go.

The rates are cached until a record, a check or a commitment changes and worked out once after each change, and
the checks of a period are counted in the index on the checks' compact, whether verified, date, commitment, body and
result (``check_rates_idx``, 0003) without reading the checks themselves (docs/performance-tallies.md).

Reversible: going back creates the tallies again, then the triggers of 0005 (written out here as 0005 wrote them,
so this migration does not depend on that module's names), and fills the tallies from the checks already there.
"""

from django.db import migrations

TALLIES = (("commitmenttally", "commitment_id"), ("bodytally", "body_id"))
OPERATIONS = ("insert", "update", "delete")

# As in 0005_check_tallies.
CHANGES = {
    "insert": "SELECT *, 1 AS n FROM new_checks",
    "update": "SELECT *, 1 AS n FROM new_checks UNION ALL SELECT *, -1 AS n FROM old_checks",
    "delete": "SELECT *, -1 AS n FROM old_checks",
}
TRANSITION_TABLES = {
    "insert": "NEW TABLE AS new_checks",
    "update": "OLD TABLE AS old_checks NEW TABLE AS new_checks",
    "delete": "OLD TABLE AS old_checks",
}
PG_UPSERT = """
    INSERT INTO commitments_{tally} AS tally (compact_id, month, {key}, result, checks)
    SELECT compact_id, date_trunc('month', dated_on)::date, {key}, result, sum(n) FROM ({changes}) AS changes
    WHERE verified GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (compact_id, month, {key}, result) DO UPDATE SET checks = tally.checks + excluded.checks;"""
PG_TRIGGER = """
CREATE FUNCTION commitments_tally_{op}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN{upserts}
    RETURN NULL;
END $$;
CREATE TRIGGER commitments_tally_{op} AFTER {OP} ON commitments_check
REFERENCING {transition_tables} FOR EACH STATEMENT EXECUTE FUNCTION commitments_tally_{op}();
"""

SQLITE_ADD = """
    INSERT INTO commitments_{tally} (compact_id, month, {key}, result, checks)
    SELECT NEW.compact_id, strftime('%Y-%m-01', NEW.dated_on), NEW.{key}, NEW.result, 1 WHERE NEW.verified
    ON CONFLICT (compact_id, month, {key}, result) DO UPDATE SET checks = checks + 1;"""
SQLITE_TAKE = """
    UPDATE commitments_{tally} SET checks = checks - 1
    WHERE OLD.verified AND compact_id = OLD.compact_id AND month = strftime('%Y-%m-01', OLD.dated_on)
    AND {key} = OLD.{key} AND result = OLD.result;"""
SQLITE_STEPS = {"insert": (SQLITE_ADD,), "update": (SQLITE_TAKE, SQLITE_ADD), "delete": (SQLITE_TAKE,)}
SQLITE_TRIGGER = "CREATE TRIGGER commitments_tally_{op} AFTER {OP} ON commitments_check BEGIN{steps}\nEND;"

MONTH = {"postgresql": "date_trunc('month', dated_on)::date", "sqlite": "strftime('%Y-%m-01', dated_on)"}
FILL = """
INSERT INTO commitments_{tally} (compact_id, month, {key}, result, checks)
SELECT compact_id, {month}, {key}, result, count(*) FROM commitments_check WHERE verified GROUP BY 1, 2, 3, 4"""


def _triggers(vendor):
    if vendor == "postgresql":
        return [
            PG_TRIGGER.format(
                op=op,
                OP=op.upper(),
                transition_tables=TRANSITION_TABLES[op],
                upserts="".join(PG_UPSERT.format(tally=tally, key=key, changes=CHANGES[op]) for tally, key in TALLIES),
            )
            for op in OPERATIONS
        ]
    if vendor == "sqlite":
        return [
            SQLITE_TRIGGER.format(
                op=op,
                OP=op.upper(),
                steps="".join(step.format(tally=tally, key=key) for tally, key in TALLIES for step in SQLITE_STEPS[op]),
            )
            for op in OPERATIONS
        ]
    raise NotImplementedError(f"The checks' tallies are kept on PostgreSQL and SQLite, not {vendor}.")


def stop_keeping_tallies(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    for op in OPERATIONS:
        on_table = " ON commitments_check" if postgresql else ""
        schema_editor.execute(f"DROP TRIGGER IF EXISTS commitments_tally_{op}{on_table}")
        if postgresql:
            schema_editor.execute(f"DROP FUNCTION IF EXISTS commitments_tally_{op}()")


def keep_tallies(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in _triggers(vendor):
        schema_editor.execute(statement)
    for tally, key in TALLIES:
        schema_editor.execute(FILL.format(tally=tally, key=key, month=MONTH[vendor]))


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0006_list_order_indexes"),
    ]

    # Backwards, in reverse order: the tables first, then their triggers and the fill.
    operations = [
        migrations.RunPython(stop_keeping_tallies, keep_tallies),
        migrations.DeleteModel(
            name="BodyTally",
        ),
        migrations.DeleteModel(
            name="CommitmentTally",
        ),
    ]
