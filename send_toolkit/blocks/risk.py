"""Getting Risk Support guidance."""

from __future__ import annotations

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from send_toolkit.access.visibility import can_view_document
from send_toolkit.blocks.content import RICH_TEXT_FEATURES
from send_toolkit.blocks.gated import document_access_context, document_representation
from send_toolkit.blocks.public_text import EVERYONE
from send_toolkit.blocks.rich_text import AccessCheckedRichTextBlock


class RiskGuidanceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, help_text="The risk, for example 'Self-harm' or 'Running away'.")
    what_it_may_look_like = AccessCheckedRichTextBlock(features=RICH_TEXT_FEATURES, label="What the risk may look like")
    immediate_actions = AccessCheckedRichTextBlock(features=RICH_TEXT_FEATURES, label="Immediate actions")
    who_to_contact = AccessCheckedRichTextBlock(features=RICH_TEXT_FEATURES, label="Who to contact")
    planning_template = DocumentChooserBlock(required=False, help_text="A risk planning template to download.")
    planning_template_link = blocks.URLBlock(required=False, help_text="Or a link to an online planning template.")

    class Meta:
        icon = "warning"
        label = "Risk guidance"
        template = "send_toolkit/blocks/risk_guidance.html"

    def get_context(self, value, parent_context=None):
        # The planning template may be in a restricted collection although the guidance is public.
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context.update(document_access_context(request, value.get("planning_template")))
        return context

    def get_searchable_content(self, value):
        texts = [value.get("title") or ""]
        for name in ("what_it_may_look_like", "immediate_actions", "who_to_contact"):
            texts.extend(self.child_blocks[name].get_searchable_content(value.get(name)))
        template = value.get("planning_template")
        if can_view_document(EVERYONE, template):  # shown with its title only to those who may download it
            texts.append(template.title)
        return texts

    def get_api_representation(self, value, context=None):
        # The guidance for everyone; the planning template only for those who may download it.
        representation = super().get_api_representation(value, context)
        template = value.get("planning_template")
        shown = document_representation(context, template)
        return {
            **representation,
            "planning_template": shown,
            "planning_template_locked": template is not None and shown is None,
        }
