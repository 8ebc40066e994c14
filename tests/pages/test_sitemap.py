"""sitemap.xml lists what an anonymous visitor may open in the channels the register lists in it."""

from __future__ import annotations

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from send_toolkit.access.channels import registered_channels
from send_toolkit.interventions.models import Audience, Intervention
from send_toolkit.pages.models import GuidancePage, InterventionDirectoryPage

pytestmark = pytest.mark.django_db

LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def _listed(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    # The toolkit's own response, not untrusted input.
    return [loc.text for loc in ElementTree.fromstring(response.content).iter(LOC)]  # noqa: S314


def test_the_sitemap_lists_exactly_what_an_anonymous_visitor_may_open_in_its_channels(client, site):
    listed = _listed(client)
    assert len(listed) == len(set(listed))
    in_sitemap = {url for channel in registered_channels() if channel.in_sitemap for url in channel.urls(site)}
    elsewhere = {url for channel in registered_channels() if not channel.in_sitemap for url in channel.urls(site)}
    assert not (elsewhere - in_sitemap) & set(listed), "only the channels listed in the sitemap are in it"
    assert set(listed) == {url for url in in_sitemap if client.get(urlsplit(url).path).status_code == 200}


def test_the_sitemap_lists_public_interventions_under_the_directory_and_no_others(client, toolkit):
    directory = InterventionDirectoryPage.objects.get().get_full_url()
    listed = _listed(client)
    for intervention in Intervention.objects.all():
        expected = intervention.audience == Audience.PUBLIC
        assert (f"{directory}{intervention.slug}/" in listed) is expected, intervention.slug
    assert Intervention.objects.filter(audience=Audience.PRACTITIONERS).exists()  # the demo has some to leave out


def test_a_restricted_directory_takes_its_interventions_out_of_the_sitemap(client, toolkit):
    directory = InterventionDirectoryPage.objects.get()
    PageViewRestriction.objects.create(page=directory, restriction_type=PageViewRestriction.LOGIN)
    listed = _listed(client)
    assert not [url for url in listed if url.startswith(directory.get_full_url())]
    assert toolkit.get_full_url() in listed


def test_the_sitemap_is_the_same_for_a_practitioner(client, toolkit):
    anonymous = _listed(client)
    client.force_login(get_user_model().objects.get(username="senco"))
    assert _listed(client) == anonymous
    assert GuidancePage.objects.get(slug="for-practitioners").get_full_url() not in anonymous
