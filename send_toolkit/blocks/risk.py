"""Getting Risk Support guidance."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from .content import RICH_TEXT_FEATURES


class RiskGuidanceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, help_text="The risk, for example 'Self-harm' or 'Running away'.")
    what_it_may_look_like = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label="What the risk may look like")
    immediate_actions = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label="Immediate actions")
    who_to_contact = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label="Who to contact")
    planning_template = DocumentChooserBlock(required=False, help_text="A risk planning template to download.")
    planning_template_link = blocks.URLBlock(required=False, help_text="Or a link to an online planning template.")

    class Meta:
        icon = "warning"
        label = "Risk guidance"
        template = "send_toolkit/blocks/risk_guidance.html"
