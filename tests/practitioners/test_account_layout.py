"""Account pages sit in the council's own site layout and carry its branding, like toolkit pages do."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from send_toolkit.council.models import ToolkitSettings

pytestmark = pytest.mark.django_db

TEST_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def _with_council_base_template():
    """Point SEND_TOOLKIT_BASE_TEMPLATE at a council base template (tests/templates/council_site_base.html)."""
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [*templates[0].get("DIRS", []), str(TEST_TEMPLATES)]
    return override_settings(TEMPLATES=templates, SEND_TOOLKIT_BASE_TEMPLATE="council_site_base.html")


@pytest.mark.parametrize("url", ["toolkit", "/accounts/login/", "/accounts/register/", "/accounts/password/reset/"])
def test_toolkit_and_account_pages_use_the_councils_base_template(client, toolkit, url):
    with _with_council_base_template():
        response = client.get(toolkit.url if url == "toolkit" else url)
        html = response.content.decode()
    assert response.status_code == 200
    assert "data-council-site-base" in html
    assert "Northmoor Council's own site header" in html and "Northmoor Council's own site footer" in html
    assert 'class="site-header"' not in html, "the toolkit's default header should be replaced"
    assert "send_toolkit/css/toolkit.css" in html


def test_the_logged_in_account_page_uses_the_councils_base_template(client, django_user_model):
    user = django_user_model.objects.create_user("layout-check", "layout@example.test", "pw")
    client.force_login(user)
    with _with_council_base_template():
        html = client.get("/accounts/").content.decode()
    assert "data-council-site-base" in html


def test_without_a_council_base_template_account_pages_use_the_toolkits_own(client):
    html = client.get("/accounts/login/").content.decode()
    assert 'class="site-header"' in html and "data-council-site-base" not in html


@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/register/"])
def test_account_pages_carry_the_council_colours_and_print_stylesheet(client, site, url):
    settings_for_site = ToolkitSettings.for_site(site)
    settings_for_site.brand_colour = "#0b3d2e"
    settings_for_site.accent_colour = "#1d4f91"
    settings_for_site.save()
    html = client.get(url).content.decode()
    stylesheet = re.search(r'<link rel="stylesheet" href="(/send-toolkit-brand\.css\?v=\w+)">', html)
    assert stylesheet, "the page links to the council's colours"
    css = client.get(stylesheet[1]).content.decode()
    assert "--brand:#0b3d2e;" in css and "--link:#1d4f91;" in css
    assert 'send_toolkit/css/print.css" media="print"' in html


def test_the_not_allowed_page_uses_the_councils_base_template(client, django_user_model):
    from wagtail.models import PageViewRestriction

    restricted = PageViewRestriction.objects.filter(restriction_type=PageViewRestriction.GROUPS).first().page
    user = django_user_model.objects.create_user("not-a-practitioner", "np@example.test", "pw")
    client.force_login(user)
    with _with_council_base_template():
        response = client.get(restricted.url)
    assert response.status_code == 403
    assert "data-council-site-base" in response.content.decode()
