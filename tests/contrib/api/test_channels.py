"""The API's two channels: what they list for the leak matrix, and what a change of audience purges."""

from __future__ import annotations

import io

import PIL.Image
import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from send_toolkit.access.channels import Change, registered_channel
from send_toolkit.access.purging import urls_showing
from send_toolkit.interventions.models import Intervention
from send_toolkit.pages.models import InterventionDirectoryPage, TierPage

pytestmark = pytest.mark.django_db

ROOT = "http://localhost/api/v2/"


def test_each_endpoint_is_a_channel_listing_its_parameter_free_url(site):
    assert list(registered_channel("Wagtail API").urls(site)) == [f"{ROOT}pages/"]
    assert list(registered_channel("Wagtail API interventions").urls(site)) == [f"{ROOT}interventions/"]
    assert {"send_toolkit_api:interventions:listing", "send_toolkit_api:interventions:detail"} <= set(
        registered_channel("Wagtail API interventions").url_names
    )


def test_an_interventions_audience_purges_its_detail_the_listing_and_the_pages_carrying_it():
    intervention = Intervention.objects.get(name="Phonics catch-up group")
    carrying = [
        page
        for page in TierPage.objects.live()
        if any(b.value.get("intervention") == intervention for b in page.body if b.block_type == "intervention")
    ]

    urls = set(urls_showing(Change.INTERVENTION_AUDIENCE, intervention))

    assert {f"{ROOT}interventions/", f"{ROOT}interventions/{intervention.pk}/", f"{ROOT}pages/"} <= urls
    assert carrying and {f"{ROOT}pages/{page.pk}/" for page in carrying} <= urls
    other = Intervention.objects.exclude(pk=intervention.pk).first()
    assert f"{ROOT}interventions/{other.pk}/" not in urls


def test_a_collections_privacy_purges_the_interventions_whose_description_shows_an_image():
    collection = Collection.get_first_root_node().add_child(name="Channel test images")
    content = io.BytesIO()
    PIL.Image.new("RGB", (4, 3), "white").save(content, "PNG")
    image = get_image_model().objects.create(
        title="Chart", collection=collection, file=ImageFile(content, name="chart.png")
    )
    pictured = Intervention.objects.get(name="Phonics catch-up group")
    pictured.description = f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="A chart"/>'
    pictured.save()
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)

    urls = set(urls_showing(Change.COLLECTION_PRIVACY, collection))

    assert {f"{ROOT}interventions/", f"{ROOT}interventions/{pictured.pk}/"} <= urls
    assert not {url for url in urls if url.startswith(f"{ROOT}interventions/")} - {
        f"{ROOT}interventions/",
        f"{ROOT}interventions/{pictured.pk}/",
    }


def test_the_directorys_privacy_purges_every_interventions_detail_and_a_tier_pages_none():
    directory = InterventionDirectoryPage.objects.get()
    PageViewRestriction.objects.create(page=directory, restriction_type=PageViewRestriction.LOGIN)
    tier = TierPage.objects.live().first()

    by_directory = set(urls_showing(Change.PAGE_PRIVACY, directory))
    by_tier = set(urls_showing(Change.PAGE_PRIVACY, tier))

    assert {f"{ROOT}interventions/{pk}/" for pk in Intervention.objects.values_list("pk", flat=True)} <= by_directory
    assert not any(url.startswith(f"{ROOT}interventions/") for url in by_tier)
    assert f"{ROOT}pages/{tier.pk}/" in by_tier
