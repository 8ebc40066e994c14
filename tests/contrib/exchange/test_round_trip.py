"""The demo toolkit exported from one site and imported into a fresh one renders page for page the same."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.forms.models import model_to_dict
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction, ReferenceIndex

from send_toolkit.contrib.exchange.importing import import_archive
from send_toolkit.council.models import ToolkitSettings
from send_toolkit.interventions.models import Audience, Intervention
from send_toolkit.pages.models import InterventionDirectoryPage, ToolkitPage
from send_toolkit.practitioners.resources import PractitionerResource
from tests.contrib.exchange.archives import exported
from tests.contrib.exchange.conftest import IMAGE_ALT, make_site_fresh

pytestmark = pytest.mark.django_db

MAIN = re.compile(r"<main\b.*?</main>", re.S)
# What differs between two sites by design: database ids in document addresses, element ids and the sub-need
# and cost band filters, and the
# stored names of image renditions (the storage picks a free name for each new file).
SITE_SPECIFIC = [
    (re.compile(r"/documents/\d+/"), "/documents/ID/"),
    (re.compile(r"gated-resource-\d+"), "gated-resource-ID"),
    (re.compile(r'(name="(?:sub_need|cost_band)" value=")\d+'), r"\1ID"),
    (re.compile(r"(sub_need|cost_band)=\d+"), r"\1=ID"),
    (re.compile(r"/media/images/[^\"' ]+"), "/media/images/FILE"),
]


def main_content(html: str) -> str:
    found = MAIN.search(html)
    assert found, "the page has no <main>"
    text = found.group(0)
    for pattern, replacement in SITE_SPECIFIC:
        text = pattern.sub(replacement, text)
    return text


def toolkit_urls(toolkit: ToolkitPage) -> list[str]:
    """Every page of the toolkit, its glossary, and each intervention's page in the directory."""
    urls = [page.url for page in toolkit.get_descendants(inclusive=True).specific().order_by("path")]
    directory = InterventionDirectoryPage.objects.descendant_of(toolkit).get()
    urls += [f"{directory.url}{slug}/" for slug in Intervention.objects.order_by("slug").values_list("slug", flat=True)]
    return [*urls, f"{toolkit.url}glossary/"]


def rendered(client, urls: list[str]) -> dict[str, tuple[int, str]]:
    for cache in caches.all():
        cache.clear()
    pages = {}
    for url in urls:
        response = client.get(url)
        pages[url] = (
            response.status_code,
            main_content(response.content.decode()) if response.status_code == 200 else "",
        )
    return pages


def differences(before: dict, after: dict) -> list[tuple[str, str, str]]:
    """(url, before, after) around the first character that differs, for each page that renders differently."""
    found = []
    for url, (status, html) in before.items():
        if after[url] == (status, html):
            continue
        other = after[url][1]
        at = next((i for i, (a, b) in enumerate(zip(html, other, strict=False)) if a != b), min(len(html), len(other)))
        found.append((url, f"{status} {html[at - 80 : at + 80]}", f"{after[url][0]} {other[at - 80 : at + 80]}"))
    return found


@pytest.mark.slow  # renders 180 pages four times: about a minute
def test_the_demo_toolkit_renders_page_for_page_the_same_on_a_fresh_site(enriched_toolkit, site, client):
    senco = get_user_model().objects.get(username="senco")
    urls = toolkit_urls(enriched_toolkit)
    public_before = rendered(client, urls)
    client.force_login(senco)
    practitioner_before = rendered(client, urls)
    client.logout()
    council = model_to_dict(ToolkitSettings.for_site(site))
    archive = exported(enriched_toolkit)

    make_site_fresh(site)
    assert not ToolkitPage.objects.exists() and not Intervention.objects.exists()
    assert not get_document_model().objects.exists() and not get_image_model().objects.exists()
    result = import_archive(io.BytesIO(archive), "northmoor.zip", site.root_page.specific)
    # The fresh site's practitioners group was made by the import; its admin adds the practitioners.
    senco.groups.add(Group.objects.get(name="Practitioners"))

    assert result.toolkit.url == enriched_toolkit.url
    assert toolkit_urls(result.toolkit) == urls
    public_after = rendered(client, urls)
    client.force_login(senco)
    practitioner_after = rendered(client, urls)
    assert differences(public_before, public_after) == []
    assert differences(practitioner_before, practitioner_after) == []
    # The pages really show something, and the practitioner really sees more than the public.
    assert sum(status == 200 for status, _html in public_before.values()) > 100
    assert [url for url in urls if practitioner_before[url] != public_before[url]]
    assert model_to_dict(ToolkitSettings.for_site(site)) == council


