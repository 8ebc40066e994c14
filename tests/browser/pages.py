"""Where each page type of the demo toolkit lives, worked out from the demo content (no ORM in the browser thread)."""

from __future__ import annotations

from wagtail.models import PageViewRestriction, Site

from send_toolkit.interventions.models import Audience, Intervention
from send_toolkit.pages.models import (
    GuidanceKind,
    GuidancePage,
    InterventionDirectoryPage,
    KeyStagePage,
    NeedAreaPage,
    RiskSupportPage,
    TierPage,
    ToolkitPage,
)
from send_toolkit.setup.demo.provision_map import MAP_NAME as DEMO_MAP_NAME
from send_toolkit.tools.provision_map.models import ProvisionMap

LOGIN_URL = "/accounts/login/"
REGISTER_URL = "/accounts/register/"
ACCOUNT_URL = "/accounts/"
# The demo's approved practitioner (send_toolkit/demo/access.py); fictional, test databases only.
PRACTITIONER_USERNAME = "senco"
PRACTITIONER_PASSWORD = "northmoor-senco"


def demo_paths() -> dict[str, str]:
    site = Site.objects.get(is_default_site=True)
    toolkit = ToolkitPage.objects.get()
    area = NeedAreaPage.objects.get(need_area="communication_interaction")
    stage = KeyStagePage.objects.child_of(area).get(key_stage="ks1")
    tier = TierPage.objects.child_of(stage).get(tier="getting_advice")
    directory = InterventionDirectoryPage.objects.get()
    intervention = Intervention.objects.filter(audience=Audience.PUBLIC).order_by("name").first()
    home = toolkit.relative_url(site)
    # The demo's restricted "For practitioners" section: general guidance under a page view restriction.
    practitioner_section = GuidancePage.objects.child_of(toolkit).get(
        kind=GuidanceKind.GENERAL, pk__in=PageViewRestriction.objects.values("page_id")
    )
    return {
        "home": home,
        "need-area": area.relative_url(site),
        "need-area-parents": f"{area.relative_url(site)}parents/",
        "key-stage": stage.relative_url(site),
        "key-stage-parents": f"{stage.relative_url(site)}parents/",
        "tier": tier.relative_url(site),
        "risk": RiskSupportPage.objects.live().first().relative_url(site),
        "guidance": GuidancePage.objects.filter(kind=GuidanceKind.WALKTHROUGH).first().relative_url(site),
        "apdr-guide": GuidancePage.objects.get(kind=GuidanceKind.APDR).relative_url(site),
        "directory": directory.relative_url(site),
        "directory-filtered": f"{directory.relative_url(site)}?need_area=semh&tier=getting_help",
        "intervention": f"{directory.relative_url(site)}{intervention.slug}/",
        "search-results": f"{home}search/?q=reading",
        "search-no-results": f"{home}search/?q=xylophonic&need_area=semh",
        "glossary": f"{home}glossary/",
        "accessibility-statement": f"{home}accessibility/",
        "login": LOGIN_URL,
        "registration": REGISTER_URL,
        "account": ACCOUNT_URL,
        "practitioner-section": practitioner_section.relative_url(site),
        **provision_map_paths(),
    }


def provision_map_paths() -> dict[str, str]:
    """The demo SENCO's worked example provision map (send_toolkit/setup/demo/provision_map.py) and its screens."""
    provision_map = ProvisionMap.objects.get(owner__username=PRACTITIONER_USERNAME, name=DEMO_MAP_NAME)
    row = provision_map.rows.order_by("position").first()
    base = f"/tools/provision-maps/{provision_map.pk}/"
    return {
        "provision-maps": "/tools/provision-maps/",
        "provision-map": base,
        "provision-map-add-row": f"{base}rows/add/",
        "provision-map-own-row": f"{base}rows/add/?kind=own",
        "provision-map-edit-row": f"{base}rows/{row.pk}/",
        "provision-map-copy": f"{base}copy/",
        "provision-map-sharing": f"{base}sharing/",
        "provision-map-settings": f"{base}settings/",
    }
