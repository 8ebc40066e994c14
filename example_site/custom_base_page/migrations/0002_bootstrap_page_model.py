from django.db import migrations
from wagtail.models import BootstrapLocaleField, BootstrapTranslatableModel, BootstrapTranslationKeyField


class Migration(migrations.Migration):
    dependencies = [
        ("custom_base_page", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        BootstrapLocaleField("custom_base_page.BasePage"),
        BootstrapTranslationKeyField("custom_base_page.BasePage"),
        BootstrapTranslatableModel("custom_base_page.BasePage"),
    ]
