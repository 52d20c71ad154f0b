"""Back up the database to backups/ (pg_dump on PostgreSQL, the SQLite backup API on SQLite)."""

from django.core.management.base import BaseCommand, CommandError

from compact_site.records import backups


class Command(BaseCommand):
    help = "Back up the whole database to a timestamped file in backups/ (or --directory)."

    def add_arguments(self, parser):
        parser.add_argument("--directory", help="Where to write the backup (default: backups/).")

    def handle(self, *args, directory=None, **options):
        try:
            path = backups.backup(directory=directory)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Backed up to {path}"))
