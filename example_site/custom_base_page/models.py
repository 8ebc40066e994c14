from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractPage


class BasePage(AbstractPage):
    """Every page on the site, the toolkit's included, says which council service looks after it.

    Built on ``AbstractPage`` alone (no ``DefaultBasePageMixin``), so pages have no search description, SEO
    title or "show in menus": the toolkit must work without them.
    """

    owning_service = models.CharField(
        _("owning service"),
        max_length=100,
        blank=True,
        help_text=_("The council service responsible for this page's content."),
    )

    promote_panels = AbstractPage.promote_panels + ["owning_service"]
