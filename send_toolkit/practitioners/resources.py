"""Practitioner resources: gated snippets with a public teaser and a restricted body (DESIGN.md section 2).

Place one on any toolkit page with ``GatedResourceBlock``. Everyone sees the title and
teaser; only the audience chosen here sees the body (``access.can_view_resource``).
The body is deliberately not in the search index, so site search cannot reach it.
Documents in the body should live in a restricted collection: page and snippet
privacy do not protect a document's own URL, collection privacy does.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from send_toolkit.blocks.content import RICH_TEXT_FEATURES, DownloadBlock
from send_toolkit.blocks.rich_text import AccessCheckedRichTextBlock
from send_toolkit.domain.access_rules import ResourceAudience
from send_toolkit.tools.registry import tool_choices, tool_named


class ResourceAudienceChoice(models.TextChoices):
    PRACTITIONERS = ResourceAudience.PRACTITIONERS.value, "Logged-in practitioners"
    GROUPS = ResourceAudience.GROUPS.value, "Only the groups chosen below"


class ResourceLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label="Web address")
    text = blocks.CharBlock(max_length=200, label="Link text")
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "link"
        label = "Link or practitioner tool"
        template = "send_toolkit/blocks/resource_link.html"


class ResourceToolBlock(blocks.StructBlock):
    """A link to one of the toolkit's practitioner tools (``tools/registry.py``), with its name and description."""

    tool = blocks.ChoiceBlock(choices=tool_choices, label=_("Tool"))
    text = blocks.CharBlock(
        max_length=200, required=False, label=_("Link text"), help_text=_("Leave empty to use the tool's name.")
    )

    class Meta:
        icon = "cogs"
        label = _("Practitioner tool")
        template = "send_toolkit/blocks/resource_tool.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        tool = tool_named(value["tool"])
        context["tool"] = tool
        context["tool_url"] = reverse(tool.url_name) if tool is not None else ""
        return context


class ResourceBodyBlock(blocks.StreamBlock):
    rich_text = AccessCheckedRichTextBlock(features=RICH_TEXT_FEATURES, template="send_toolkit/blocks/rich_text.html")
    download = DownloadBlock()
    link = ResourceLinkBlock()
    tool = ResourceToolBlock()


class PractitionerResource(models.Model):
    title = models.CharField(max_length=200)
    teaser = models.TextField(help_text="Public: shown to everyone, including visitors who are not logged in.")
    body = StreamField(
        ResourceBodyBlock(), use_json_field=True, help_text="Restricted: shown only to the audience below."
    )
    audience = models.CharField(
        max_length=20, choices=ResourceAudienceChoice.choices, default=ResourceAudienceChoice.PRACTITIONERS
    )
    groups = models.ManyToManyField(
        Group,
        blank=True,
        related_name="+",
        help_text="Used when the audience is 'Only the groups chosen below'. If none are chosen, "
        "logged-in practitioners see it.",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("teaser"),
        FieldPanel("body"),
        FieldPanel("audience"),
        FieldPanel("groups"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = "practitioner resource"

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        public = [document.title for document in self.documents() if not _collection_is_restricted(document)]
        if public:
            raise ValidationError(
                {
                    "body": "These documents are in a public collection, so anyone with the link could open them: "
                    + ", ".join(f"“{title}”" for title in public)
                    + ". Move them to a collection whose privacy is set to practitioners first."
                }
            )

    def documents(self) -> list:
        return [
            block.value["document"]
            for block in self.body
            if block.block_type == "download" and block.value.get("document")
        ]


def _collection_is_restricted(document) -> bool:
    from wagtail.models import CollectionViewRestriction

    ancestors = document.collection.get_ancestors(inclusive=True)
    return CollectionViewRestriction.objects.filter(collection__in=ancestors).exists()
