"""The accessibility statement page that councils complete (Public Sector Bodies Accessibility Regulations 2018)."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from send_toolkit.blocks.content import RICH_TEXT_FEATURES
from send_toolkit.pages.base import BasePage
from send_toolkit.pages.models import ToolkitPageMixin


class ComplianceStatus(models.TextChoices):
    FULL = "full", "fully compliant"
    PARTIAL = "partial", "partially compliant"
    NOT = "not", "not compliant"


class AccessibilityStatementPageMixin(ToolkitPageMixin):
    """The sections follow the GOV.UK model statement; the template fills in what is left empty."""

    compliance_status = models.CharField(
        max_length=10, choices=ComplianceStatus.choices, default=ComplianceStatus.PARTIAL
    )
    non_accessible_content = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Anything that does not meet WCAG 2.2 AA yet, why, and when it will be fixed.",
    )
    feedback_contact = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="How to ask for content in another format or report a problem, and how soon you reply.",
    )
    testing_method = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="How and by whom the toolkit was tested."
    )
    statement_prepared = models.DateField(null=True, blank=True)
    last_tested = models.DateField(null=True, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("compliance_status"),
        FieldPanel("non_accessible_content"),
        FieldPanel("feedback_contact"),
        MultiFieldPanel(
            [FieldPanel("testing_method"), FieldPanel("statement_prepared"), FieldPanel("last_tested")],
            heading="Preparation and testing",
        ),
    ]
    settings_panels = BasePage.settings_panels + ToolkitPageMixin.review_panels
    parent_page_types = ["send_toolkit.ToolkitPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "send_toolkit/pages/accessibility_statement_page.html"

    class Meta:
        abstract = True
        verbose_name = "accessibility statement"


class AccessibilityStatementPage(AccessibilityStatementPageMixin, BasePage):
    """The page type editors add: AccessibilityStatementPageMixin on the site's base page model."""

    template = AccessibilityStatementPageMixin.template
