"""StreamField blocks for toolkit pages. Each block renders through its own template in
``templates/send_toolkit/blocks/`` so that councils can override one block at a time."""

from .content import CalloutBlock, DownloadBlock, StrategyBlock, StrategyListBlock
from .gated import GatedResourceBlock
from .interventions import CostingBlock, InterventionBlock
from .links import ToolkitLinkBlock
from .risk import RiskGuidanceBlock
from .streams import GuidanceBodyBlock, RiskBodyBlock, TierBodyBlock, ToolkitBodyBlock

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
