from django.apps import AppConfig


class SendToolkitAPIConfig(AppConfig):
    """Optional: list ``send_toolkit.contrib.api`` in INSTALLED_APPS with ``wagtail.api.v2`` and ``rest_framework``."""

    name = "send_toolkit.contrib.api"
    label = "send_toolkit_api"
    verbose_name = "SEND toolkit: Wagtail API"
