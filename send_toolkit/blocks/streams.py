"""The StreamBlocks page bodies are built from."""

from wagtail import blocks

from send_toolkit.blocks.content import RICH_TEXT_FEATURES, CalloutBlock, DownloadBlock, StrategyListBlock
from send_toolkit.blocks.gated import GatedResourceBlock
from send_toolkit.blocks.interventions import CostingBlock, InterventionBlock
from send_toolkit.blocks.links import ToolkitLinkBlock
from send_toolkit.blocks.rich_text import AccessCheckedRichTextBlock
from send_toolkit.blocks.risk import RiskGuidanceBlock


class ToolkitBodyBlock(blocks.StreamBlock):
    rich_text = AccessCheckedRichTextBlock(features=RICH_TEXT_FEATURES, template="send_toolkit/blocks/rich_text.html")
    callout = CalloutBlock()
    download = DownloadBlock()
    toolkit_link = ToolkitLinkBlock()
    gated_resource = GatedResourceBlock()


class TierBodyBlock(ToolkitBodyBlock):
    strategy_list = StrategyListBlock()
    intervention = InterventionBlock()
    costing = CostingBlock()


class GuidanceBodyBlock(ToolkitBodyBlock):
    strategy_list = StrategyListBlock()


class RiskBodyBlock(ToolkitBodyBlock):
    risk_guidance = RiskGuidanceBlock()
