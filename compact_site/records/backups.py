"""Backing up and restoring the whole database.

PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean --if-exists`` in one transaction, run
against the database Django is connected to. SQLite: the online backup API, which copies a
consistent snapshot even while the service is running.
"""

import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.cache import cache
from django.db import connections
from django.utils import timezone

DEFAULT_DIRECTORY = Path(settings.BASE_DIR) / "backups"


class BackupError(Exception):
    pass


def _postgres_env(settings_dict):
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": str(settings_dict.get("HOST") or ""),
            "PGPORT": str(settings_dict.get("PORT") or ""),
            "PGUSER": str(settings_dict.get("USER") or ""),
            "PGPASSWORD": str(settings_dict.get("PASSWORD") or ""),
            "PGDATABASE": settings_dict["NAME"],
        }
    )
    return {key: value for key, value in env.items() if value != ""}


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(*, directory=None, using="default"):
    """Write a timestamped backup of the database to ``directory`` (``backups/``) and return its path."""
    connection = connections[using]
    directory = Path(directory or DEFAULT_DIRECTORY)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S-%f")
    if connection.vendor == "postgresql":
        path = directory / f"compact-{stamp}.dump"
        try:
            _run(["pg_dump", "--format=custom", "--file", str(path)], _postgres_env(connection.settings_dict))
        except BackupError:
            path.unlink(missing_ok=True)  # never leave a half-written file that looks like a backup
            raise
    elif connection.vendor == "sqlite":
        path = directory / f"compact-{stamp}.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise BackupError(f"Backups are not supported on {connection.vendor}.")
    return path


def restore(path, *, using="default"):
    """Replace everything in the database with the backup at ``path``; all or nothing."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    connection = connections[using]
    if connection.vendor == "postgresql":
        connection.close()  # hold no locks while pg_restore drops and recreates the tables
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"]
        env = _postgres_env(connection.settings_dict)
        _run(command + ["--dbname", env["PGDATABASE"], str(path)], env)
    elif connection.vendor == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(f"{path} is not a sound SQLite backup.")
            connection.ensure_connection()
            source.backup(connection.connection)
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is not a SQLite backup: {error}") from None
        finally:
            source.close()
    else:
        raise BackupError(f"Restoring is not supported on {connection.vendor}.")
    ContentType.objects.clear_cache()
    # Nothing cached from the data before the restore may be shown, nor a session it no longer has: the cache is
    # emptied whole (in Redis, the cache's own database: settings.CACHES).
    cache.clear()


def data_fingerprint(using="default"):
    """Rows per model and a sha256 over every row of every model, serialized in primary-key order."""
    digest = hashlib.sha256()
    rows = {}
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
        queryset = model._default_manager.using(using).order_by("pk")
        rows[model._meta.label] = queryset.count()
        digest.update(model._meta.label.encode())
        digest.update(serializers.serialize("json", queryset).encode())
    return rows, digest.hexdigest()
