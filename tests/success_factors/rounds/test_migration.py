"""The data migration gives every year that already has self-assessments a closed round, and can be undone."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("success_factors", "0004_rounds")]
AFTER = [("success_factors", "0005_rounds_for_existing_assessments")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # The register's tables stay as they are now (no migration of theirs waits on rounds), so the models used
    # here must be the register's latest, not as it stood when rounds came in.
    register = [node for node in executor.loader.graph.leaf_nodes() if node[0] == "signatories"]
    return executor.loader.project_state(targets + register).apps


@pytest.mark.django_db(transaction=True)
def test_existing_assessments_join_a_closed_round_of_their_year():
    apps = migrate(BEFORE)
    Compact = apps.get_model("signatories", "Compact")
    Organisation = apps.get_model("signatories", "Organisation")
    Assessment = apps.get_model("success_factors", "Assessment")
    Round = apps.get_model("success_factors", "Round")
    Round.objects.all().delete()
    compact = Compact.objects.create(name="Anytown Compact", area="Anytown", adopted_on=datetime.date(2020, 4, 1))
    first, second = (Organisation.objects.create(name=name, sector="voluntary", kind="charity") for name in "AB")
    late_submission = timezone.make_aware(datetime.datetime(2025, 4, 20, 15))
    Assessment.objects.create(
        compact=compact, organisation=first, round="2024/25", status="submitted", submitted_at=late_submission
    )
    Assessment.objects.create(compact=compact, organisation=second, round="2024/25")
    Assessment.objects.create(compact=compact, organisation=first, round="2025/26")

    apps = migrate(AFTER)

    Round = apps.get_model("success_factors", "Round")
    rounds = {r.year: r for r in Round.objects.filter(compact_id=compact.pk)}
    assert set(rounds) == {"2024/25", "2025/26"}
    assert {r.status for r in rounds.values()} == {"closed"}
    # A year's round runs from April; its deadline is the year's end, or the last submission if later.
    assert (rounds["2024/25"].opens_on, rounds["2024/25"].deadline) == (
        datetime.date(2024, 4, 1),
        datetime.date(2025, 4, 20),
    )
    assert (rounds["2025/26"].opens_on, rounds["2025/26"].deadline) == (
        datetime.date(2025, 4, 1),
        datetime.date(2026, 3, 31),
    )
    assert rounds["2025/26"].reminder_days == [14, 3]

    apps = migrate(BEFORE)

    assert not apps.get_model("success_factors", "Round").objects.exists()
    assert apps.get_model("success_factors", "Assessment").objects.count() == 3
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())  # leave the database as the other tests expect it
