"""One handler per archive section, in ``archive_format.SECTIONS`` order (imported in it, exported in reverse)."""

from send_toolkit.contrib.exchange.archive_format import SECTIONS
from send_toolkit.contrib.exchange.sections.base import Section
from send_toolkit.contrib.exchange.sections.groups import GroupsSection
from send_toolkit.contrib.exchange.sections.library import (
    CostBandsSection,
    GlossaryTermsSection,
    InterventionsSection,
    StaffRolesSection,
    SubNeedsSection,
)
from send_toolkit.contrib.exchange.sections.media import CollectionsSection, DocumentsSection, ImagesSection
from send_toolkit.contrib.exchange.sections.pages import PagesSection
from send_toolkit.contrib.exchange.sections.resources import PractitionerResourcesSection

_HANDLERS = (
    GroupsSection(),
    CollectionsSection(),
    DocumentsSection(),
    ImagesSection(),
    PagesSection(),
    SubNeedsSection(),
    StaffRolesSection(),
    CostBandsSection(),
    InterventionsSection(),
    GlossaryTermsSection(),
    PractitionerResourcesSection(),
)
_BY_NAME = {handler.name: handler for handler in _HANDLERS}
SECTION_HANDLERS: tuple[Section, ...] = tuple(_BY_NAME[section.name] for section in SECTIONS)

__all__ = ["SECTION_HANDLERS", "Section"]
