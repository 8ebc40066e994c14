"""The pages endpoint gives each toolkit page's own fields and its StreamField body as structured JSON.

Blocks come as ``{"type", "value", "id"}`` with their parts as JSON objects (not rendered HTML), and an
intervention block carries the intervention itself: its public fields and what it costs, as its own page
shows them. Fields are declared on each page type's mixin (``api_fields``), so a site's own base page
model gets them too.
"""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.api import APIField

from send_toolkit.domain import vocabulary
from send_toolkit.interventions.models import Intervention
from send_toolkit.pages.models import (
    AccessibilityStatementPage,
    AccessibilityStatementPageMixin,
    GuidanceKind,
    GuidancePage,
    GuidancePageMixin,
    KeyStagePage,
    KeyStagePageMixin,
    NeedAreaPage,
    NeedAreaPageMixin,
    RiskSupportPage,
    RiskSupportPageMixin,
    TierPage,
    TierPageMixin,
    ToolkitHomePageMixin,
    ToolkitPage,
    ToolkitPageMixin,
)

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


def detail(client: Client, page) -> dict:
    response = client.get(f"{PAGES}{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def blocks_of(data: dict, block_type: str) -> list[dict]:
    return [block["value"] for block in data["body"] if block["type"] == block_type]


def cognition_ks1_help() -> TierPage:
    area = NeedAreaPage.objects.get(need_area="cognition_learning")
    stage = KeyStagePage.objects.child_of(area).get(key_stage="ks1")
    return TierPage.objects.child_of(stage).get(tier="getting_help")


def names(fields: list) -> set[str]:
    return {field.name if isinstance(field, APIField) else field for field in fields}


@pytest.mark.parametrize(
    ("mixin", "expected"),
    [
        (ToolkitPageMixin, {"introduction", "last_reviewed", "next_review_due"}),
        (ToolkitHomePageMixin, {"introduction", "how_to_use", "body"}),
        (NeedAreaPageMixin, {"introduction", "need_area", "easy_read_summary", "body"}),
        (KeyStagePageMixin, {"introduction", "key_stage", "easy_read_summary", "body"}),
        (TierPageMixin, {"introduction", "tier", "body"}),
        (RiskSupportPageMixin, {"introduction", "safeguarding_notice", "body"}),
        (GuidancePageMixin, {"introduction", "kind", "body"}),
        (AccessibilityStatementPageMixin, {"compliance_status", "non_accessible_content", "feedback_contact"}),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_each_page_types_mixin_declares_its_api_fields(mixin, expected):
    # On the mixin, so a page type built from it on a site's own base page model has them too.
    assert expected <= names(mixin.api_fields)


def test_a_tier_page_gives_its_fields_and_its_body_as_structured_json(client):
    tier = cognition_ks1_help()
    data = detail(client, tier)

    assert data["title"] == tier.title
    assert data["tier"] == {"value": "getting_help", "label": "Getting Help"}
    assert data["introduction"] == tier.introduction
    assert data["meta"]["type"] == "send_toolkit.TierPage"
    assert {block["type"] for block in data["body"]} >= {"strategy_list", "intervention"}
    assert all(set(block) == {"type", "value", "id"} for block in data["body"])
    strategies = blocks_of(data, "strategy_list")[0]
    assert strategies["heading"] and strategies["strategies"]
    first = strategies["strategies"][0]
    assert set(first) == {"title", "description", "for_parents", "at_home"}
    assert first["description"].startswith("<p>")  # rich text, as stored (Wagtail's default format)


def test_an_intervention_block_carries_the_interventions_public_fields_and_costs(client):
    data = detail(client, cognition_ks1_help())
    phonics = next(
        block["intervention"]
        for block in blocks_of(data, "intervention")
        if block["intervention"]["name"] == "Phonics catch-up group"
    )
    record = Intervention.objects.get(name="Phonics catch-up group")

    assert phonics["id"] == record.pk
    assert phonics["summary"] == record.summary
    assert phonics["need_areas"] == [{"value": "cognition_learning", "label": "Cognition and Learning"}]
    assert [stage["value"] for stage in phonics["key_stages"]] == ["ks1", "ks2"]
    assert phonics["tier"] == {"value": "getting_help", "label": "Getting Help"}
    assert phonics["delivery"] == {"value": "small_group", "label": "Small group"}
    assert phonics["sub_needs"] == [
        {
            "id": record.sub_needs.get().pk,
            "name": "Specific learning difficulties (SpLD)",
            "need_area": "cognition_learning",
        }
    ]
    assert (phonics["group_size"], phonics["session_minutes"], phonics["sessions_per_week"]) == (4, 30, "3")
    assert phonics["staff_role"] == {"name": "Teaching assistant", "hourly_rate": "15.00"}
    # DESIGN.md section 6: a TA at £15.00/hour, group of 4, 3 × 30 minutes a week for 38 weeks.
    costs = phonics["costs"]
    assert (costs["weeks"], costs["annual_staff_cost"], costs["total_cost"]) == (38, "855.00", "855.00")
    assert (costs["cost_per_pupil"], costs["cost_band"], costs["share_of_sen_budget"]) == ("213.75", "£", "3.6")
    assert costs["contact_hours_per_pupil"] == "57"
    assert phonics["meta"]["detail_url"] == f"http://localhost/api/v2/interventions/{record.pk}/"
    assert phonics["meta"]["html_url"] == "http://localhost/send-toolkit/interventions/phonics-catch-up-group/"
    assert "audience" not in phonics  # who it is for is shown only to those who see practitioner-only records


def test_the_intervention_block_is_the_same_record_the_interventions_endpoint_gives(client):
    data = detail(client, cognition_ks1_help())
    in_block = next(block["intervention"] for block in blocks_of(data, "intervention"))

    assert client.get(f"/api/v2/interventions/{in_block['id']}/").json() == in_block


def test_a_costing_block_carries_each_intervention_with_its_costs(client):
    tier = cognition_ks1_help()
    phonics = Intervention.objects.get(name="Phonics catch-up group")
    tier.body.append(("costing", {"heading": "Costs compared", "interventions": [phonics]}))
    tier.save_revision().publish()

    costing = blocks_of(detail(client, tier), "costing")[0]

    assert costing["heading"] == "Costs compared"
    assert [item["name"] for item in costing["interventions"]] == ["Phonics catch-up group"]
    assert costing["interventions"][0]["costs"]["cost_per_pupil"] == "213.75"


def test_need_area_and_key_stage_pages_give_their_vocabulary_with_labels(client):
    area = NeedAreaPage.objects.get(need_area="semh")
    area.easy_read_summary = "<p>Short <b>sentences</b>.</p>"
    area.save_revision().publish()
    stage = KeyStagePage.objects.child_of(area).get(key_stage="ks2")

    area_data, stage_data = detail(client, area), detail(client, stage)

    assert area_data["need_area"] == {"value": "semh", "label": "Social, Emotional and Mental Health"}
    assert area_data["easy_read_summary"] == "<p>Short <b>sentences</b>.</p>"
    assert stage_data["key_stage"] == {"value": "ks2", "label": "Key Stage 2"}
    assert isinstance(stage_data["body"], list)


def test_guidance_risk_toolkit_and_statement_pages_give_their_own_fields(client, toolkit):
    guidance = GuidancePage.objects.live().filter(kind=GuidanceKind.APDR).first()
    risk = RiskSupportPage.objects.live().first()
    statement = AccessibilityStatementPage.objects.live().get()

    guidance_data = detail(client, guidance)
    risk_data = detail(client, risk)
    toolkit_data = detail(client, ToolkitPage.objects.get())
    statement_data = detail(client, statement)

    assert guidance_data["kind"] == {"value": "apdr", "label": "Assess, Plan, Do, Review explainer"}
    assert risk_data["safeguarding_notice"] == vocabulary.SAFEGUARDING_NOTICE
    guidance_block = blocks_of(risk_data, "risk_guidance")[0]
    assert {"title", "what_it_may_look_like", "immediate_actions", "who_to_contact"} <= set(guidance_block)
    assert toolkit_data["how_to_use"] == toolkit.how_to_use
    assert statement_data["compliance_status"]["value"] == statement.compliance_status
    assert {"non_accessible_content", "feedback_contact", "testing_method", "last_tested"} <= set(statement_data)


def test_the_listing_gives_bodies_when_asked_for_them(client):
    response = client.get(f"{PAGES}?type=send_toolkit.TierPage&fields=tier,body&tier=getting_help&limit=5")

    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 5
    assert all(item["tier"]["value"] == "getting_help" and isinstance(item["body"], list) for item in items)


def test_rich_text_comes_in_the_format_asked_for(client):
    tier = cognition_ks1_help()
    tier.introduction = "<p>Read <b>this</b> first.</p>"
    tier.save_revision().publish()

    def introduction(format_name: str) -> str:
        return client.get(f"{PAGES}{tier.pk}/?rich_text_format={format_name}").json()["introduction"]

    assert introduction("db_html") == "<p>Read <b>this</b> first.</p>"
    assert introduction("html") == "<p>Read <b>this</b> first.</p>"
    assert introduction("markdown").strip() == "Read **this** first."
