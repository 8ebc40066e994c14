from django.apps import AppConfig


class SendToolkitExchangeConfig(AppConfig):
    """Optional: list ``send_toolkit.contrib.exchange`` in INSTALLED_APPS (below ``send_toolkit``) for the
    ``send_toolkit_export`` and ``send_toolkit_import`` commands and the admin screens."""

    name = "send_toolkit.contrib.exchange"
    label = "send_toolkit_exchange"
    verbose_name = "SEND toolkit: exchange between councils"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, once every model is loaded (Django's rule for AppConfig.ready).
        from send_toolkit.contrib.exchange import checks  # noqa: F401 - importing registers the system checks
