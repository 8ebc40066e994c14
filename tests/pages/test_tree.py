"""The page tree editors can build, and the skeleton the setup command makes."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from send_toolkit.domain import vocabulary
from send_toolkit.pages.base import BasePage
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


class AllowedTreeTests(WagtailPageTestCase):
    def test_toolkit_home_holds_the_four_sections_and_an_accessibility_statement(self):
        self.assertAllowedSubpageTypes(
            ToolkitPage,
            {NeedAreaPage, RiskSupportPage, GuidancePage, InterventionDirectoryPage, AccessibilityStatementPage},
        )

    def test_need_area_holds_only_key_stages(self):
        self.assertAllowedSubpageTypes(NeedAreaPage, {KeyStagePage})
        self.assertAllowedParentPageTypes(NeedAreaPage, {ToolkitPage})

    def test_key_stage_holds_only_tiers(self):
        self.assertAllowedSubpageTypes(KeyStagePage, {TierPage})
        self.assertAllowedParentPageTypes(KeyStagePage, {NeedAreaPage})

    def test_tier_is_a_leaf_under_a_key_stage(self):
        self.assertAllowedSubpageTypes(TierPage, set())
        self.assertAllowedParentPageTypes(TierPage, {KeyStagePage})

    def test_guidance_nests_and_risk_support_stands_alone(self):
        self.assertAllowedParentPageTypes(GuidancePage, {ToolkitPage, GuidancePage})
        self.assertAllowedParentPageTypes(RiskSupportPage, {ToolkitPage, RiskSupportPage})
        self.assertAllowedParentPageTypes(InterventionDirectoryPage, {ToolkitPage})

    def test_toolkit_can_go_under_an_ordinary_page(self):
        self.assertCanCreateAt(BasePage, ToolkitPage)
        self.assertCanNotCreateAt(BasePage, NeedAreaPage)
        self.assertCanNotCreateAt(ToolkitPage, TierPage)


def test_skeleton_has_every_area_stage_and_tier(toolkit):
    areas = NeedAreaPage.objects.child_of(toolkit)
    assert sorted(areas.values_list("need_area", flat=True)) == sorted(t.value for t in vocabulary.NEED_AREAS)
    for area in areas:
        stages = KeyStagePage.objects.child_of(area)
        assert stages.count() == len(vocabulary.KEY_STAGES)
        for stage in stages:
            assert sorted(TierPage.objects.child_of(stage).values_list("tier", flat=True)) == sorted(
                t.value for t in vocabulary.TIERS
            )
    assert TierPage.objects.descendant_of(toolkit).count() == 4 * 6 * 3
    assert RiskSupportPage.objects.child_of(toolkit).count() == 1
    assert GuidancePage.objects.child_of(toolkit).exists()
    assert InterventionDirectoryPage.objects.child_of(toolkit).count() == 1


@pytest.mark.django_db
def test_an_unpublished_toolkit_previewed_links_to_its_own_search_and_glossary(admin_client, toolkit):
    # A draft toolkit shown in preview links to its own search and glossary, not to another (live) toolkit's.
    other = ToolkitPage(title="Another council's toolkit", slug="another-toolkit")
    toolkit.get_parent().add_child(instance=other)
    other.save_revision().publish()
    toolkit.unpublish()
    toolkit.refresh_from_db()
    assert not toolkit.live

    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[toolkit.pk]))

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    search_form = html.select_one("form.toolkit-search")
    glossary_link = html.find("a", string="Glossary of terms")
    own_url = toolkit.get_url()
    assert search_form["action"] == f"{own_url}search/"
    assert glossary_link["href"] == f"{own_url}glossary/"
    assert other.get_url() not in response.content.decode()
