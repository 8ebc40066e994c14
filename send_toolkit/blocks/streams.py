"""The StreamBlocks page bodies are built from."""

from wagtail import blocks

from .content import RICH_TEXT_FEATURES, CalloutBlock, DownloadBlock, StrategyListBlock
from .gated import GatedResourceBlock
from .interventions import CostingBlock, InterventionBlock
from .links import ToolkitLinkBlock
from .risk import RiskGuidanceBlock


class ToolkitBodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="send_toolkit/blocks/rich_text.html")
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