def test_restricted_content_arrives_restricted_on_a_fresh_site(enriched_toolkit, site, client):
    archive = exported(enriched_toolkit)
    resource_body = "Use the provision map to record the interventions"
    make_site_fresh(site)
    result = import_archive(io.BytesIO(archive), "northmoor.zip", site.root_page.specific)

    section = PageViewRestriction.objects.get(page__url_path__endswith="/for-practitioners/")
    assert sorted(section.groups.values_list("name", flat=True)) == ["Practitioners", "Toolkit editors"]
    response = client.get(f"{result.toolkit.url}for-practitioners/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    walkthrough = client.get(f"{result.toolkit.url}best-practice-walkthrough/").content.decode()
    assert "Provision mapping: template and guidance" in walkthrough  # the teaser, for everyone
    assert resource_body not in walkthrough  # the body, for practitioners only
    resource = PractitionerResource.objects.get()
    assert resource.audience == "practitioners"

    document = get_document_model().objects.get(title__startswith="Provision map template")
    restriction = CollectionViewRestriction.objects.get(collection=document.collection)
    assert document.collection.name == "Practitioner documents"
    assert sorted(restriction.groups.values_list("name", flat=True)) == ["Practitioners", "Toolkit editors"]
    download = client.get(document.url)
    assert download.status_code == 302 and "/accounts/login/" in download["Location"]

    hidden = Intervention.objects.filter(audience=Audience.PRACTITIONERS)
    assert hidden.count() == 6
    directory = InterventionDirectoryPage.objects.descendant_of(result.toolkit).get()
    assert client.get(f"{directory.url}{hidden.first().slug}/").status_code == 404


def test_every_reference_points_at_the_new_sites_own_objects(enriched_toolkit, site):
    archive = exported(enriched_toolkit)
    make_site_fresh(site)
    result = import_archive(io.BytesIO(archive), "northmoor.zip", site.root_page.specific)
    toolkit = result.toolkit.specific

    leaflet = get_document_model().objects.get(title="SEND leaflet (fictional)")
    assert f'linktype="document" id="{leaflet.pk}"' in toolkit.how_to_use
    guide_link = re.search(r'linktype="page" id="(\d+)"', toolkit.how_to_use)
    guide = result.toolkit.get_descendants().get(pk=guide_link.group(1))
    assert guide.slug == "graduated-approach-for-parents"
    (link,) = [block for block in toolkit.body if block.block_type == "toolkit_link"]
    assert link.value["page"].get_parent().pk == toolkit.pk and link.value["page"].slug == "getting-risk-support"

    picture = get_image_model().objects.get(title="Reading together")
    assert picture.collection.name == "Toolkit images"
    described = Intervention.objects.get(description__contains="embedtype")
    assert f'id="{picture.pk}"' in described.description and IMAGE_ALT in described.description
    # Wagtail's reference index knows the new objects are used where they are.
    assert ReferenceIndex.get_references_to(leaflet).exists()
    assert ReferenceIndex.get_references_to(picture).exists()
    assert not Collection.objects.filter(name="Toolkit images").exclude(pk=picture.collection_id).exists()
