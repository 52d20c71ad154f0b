from django.apps import AppConfig


class CompactSiteConfig(AppConfig):
    name = "compact_site"
    verbose_name = "Compact site"

    def ready(self):
        from . import checks, invalidation  # noqa: F401  (checks registers the system checks)
        from .accounts import sessions  # noqa: F401  (connects its signal receiver)

        invalidation.connect()
