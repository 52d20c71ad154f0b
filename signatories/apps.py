from django.apps import AppConfig


class SignatoriesConfig(AppConfig):
    name = "signatories"
    verbose_name = "Signatories and champions"

    def ready(self):
        from .imports import matching  # noqa: F401  (registers the register's three imports)
