"""Backing up and restoring the whole database round-trips the demo exactly.

pg_restore runs in another process, so these tests commit for real (transaction=True). Serialized
rollback should give each test the rows the data migrations made (the roles and the seven factors),
but under pytest-xdist after the browser tests it sometimes does not, so each test also puts them
back itself (as tests/browser/conftest.py does).
"""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection

from compact_site import demo
from compact_site.records import backups
from signatories.models import Organisation
from success_factors.models import Factor
from tests.migration_data import reseed
from wins.models import Win

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def seeded():
    reseed()


def test_restore_puts_back_exactly_what_was_backed_up(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    demo.load()
    counts_before, checksum_before = backups.data_fingerprint()
    assert counts_before["wins.Win"] > 0

    path = backups.backup(directory=tmp_path)

    Win.objects.all().delete()
    Organisation.objects.filter(pk=Organisation.objects.order_by("pk").first().pk).update(name="Renamed by mistake")
    assert backups.data_fingerprint() != (counts_before, checksum_before)

    backups.restore(path)

    counts_after, checksum_after = backups.data_fingerprint()
    assert counts_after == counts_before
    assert checksum_after == checksum_before


def test_the_commands_back_up_to_a_timestamped_file_and_restore_it(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    demo.load()
    before = backups.data_fingerprint()
    call_command("backup", directory=str(tmp_path))
    [path] = list(tmp_path.glob("compact-*"))
    assert path.stat().st_size > 0

    Organisation.objects.all().update(website="https://example.org/changed")
    call_command("restore", str(path), interactive=False)

    assert backups.data_fingerprint() == before


def test_restoring_a_file_that_is_not_a_backup_changes_nothing(tmp_path):
    Group.objects.get_or_create(name="Kept")
    before = backups.data_fingerprint()
    bogus = tmp_path / "not-a-backup.dump"
    bogus.write_bytes(b"this is not a database backup" * 100)

    with pytest.raises(CommandError):
        call_command("restore", str(bogus), interactive=False)
    with pytest.raises(CommandError, match="no backup file"):
        call_command("restore", str(tmp_path / "missing.dump"), interactive=False)

    assert backups.data_fingerprint() == before


def test_the_roles_and_factors_survive_a_round_trip(tmp_path):
    path = backups.backup(directory=tmp_path)
    Group.objects.all().delete()
    backups.restore(path)
    assert Factor.objects.count() == 7
    assert Group.objects.count() >= 3
    assert connection.vendor in ("sqlite", "postgresql")


def test_a_failed_dump_leaves_no_file_that_looks_like_a_backup(tmp_path, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump is only used on PostgreSQL")

    def fail(command, env):
        open(command[command.index("--file") + 1], "wb").close()
        raise backups.BackupError("pg_dump failed: no such database")

    monkeypatch.setattr(backups, "_run", fail)
    with pytest.raises(CommandError, match="no such database"):
        call_command("backup", directory=str(tmp_path))
    assert list(tmp_path.iterdir()) == []
