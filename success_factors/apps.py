from django.apps import AppConfig


class SuccessFactorsConfig(AppConfig):
    name = "success_factors"
    verbose_name = "Critical success factors"

    def ready(self):
        from .scorecards import sheets  # noqa: F401  (adds past self-assessment rounds to the register's imports)
