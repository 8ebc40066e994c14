"""Django discovers the app's models here; each concept lives in its own module."""

from .accessibility_statement import AccessibilityStatementPage  # noqa: F401, E402
from .glossary import GlossaryTerm  # noqa: F401, E402
from .pages import (  # noqa: F401
    GuidancePage,
    InterventionDirectoryPage,
    KeyStagePage,
    NeedAreaPage,
    RiskSupportPage,
    TierPage,
    ToolkitPage,
)
from .practitioners import ApprovedEmailDomain, PractitionerProfile  # noqa: F401, E402
from .resources import PractitionerResource  # noqa: F401, E402
from .site_settings import ToolkitSettings  # noqa: F401
from .snippets import CostBand, Intervention, KeyStage, NeedArea, StaffRole, SubNeed  # noqa: F401
