"""The demo: a worked example provision map for the demo SENCO, and the tool linked from a gated resource."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from send_toolkit.pages.models import GuidancePage
from send_toolkit.setup.demo.provision_map import MAP_NAME
from send_toolkit.tools.provision_map.models import ProvisionMap
from send_toolkit.tools.provision_map.pricing import price_map
from tests.tools.provision_map.world import client_for

pytestmark = pytest.mark.django_db


def test_the_demo_senco_has_a_worked_example_map_whose_totals_are_its_rows_added_up(site):
    senco = get_user_model().objects.get(username="senco")
    provision_map = ProvisionMap.objects.get(owner=senco, name=MAP_NAME)
    priced = price_map(provision_map)
    assert len(priced.rows) == 7 and not priced.problems
    assert priced.totals.overall.total_cost == sum(row.figures.total_cost for row in priced.rows)
    assert priced.rates.has_card
    client = client_for(senco)
    listing = client.get("/tools/provision-maps/").content.decode()
    assert "Whole-school provision map" in listing
    page = client.get(f"/tools/provision-maps/{provision_map.pk}/").content.decode()
    assert "Lunchtime social club" in page and "your setting's own rate" in page
    assert "Differs from the library" in page  # the demo shows a row changed from its intervention's defaults
    assert f"{priced.totals.share_of_budget}% of £42,000.00" in page
    assert priced.totals.overall.total_cost > Decimal("0")


def test_visitors_see_the_tool_s_teaser_and_a_login_prompt_and_practitioners_the_link(client, site):
    walkthrough = GuidancePage.objects.get(slug="best-practice-walkthrough")
    anonymous = client.get(walkthrough.url).content.decode()
    assert "Provision mapping: template and guidance" in anonymous
    assert "/accounts/login/?next=" in anonymous
    assert 'href="/tools/provision-maps/"' not in anonymous
    senco = client_for(get_user_model().objects.get(username="senco"))
    practitioner = senco.get(walkthrough.url).content.decode()
    assert 'href="/tools/provision-maps/"' in practitioner and "Open the costed provision map" in practitioner
