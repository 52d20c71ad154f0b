from django.apps import AppConfig


class CommitmentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "commitments"
    verbose_name = "The Compact's commitments"

    def ready(self):
        # Funding decisions (360Giving) and consultations become two more kinds of the register's imports.
        from .consultations import sheets as consultation_sheets  # noqa: F401
        from .funding import sheets as funding_sheets  # noqa: F401
