"""Django discovers the app's models here; each concept lives in its own module."""

from send_toolkit.council.models import ToolkitSettings  # noqa: F401
from send_toolkit.glossary.models import GlossaryTerm  # noqa: F401, E402
from send_toolkit.interventions.models import CostBand, Intervention, KeyStage, NeedArea, StaffRole, SubNeed  # noqa: F401
from send_toolkit.pages.accessibility_statement import AccessibilityStatementPage  # noqa: F401, E402
from send_toolkit.pages.models import (  # noqa: F401
    GuidancePage,
    InterventionDirectoryPage,
    KeyStagePage,
    NeedAreaPage,
    RiskSupportPage,
    TierPage,
    ToolkitPage,
)
from send_toolkit.practitioners.models import ApprovedEmailDomain, PractitionerProfile  # noqa: F401, E402
from send_toolkit.practitioners.resources import PractitionerResource  # noqa: F401, E402
