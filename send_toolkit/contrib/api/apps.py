from django.apps import AppConfig


class SendToolkitAPIConfig(AppConfig):
    """Optional: list ``send_toolkit.contrib.api`` in INSTALLED_APPS with ``wagtail.api.v2`` and ``rest_framework``."""

    name = "send_toolkit.contrib.api"
    label = "send_toolkit_api"
    verbose_name = "SEND toolkit: Wagtail API"

    def ready(self) -> None:
        # Imported here, once every model is loaded (Django's rule for AppConfig.ready).
        from send_toolkit.contrib.api import channels, checks  # noqa: F401 - importing registers the checks

        channels.register()
