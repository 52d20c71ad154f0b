"""Replace the database's contents with a backup made by `manage.py backup`."""

from django.core.management.base import BaseCommand, CommandError

from compact_site.records import backups


class Command(BaseCommand):
    help = "Restore the whole database from a backup file made by `manage.py backup`. Everything now in it is replaced."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, path, interactive=True, **options):
        if interactive:
            answer = input(f"This replaces everything in the database with {path}. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            backups.restore(path)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored from {path}"))
