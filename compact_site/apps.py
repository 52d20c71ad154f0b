from django.apps import AppConfig


class CompactSiteConfig(AppConfig):
    name = "compact_site"
    verbose_name = "Compact site"

    def ready(self):
        from .public.caching import connect_signals

        connect_signals()
