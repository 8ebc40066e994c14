from django.apps import AppConfig


class SendToolkitConfig(AppConfig):
    name = "send_toolkit"
    label = "send_toolkit"
    verbose_name = "SEND Graduated Approach Toolkit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, once every model is loaded (Django's rule for AppConfig.ready).
        from send_toolkit import checks  # noqa: F401 - importing registers the system checks
        from send_toolkit.access import channels as access_channels
        from send_toolkit.access import document_files, purging
        from send_toolkit.council import channels as council_channels
        from send_toolkit.front_end import channels as front_end_channels
        from send_toolkit.operations import channels as operations_channels
        from send_toolkit.pages import channels as page_channels
        from send_toolkit.practitioners import channels as practitioner_channels
        from send_toolkit.tools.provision_map import channels as provision_map_channels

        # Each room registers the front-end channels it serves (access/channels.py explains the register).
        for room in (
            page_channels,
            access_channels,
            practitioner_channels,
            front_end_channels,
            operations_channels,
            council_channels,
            provision_map_channels,
        ):
            room.register()
        purging.connect()
        document_files.connect()
