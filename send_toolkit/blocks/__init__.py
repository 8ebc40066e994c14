"""StreamField blocks for toolkit pages. Each block renders through its own template in
``templates/send_toolkit/blocks/`` so that councils can override one block at a time."""

from send_toolkit.blocks.content import CalloutBlock, DownloadBlock, StrategyBlock, StrategyListBlock
from send_toolkit.blocks.gated import GatedResourceBlock
from send_toolkit.blocks.interventions import CostingBlock, InterventionBlock
from send_toolkit.blocks.links import ToolkitLinkBlock
from send_toolkit.blocks.risk import RiskGuidanceBlock
from send_toolkit.blocks.streams import GuidanceBodyBlock, RiskBodyBlock, TierBodyBlock, ToolkitBodyBlock

__all__ = [
    "CalloutBlock",
    "CostingBlock",
    "DownloadBlock",
    "GatedResourceBlock",
    "GuidanceBodyBlock",
    "InterventionBlock",
    "RiskBodyBlock",
    "RiskGuidanceBlock",
    "StrategyBlock",
    "StrategyListBlock",
    "TierBodyBlock",
    "ToolkitBodyBlock",
    "ToolkitLinkBlock",
]
