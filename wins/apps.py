from django.apps import AppConfig


class WinsConfig(AppConfig):
    name = "wins"
    verbose_name = "Wins and concerns"
