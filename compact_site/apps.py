from django.apps import AppConfig


class CompactSiteConfig(AppConfig):
    name = "compact_site"
    verbose_name = "Compact site"

    def ready(self):
        from .accounts import sessions  # noqa: F401  (connects its signal receiver)
        from .accounts.backends import connect_signals as connect_kept_users
        from .dashboard.signals import connect_signals as connect_kept_dashboards
        from .public.caching import connect_signals

        connect_signals()
        connect_kept_users()
        connect_kept_dashboards()
