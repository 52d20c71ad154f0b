from django.apps import AppConfig


class WinsConfig(AppConfig):
    name = "wins"
    verbose_name = "Wins and concerns"

    def ready(self):
        from . import signals  # noqa: F401  (connects its receivers)
