"""Monthly tallies of the verified checks, by commitment and by statutory body, kept by triggers on the checks.

A period's rates counted every check dated in it: for the 12 months and the 12 before, half the area's checks.
The triggers keep the tallies on every write to ``commitments_check``, bulk writes included: PostgreSQL once a
statement, from its transition tables, in the tallies' key order so that two writers lock rows in the same order;
SQLite once a row. The tallies are then filled from the checks already there.
"""

import django.db.models.deletion
from django.db import migrations, models

TALLIES = (("commitmenttally", "commitment_id"), ("bodytally", "body_id"))
OPERATIONS = ("insert", "update", "delete")

# PostgreSQL: the rows a statement wrote, +1 for each new row and -1 for each old one.
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

# SQLite: once a row; a row that was not verified counts nowhere.
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
        return [PG_TRIGGER.format(
            op=op, OP=op.upper(), transition_tables=TRANSITION_TABLES[op],
            upserts="".join(PG_UPSERT.format(tally=tally, key=key, changes=CHANGES[op]) for tally, key in TALLIES),
        ) for op in OPERATIONS]
    if vendor == "sqlite":
        return [SQLITE_TRIGGER.format(
            op=op, OP=op.upper(),
            steps="".join(step.format(tally=tally, key=key) for tally, key in TALLIES for step in SQLITE_STEPS[op]),
        ) for op in OPERATIONS]
    raise NotImplementedError(f"The checks' tallies are kept on PostgreSQL and SQLite, not {vendor}.")


def keep_tallies(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in _triggers(vendor):
        schema_editor.execute(statement)
    for tally, key in TALLIES:
        schema_editor.execute(FILL.format(tally=tally, key=key, month=MONTH[vendor]))


def stop_keeping_tallies(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    for op in OPERATIONS:
        on_table = " ON commitments_check" if postgresql else ""
        schema_editor.execute(f"DROP TRIGGER IF EXISTS commitments_tally_{op}{on_table}")
        if postgresql:
            schema_editor.execute(f"DROP FUNCTION IF EXISTS commitments_tally_{op}()")


class Migration(migrations.Migration):

    dependencies = [
        ('commitments', '0004_funding_notice_warnings'),
        ('signatories', '0005_organisation_name_index'),
    ]

    operations = [
        migrations.CreateModel(
            name='BodyTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField(help_text='The first day of the month.')),
                ('result', models.CharField(choices=[('met', 'Met'), ('not_met', 'Not met'), ('explained', 'Explained'), ('unknown', 'Not known yet')], max_length=10)),
                ('checks', models.IntegerField(default=0)),
                ('body', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='signatories.organisation')),
                ('compact', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='signatories.compact')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('compact', 'month', 'body', 'result'), name='body_tally_key')],
            },
        ),
        migrations.CreateModel(
            name='CommitmentTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField(help_text='The first day of the month.')),
                ('result', models.CharField(choices=[('met', 'Met'), ('not_met', 'Not met'), ('explained', 'Explained'), ('unknown', 'Not known yet')], max_length=10)),
                ('checks', models.IntegerField(default=0)),
                ('commitment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='commitments.commitment')),
                ('compact', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='signatories.compact')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('compact', 'month', 'commitment', 'result'), name='commitment_tally_key')],
            },
        ),
        migrations.RunPython(keep_tallies, stop_keeping_tallies),
    ]
