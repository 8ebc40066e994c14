from django.apps import AppConfig


class SendToolkitConfig(AppConfig):
    name = "send_toolkit"
    label = "send_toolkit"
    verbose_name = "SEND Graduated Approach Toolkit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, once every model is loaded (Django's rule for AppConfig.ready).
        from send_toolkit import checks  # noqa: F401 - importing registers the system checks
        from send_toolkit.access import purging

        purging.connect()
