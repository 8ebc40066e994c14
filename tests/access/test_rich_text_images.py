"""An image from a restricted collection embedded in rich text shows only to readers the collection admits.

Intervention descriptions take Wagtail's default rich-text features, image embeds among them.
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import PIL.Image
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from send_toolkit.conf import toolkit_settings
from send_toolkit.interventions.models import Audience, Intervention, KeyStage, NeedArea, StaffRole
from send_toolkit.pages.models import InterventionDirectoryPage

pytestmark = pytest.mark.django_db

ALT_TEXT = "Wrenfield referral chart"  # words that appear nowhere else


def _image(title: str, collection: Collection):
    content = BytesIO()
    PIL.Image.new("RGB", (40, 30), "white").save(content, "PNG")
    return get_image_model().objects.create(
        title=title, collection=collection, file=ImageFile(content, name=f"{title.lower().replace(' ', '-')}.png")
    )


def _practitioner_only_collection() -> Collection:
    collection = Collection.get_first_root_node().add_child(name="Practitioner images")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP)])
    return collection


def _public_intervention_showing(image) -> str:
    intervention = Intervention.objects.create(
        name="Wrenfield programme",
        summary="A public programme.",
        description=f'<p>Before</p><embed embedtype="image" id="{image.pk}" format="fullwidth" alt="{ALT_TEXT}"/>',
        tier="getting_help",
        delivery="small_group",
        group_size=3,
        staff_role=StaffRole.objects.get(name="Teaching assistant"),
        audience=Audience.PUBLIC,
        resource_cost=Decimal("10.00"),
    )
    intervention.need_areas.set([NeedArea.objects.get(value="semh")])
    intervention.key_stages.set([KeyStage.objects.get(value="ks2")])
    return InterventionDirectoryPage.objects.get().url + intervention.slug + "/"


def test_anonymous_readers_do_not_see_an_image_from_a_restricted_collection(client):
    image = _image("Wrenfield chart", _practitioner_only_collection())
    response = client.get(_public_intervention_showing(image))
    html = response.text
    assert response.status_code == 200
    assert "Before" in html
    assert ALT_TEXT not in html and "wrenfield-chart" not in html
    assert "public" in response["Cache-Control"]


def test_practitioners_see_it_and_the_page_is_not_stored_by_shared_caches(client):
    image = _image("Wrenfield chart", _practitioner_only_collection())
    url = _public_intervention_showing(image)
    client.force_login(get_user_model().objects.get(username="senco"))
    response = client.get(url)
    assert ALT_TEXT in response.text and "wrenfield-chart" in response.text
    assert "private" in response["Cache-Control"]


def test_an_image_from_a_public_collection_shows_to_everyone(client):
    image = _image("Wrenfield chart", Collection.get_first_root_node())
    html = client.get(_public_intervention_showing(image)).text
    assert ALT_TEXT in html and "wrenfield-chart" in html


def test_the_csv_export_leaves_it_out_for_those_the_collection_does_not_admit(client):
    image = _image("Wrenfield chart", _practitioner_only_collection())
    _public_intervention_showing(image)
    export = InterventionDirectoryPage.objects.get().url + "export/?q=wrenfield"
    anonymous = client.get(export).content.decode()
    assert "Wrenfield programme" in anonymous and "<p>Before</p>" in anonymous
    assert ALT_TEXT not in anonymous and f'id=""{image.pk}""' not in anonymous
    client.force_login(get_user_model().objects.get(username="senco"))
    practitioner = client.get(export).content.decode()
    # Practitioners get the stored form, to import again: the embed as it was written.
    assert ALT_TEXT in practitioner and 'embedtype=""image""' in practitioner
