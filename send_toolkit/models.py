"""Django discovers the app's models here; each concept lives in its own room (``<room>/models.py``)."""

from send_toolkit.council.models import ToolkitSettings
from send_toolkit.glossary.models import GlossaryTerm
from send_toolkit.interventions.models import CostBand, Intervention, KeyStage, NeedArea, StaffRole, SubNeed
from send_toolkit.interventions.rate_cards import RateCard, RateCardRate
from send_toolkit.mail.models import OutboxMessage
from send_toolkit.pages.models import (
    AccessibilityStatementPage,
    GuidancePage,
    InterventionDirectoryPage,
    KeyStagePage,
    NeedAreaPage,
    RiskSupportPage,
    TierPage,
    ToolkitPage,
)
from send_toolkit.practitioners.models import ApprovedEmailDomain, PractitionerProfile
from send_toolkit.practitioners.resources import PractitionerResource
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow, ProvisionMapShare

__all__ = [
    "AccessibilityStatementPage",
    "ApprovedEmailDomain",
    "CostBand",
    "GlossaryTerm",
    "GuidancePage",
    "Intervention",
    "InterventionDirectoryPage",
    "KeyStage",
    "KeyStagePage",
    "NeedArea",
    "NeedAreaPage",
    "OutboxMessage",
    "PractitionerProfile",
    "PractitionerResource",
    "ProvisionMap",
    "ProvisionMapRow",
    "ProvisionMapShare",
    "RateCard",
    "RateCardRate",
    "RiskSupportPage",
    "StaffRole",
    "SubNeed",
    "TierPage",
    "ToolkitPage",
    "ToolkitSettings",
]
