"""Editors build a toolkit through the Wagtail admin, with StreamField content, and get clear errors."""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from send_toolkit.interventions.models import Intervention
from send_toolkit.pages.base import BasePage
from send_toolkit.pages.models import (
    GuidancePage,
    InterventionDirectoryPage,
    KeyStagePage,
    NeedAreaPage,
    RiskSupportPage,
    TierPage,
    ToolkitPage,
)
from send_toolkit.practitioners.resources import PractitionerResource


def _list_block(items: list[dict]) -> dict:
    data = {"count": len(items)}
    for index, value in enumerate(items):
        data[str(index)] = {"deleted": "", "order": index, "value": value, "id": ""}
    return data


def _strategy(title: str) -> dict:
    return {
        "title": title,
        "description": rich_text(f"<p>How to use {title.lower()} in class.</p>"),
        "for_parents": f"School will use {title.lower()}.",
        "at_home": "Try it at home too.",
    }


class CreateThroughAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.editor = get_user_model().objects.create_superuser("admin-editor", "admin@example.test", "pw")
        self.client.force_login(self.editor)
        self.site_root = Site.objects.get(is_default_site=True).root_page

    def _create(self, parent, model, data) -> BasePage:
        self.assertCanCreate(parent, model, nested_form_data(data))
        return model.objects.child_of(parent).get(slug=data["slug"])

    def test_editor_builds_a_whole_branch_with_streamfield_content(self):
        phonics = Intervention.objects.get(name="Phonics catch-up group")
        resource = PractitionerResource.objects.first()
        leaflet = get_document_model()(title="Family leaflet (fictional)", collection=Collection.get_first_root_node())
        leaflet.file.save("family-leaflet.txt", ContentFile(b"A fictional leaflet."), save=False)
        leaflet.save()

        toolkit = self._create(
            self.site_root,
            ToolkitPage,
            {
                "title": "Second toolkit",
                "slug": "second-toolkit",
                "introduction": rich_text("<p>Welcome.</p>"),
                "how_to_use": rich_text("<p>Pick an area of need.</p>"),
                "body": streamfield(
                    [("callout", {"style": "info", "heading": "New", "text": rich_text("<p>Just launched.</p>")})]
                ),
            },
        )
        area = self._create(
            toolkit,
            NeedAreaPage,
            {
                "title": "Cognition and Learning",
                "slug": "cognition-and-learning",
                "need_area": "cognition_learning",
                "introduction": rich_text("<p>About learning needs.</p>"),
                "body": streamfield([("rich_text", rich_text("<p>Area overview text.</p>"))]),
            },
        )
        stage = self._create(
            area,
            KeyStagePage,
            {
                "title": "Key Stage 2",
                "slug": "key-stage-2",
                "key_stage": "ks2",
                "introduction": rich_text("<p>Years 3 to 6.</p>"),
                "body": streamfield([]),
            },
        )
        tier = self._create(
            stage,
            TierPage,
            {
                "title": "Getting Help",
                "slug": "getting-help",
                "tier": "getting_help",
                "introduction": rich_text(""),
                "body": streamfield(
                    [
                        (
                            "strategy_list",
                            {
                                "heading": "Strategies",
                                "introduction": rich_text(""),
                                "strategies": _list_block([_strategy("Precision teaching"), _strategy("Overlearning")]),
                            },
                        ),
                        (
                            "toolkit_link",
                            {"page": area.pk, "label": "Back to the area overview", "description": ""},
                        ),
                        ("intervention", {"intervention": phonics.pk, "local_note": "Ask the SENCO to book it."}),
                        ("costing", {"heading": "Costs compared", "interventions": _list_block([phonics.pk])}),
                    ]
                ),
            },
        )
        self._create(
            toolkit,
            RiskSupportPage,
            {
                "title": "Getting Risk Support",
                "slug": "risk",
                "introduction": rich_text(""),
                "body": streamfield(
                    [
                        (
                            "risk_guidance",
                            {
                                "title": "Running away",
                                "what_it_may_look_like": rich_text("<p>Leaving class.</p>"),
                                "immediate_actions": rich_text("<p>Follow the missing child procedure.</p>"),
                                "who_to_contact": rich_text("<p>The designated safeguarding lead.</p>"),
                                "planning_template": "",
                                "planning_template_link": "",
                            },
                        )
                    ]
                ),
            },
        )
        guide = self._create(
            toolkit,
            GuidancePage,
            {
                "title": "For parents",
                "slug": "for-parents",
                "kind": "parent_guide",
                "introduction": rich_text(""),
                "body": streamfield(
                    [
                        ("rich_text", rich_text("<p>What to expect.</p>")),
                        ("download", {"document": leaflet.pk, "title": "", "description": "Print it at home."}),
                        ("gated_resource", {"resource": resource.pk}),
                    ]
                ),
            },
        )
        self._create(
            toolkit,
            InterventionDirectoryPage,
            {"title": "Interventions", "slug": "interventions", "introduction": rich_text("")},
        )

        tier.refresh_from_db()
        strategies = tier.body[0].value["strategies"]
        assert [s["title"] for s in strategies] == ["Precision teaching", "Overlearning"]

        response = self.client.get(tier.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Precision teaching" in html
        assert "Getting Help" in html and "Targeted interventions" in html
        assert "Back to the area overview" in html
        assert [block.block_type for block in tier.body] == ["strategy_list", "toolkit_link", "intervention", "costing"]
        assert tier.body[2].value["intervention"] == phonics and "Ask the SENCO to book it." in html
        costs = html[html.index("Costs compared") :]
        assert phonics.name in costs and "£213.75" in costs

        guide.refresh_from_db()
        assert [block.block_type for block in guide.body] == ["rich_text", "download", "gated_resource"]
        html = self.client.get(guide.url).content.decode()
        assert "Family leaflet (fictional)" in html and leaflet.url in html
        assert resource.title in html

        response = self.client.get(toolkit.url)
        assert "Cognition and Learning" in response.content.decode()

    def test_need_area_is_not_offered_once_all_four_exist(self):
        toolkit = ToolkitPage.objects.get(slug="send-toolkit")
        assert not NeedAreaPage.can_create_at(toolkit)
        url = reverse("wagtailadmin_pages:add_subpage", args=(toolkit.pk,))
        html = self.client.get(url).content.decode()
        assert "Guidance page" in html or "guidance page" in html
        assert "needareapage" not in html
        before = NeedAreaPage.objects.child_of(toolkit).count()
        add_url = reverse("wagtailadmin_pages:add", args=("send_toolkit", "needareapage", toolkit.pk))
        response = self.client.post(add_url, nested_form_data({"title": "SEMH again", "need_area": "semh"}))
        # Wagtail's admin turns the refusal into a redirect to the dashboard with an error message.
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        assert NeedAreaPage.objects.child_of(toolkit).count() == before

    def test_new_tier_form_offers_only_the_missing_tier(self):
        stage = KeyStagePage.objects.filter(key_stage="ks1").first()
        TierPage.objects.child_of(stage).get(tier="getting_help").delete()
        url = reverse("wagtailadmin_pages:add", args=("send_toolkit", "tierpage", stage.pk))
        html = self.client.get(url).content.decode()
        assert 'value="getting_help"' in html
        assert 'value="getting_advice"' not in html
        data = nested_form_data(
            {
                "title": "More advice",
                "slug": "more-advice",
                "tier": "getting_advice",
                "introduction": rich_text(""),
                "body": streamfield([]),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data)
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
        assert TierPage.objects.child_of(stage).count() == 2

    def test_changing_a_tier_to_one_its_key_stage_already_has_is_refused_with_a_clear_message(self):
        stage = KeyStagePage.objects.filter(key_stage="ks2").first()
        tier = TierPage.objects.child_of(stage).get(tier="getting_more_help")
        url = reverse("wagtailadmin_pages:edit", args=(tier.pk,))
        data = nested_form_data(
            {
                "title": tier.title,
                "slug": tier.slug,
                "tier": "getting_advice",
                "introduction": rich_text(""),
                "body": streamfield([]),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data)
        assert response.status_code == 200
        assert "already covers Getting Advice here" in response.content.decode()
        tier.refresh_from_db()
        assert tier.tier == "getting_more_help"

    def test_editing_a_page_keeps_its_own_value_without_a_false_clash(self):
        stage = KeyStagePage.objects.filter(key_stage="ks3").first()
        url = reverse("wagtailadmin_pages:edit", args=(stage.pk,))
        data = nested_form_data(
            {
                "title": "Key Stage 3 (Years 7 to 9)",
                "slug": stage.slug,
                "key_stage": "ks3",
                "introduction": rich_text("<p>Secondary school.</p>"),
                "body": streamfield([]),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data)
        assert response.status_code == 302
        stage.refresh_from_db()
        assert stage.title == "Key Stage 3 (Years 7 to 9)"
