from django.apps import AppConfig


class CustomBasePageConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "custom_base_page"
