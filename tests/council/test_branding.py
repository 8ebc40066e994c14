"""Council branding: colours an editor saves are checked for contrast, and the header shows the council."""

import re

import pytest
from django.core.exceptions import ValidationError

from send_toolkit.council.models import ToolkitSettings

pytestmark = pytest.mark.django_db


def test_a_pale_header_colour_is_refused_with_the_ratio_and_what_to_do(site):
    settings = ToolkitSettings.for_site(site)
    settings.brand_colour = "#ffdd00"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    message = " ".join(error.value.message_dict["brand_colour"])
    assert "1.35:1" in message and "4.5:1" in message and "darker colour" in message


def test_a_pale_link_colour_is_refused(site):
    settings = ToolkitSettings.for_site(site)
    settings.accent_colour = "#8ab4f8"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "accent_colour" in error.value.message_dict


def test_a_colour_that_is_not_a_hex_code_gets_a_clear_message(site):
    settings = ToolkitSettings.for_site(site)
    settings.brand_colour = "navy"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "hex code" in " ".join(error.value.message_dict["brand_colour"])


def test_dark_colours_are_saved_and_used_on_every_page(client, site, toolkit):
    settings = ToolkitSettings.for_site(site)
    settings.brand_colour = "#0b3d2e"
    settings.accent_colour = "#1d4f91"
    settings.full_clean()
    settings.save()
    html = client.get(toolkit.url).content.decode()
    stylesheet = re.search(r'<link rel="stylesheet" href="(/send-toolkit-brand\.css\?v=\w+)">', html)
    assert stylesheet, "the page links to the council's colours"
    css = client.get(stylesheet[1]).content.decode()
    assert "--brand:#0b3d2e;" in css and "--link:#1d4f91;" in css


def test_a_change_of_colour_changes_the_stylesheet_link(client, site, toolkit):
    settings = ToolkitSettings.for_site(site)
    settings.brand_colour = "#0b3d2e"
    settings.save()
    before = re.search(r"/send-toolkit-brand\.css\?v=\w+", client.get(toolkit.url).content.decode())[0]
    settings.brand_colour = "#1d3557"
    settings.save()
    after = re.search(r"/send-toolkit-brand\.css\?v=\w+", client.get(toolkit.url).content.decode())[0]
    assert before != after
    assert "--brand:#1d3557;" in client.get(after).content.decode()


def test_without_council_colours_pages_link_no_brand_stylesheet(client, toolkit):
    assert "send-toolkit-brand.css" not in client.get(toolkit.url).content.decode()


def test_admin_settings_form_shows_the_contrast_error_and_keeps_the_other_fields(admin_client, site):
    from django.urls import reverse

    url = reverse("wagtailsettings:edit", args=["send_toolkit", "toolkitsettings", site.pk])
    form = admin_client.get(url).context["form"]
    data = {name: ("" if value is None else value) for name, value in form.initial.items() if name != "logo"}
    data.update({"council_name": "Northmoor Council", "brand_colour": "#eeeeee", "accent_colour": ""})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "contrast ratio of" in response.content.decode()
    assert ToolkitSettings.for_site(site).brand_colour == ""


def test_the_council_logo_shows_beside_the_name_which_stays_as_text(client, site, toolkit):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    settings = ToolkitSettings.for_site(site)
    settings.logo = get_image_model().objects.create(title="Northmoor crest", file=get_test_image_file())
    settings.save()
    html = client.get(toolkit.url).content.decode()
    header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    assert '<img alt=""' in header and 'class="site-header__logo"' in header
    assert "Northmoor Council" in header


def test_a_link_colour_that_passes_on_white_but_not_on_the_grey_panels_is_refused(site):
    # #d4351c reaches 4.86:1 on white but only 4.34:1 on the footer, SENDIASS box and callouts.
    settings = ToolkitSettings.for_site(site)
    settings.accent_colour = "#d4351c"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    message = " ".join(error.value.message_dict["accent_colour"])
    assert "#d4351c against the grey panels (footer, SENDIASS box and callouts)" in message
    assert "4.34:1" in message and "4.5:1" in message and "Choose a darker colour" in message


def test_the_admin_shows_why_a_link_colour_is_refused_on_the_grey_panels(admin_client, site):
    from django.urls import reverse

    url = reverse("wagtailsettings:edit", args=["send_toolkit", "toolkitsettings", site.pk])
    form = admin_client.get(url).context["form"]
    data = {name: ("" if value is None else value) for name, value in form.initial.items() if name != "logo"}
    data.update({"accent_colour": "#d4351c"})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "has a contrast ratio of 4.34:1" in response.content.decode()
    assert ToolkitSettings.for_site(site).accent_colour != "#d4351c"


def test_the_brand_stylesheet_is_cacheable_for_anonymous_visitors_and_private_for_practitioners(
    client, site, django_user_model
):
    settings = ToolkitSettings.for_site(site)
    settings.brand_colour = "#0b3d2e"
    settings.save()
    anonymous = client.get("/send-toolkit-brand.css")
    assert anonymous["Content-Type"] == "text/css; charset=utf-8"
    assert "public" in anonymous["Cache-Control"] and "max-age=300" in anonymous["Cache-Control"]
    client.force_login(django_user_model.objects.get(username="senco"))
    assert "private" in client.get("/send-toolkit-brand.css")["Cache-Control"]
