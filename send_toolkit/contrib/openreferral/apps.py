from django.apps import AppConfig


class SendToolkitOpenReferralConfig(AppConfig):
    """Optional: list ``send_toolkit.contrib.openreferral`` in INSTALLED_APPS and mount ``api.openreferral_api``."""

    name = "send_toolkit.contrib.openreferral"
    label = "send_toolkit_openreferral"
    verbose_name = "SEND toolkit: Open Referral UK feed"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, once every model is loaded (Django's rule for AppConfig.ready).
        from send_toolkit.contrib.openreferral import channels, checks, modification  # noqa: F401 - checks registers

        channels.register()
        modification.connect()
