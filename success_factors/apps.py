from django.apps import AppConfig


class SuccessFactorsConfig(AppConfig):
    name = "success_factors"
    verbose_name = "Critical success factors"

    def ready(self):
        from . import signals  # noqa: F401  (connects its receivers)
