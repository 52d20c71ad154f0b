from django.apps import AppConfig


class CompactSiteConfig(AppConfig):
    name = "compact_site"
    verbose_name = "Compact site"
