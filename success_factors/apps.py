from django.apps import AppConfig


class SuccessFactorsConfig(AppConfig):
    name = "success_factors"
    verbose_name = "Critical success factors"
