from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Emails"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import OutgoingMessage
        from .selectors import forget_not_sent_count

        # Sending moves messages between states with updates (no signal): services forget the count there.
        post_save.connect(forget_not_sent_count, sender=OutgoingMessage, dispatch_uid="forget-not-sent-count-save")
        post_delete.connect(forget_not_sent_count, sender=OutgoingMessage, dispatch_uid="forget-not-sent-count")
