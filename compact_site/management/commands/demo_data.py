"""Load the Northbrook demo into an empty database and print the demo logins."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from compact_site import demo
from compact_site.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from compact_site.api.demo import DEMO_USE, demo_key


class Command(BaseCommand):
    help = "Load demo data (the Northbrook Local Compact) into an empty database and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (except print the logins) when the database already has data, instead of failing.",
        )

    def handle(self, *args, if_empty=False, **options):
        if settings.PRODUCTION:
            raise CommandError("Demo data is never loaded in production mode (COMPACT_ENV=production).")
        if demo.database_is_empty():
            counts = demo.load()
            summary = ", ".join(f"{number} {what}" for what, number in counts.items())
            self.stdout.write(self.style.SUCCESS(f"Loaded the Northbrook demo: {summary}."))
        elif if_empty:
            self.stdout.write("The database already has data, so no demo data was loaded.")
        else:
            raise CommandError("The database already has data; demo data only goes into an empty database.")
        self.print_logins()

    def print_logins(self):
        usernames = [username for username, *_ in DEMO_USERS]
        existing = set(get_user_model().objects.filter(username__in=usernames).values_list("username", flat=True))
        if not existing:
            return
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for each: {DEMO_PASSWORD})")
        for username, first_name, last_name, role, what in DEMO_USERS:
            if username in existing:
                self.stdout.write(f"  {username:<10} {role:<16} {first_name} {last_name}, {what}")
        self.stdout.write("")
        key = demo_key()
        if key:
            self.stdout.write(f"Demo API key ({DEMO_USE}): {key}")
            self.stdout.write(
                f"  curl -H 'Authorization: Bearer {key}' {settings.SITE_URL.rstrip('/')}/api/v1/organisations"
            )
            self.stdout.write("")
