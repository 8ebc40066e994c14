"""Every toolkit page type renders for a visitor, with the navigation a person expects."""

import pytest

from send_toolkit.blocks.content import StrategyListBlock
from send_toolkit.domain import vocabulary
from send_toolkit.pages.models import (
    GuidancePage,
    InterventionDirectoryPage,
    KeyStagePage,
    NeedAreaPage,
    RiskSupportPage,
    TierPage,
    ToolkitPage,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model",
    [ToolkitPage, NeedAreaPage, KeyStagePage, TierPage, RiskSupportPage, GuidancePage, InterventionDirectoryPage],
)
def test_every_page_type_renders_for_an_anonymous_visitor(client, model):
    page = model.objects.live().first()
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_every_demo_page_returns_200_and_says_when_it_was_last_reviewed(client, toolkit):
    for page in toolkit.get_descendants(inclusive=True).live().public():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "Last reviewed:" in response.content.decode(), page.url


def test_no_toolkit_page_shows_wagtails_default_home_title(client, toolkit):
    for page in toolkit.get_descendants(inclusive=True).live().public():
        assert "Welcome to your new Wagtail site" not in client.get(page.url).content.decode(), page.url


def test_demo_gives_the_example_sites_home_page_a_council_name(site):
    assert site.root_page.title == "Northmoor Council local offer"


def test_breadcrumbs_start_at_the_sites_home_page_called_home(client, toolkit):
    html = client.get(toolkit.url).content.decode()
    crumbs = html[html.index('aria-label="Breadcrumb"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert crumbs.index('<a href="/">Home</a>') < crumbs.index('aria-current="page"')
    assert "Northmoor Council local offer" not in crumbs


def test_breadcrumbs_never_show_a_renamed_wagtail_default_home_title(client, site):
    home = site.root_page
    home.title = "Welcome to your new Wagtail site!"
    home.save()
    tier = TierPage.objects.get(tier="getting_help", url_path__contains="sensory-and-physical/post-16")
    html = client.get(tier.url).content.decode()
    assert "Welcome to your new Wagtail site" not in html
    assert '<a href="/">Home</a>' in html


def test_every_demo_page_has_review_dates(toolkit):
    for page in toolkit.get_descendants(inclusive=True).specific():
        assert page.last_reviewed and page.next_review_due, page.url_path


def test_home_shows_need_areas_by_phase_with_links(client, toolkit):
    html = client.get(toolkit.url).content.decode()
    for area in vocabulary.NEED_AREAS:
        assert area.label in html
    for stage in vocabulary.KEY_STAGES:
        assert stage.label in html
    ks2 = KeyStagePage.objects.get(key_stage="ks2", url_path__contains="cognition-and-learning")
    assert f'href="{ks2.url}"' in html


def test_need_area_shows_each_key_stage_by_tier_with_tier_meanings(client):
    area = NeedAreaPage.objects.get(need_area="semh")
    html = client.get(area.url).content.decode()
    for tier in vocabulary.TIERS:
        assert tier.label in html and tier.description in html
    tier_page = TierPage.objects.descendant_of(area).get(tier="getting_more_help", url_path__contains="key-stage-4")
    assert f'href="{tier_page.url}"' in html


def test_key_stage_lists_its_three_tiers_in_order_with_meanings(client):
    stage = KeyStagePage.objects.get(key_stage="ks1", url_path__contains="communication-and-interaction")
    html = client.get(stage.url).content.decode()
    positions = [html.index(tier.description) for tier in vocabulary.TIERS]
    assert positions == sorted(positions)


def test_a_strategy_list_carries_its_own_suggestions_not_a_tick_list_hint(client):
    block = StrategyListBlock()
    html = block.render(block.to_python({"heading": "Ideas", "introduction": "", "strategies": []}))
    assert '<p class="hint">These are suggestions, not a tick list.</p>' in html
    # And on a real page, inside the list it qualifies, whatever the page template says around it.
    tier = TierPage.objects.get(tier="getting_advice", url_path__contains="cognition-and-learning/key-stage-2")
    page_html = client.get(tier.url).content.decode()
    section = page_html[page_html.index('<section class="strategy-list">') :]
    section = section[: section.index("</section>")]
    assert "These are suggestions, not a tick list." in section


def test_breadcrumbs_lead_back_up_the_tree(client):
    tier = TierPage.objects.get(tier="getting_help", url_path__contains="sensory-and-physical/post-16")
    html = client.get(tier.url).content.decode()
    crumbs = html[html.index('aria-label="Breadcrumb"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    for ancestor in tier.get_ancestors().filter(depth__gt=2).specific():
        assert f'href="{ancestor.url}"' in crumbs
    assert 'aria-current="page"' in crumbs


def test_tier_pages_show_strategies_with_parent_text(client):
    tier = TierPage.objects.get(tier="getting_advice", url_path__contains="cognition-and-learning/key-stage-2")
    html = client.get(tier.url).content.decode()
    assert "Break tasks into small steps" in html
    assert "What you can do at home" in html


def test_risk_page_always_carries_the_safeguarding_notice_and_contacts(client):
    page = RiskSupportPage.objects.live().first()
    html = client.get(page.url).content.decode()
    assert "not a replacement for advice from local safeguarding boards" in html
    assert "0300 555 0199" in html


def test_unpublished_pages_are_not_listed_or_served(client, toolkit):
    stage = KeyStagePage.objects.child_of(NeedAreaPage.objects.get(need_area="semh")).get(key_stage="ks4")
    stage.title = "Hidden draft stage"
    stage.save()
    stage.unpublish()
    html = client.get(stage.get_parent().url).content.decode()
    assert "Hidden draft stage" not in html
    assert client.get(stage.url).status_code == 404
