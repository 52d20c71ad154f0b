from django.apps import AppConfig
from django.db.models.signals import post_migrate


class JobsConfig(AppConfig):
    name = "compact_site.jobs"
    label = "jobs"
    verbose_name = "Scheduled jobs"

    def ready(self):
        from .services import sync_schedule

        # After every migrate (so a fresh database too) the beat schedule matches the registry.
        post_migrate.connect(sync_schedule, sender=self, dispatch_uid="jobs.sync_schedule")
