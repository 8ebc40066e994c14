from django.apps import AppConfig


class SendToolkitConfig(AppConfig):
    name = "send_toolkit"
    label = "send_toolkit"
    verbose_name = "SEND Graduated Approach Toolkit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import cache_purge, checks  # noqa: F401 - importing registers the system checks

        cache_purge.connect()
