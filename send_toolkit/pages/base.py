"""The site's base page model, which every toolkit page type extends (Wagtail 8's ``WAGTAIL_PAGE_MODEL``).

A site may replace Wagtail's ``Page`` with its own model built on ``AbstractPage``
(docs/how-to/use-a-custom-base-page-model.md). The toolkit's concrete page types are defined
while Django loads models, so the active base page is looked up then, not after start-up.
"""

from __future__ import annotations

import swapper
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import AbstractPage

# As Wagtail's reusable-app guide asks: swapper then reads WAGTAIL_PAGE_MODEL (not WAGTAILCORE_PAGE_MODEL)
# whichever app's models load first.
swapper.set_app_prefix("wagtailcore", "wagtail")

BASE_PAGE_MODEL: str = swapper.get_model_name("wagtailcore", "Page")


def _load_base_page() -> type[AbstractPage]:
    try:
        return swapper.load_model("wagtailcore", "Page", require_ready=False)
    except (ImproperlyConfigured, LookupError) as error:
        raise ImproperlyConfigured(
            f"send_toolkit's page types extend the base page model {BASE_PAGE_MODEL} (WAGTAIL_PAGE_MODEL), which "
            "could not be loaded while send_toolkit's models were being defined. Add the app that defines it to "
            "INSTALLED_APPS, above 'send_toolkit'."
        ) from error


BasePage: type[AbstractPage] = _load_base_page()


def search_description_values(text: str) -> dict[str, str]:
    """``search_description=text`` for a new page, or nothing: Wagtail's Page has a search description, but a
    base page built on ``AbstractPage`` alone does not."""
    has_field = any(field.name == "search_description" for field in BasePage._meta.get_fields())
    return {"search_description": text} if has_field else {}
