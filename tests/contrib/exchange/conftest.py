"""The demo toolkit with every kind of reference the exchange remaps, and a way to make the site fresh again."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from send_toolkit.glossary.models import GlossaryTerm
from send_toolkit.interventions.models import Audience, CostBand, Intervention, StaffRole, SubNeed
from send_toolkit.pages.models import GuidanceKind, GuidancePage, RiskSupportPage, TierPage, ToolkitPage
from send_toolkit.practitioners.resources import PractitionerResource
from tests.contrib.exchange.archives import png_bytes

LEAFLET_TEXT = b"Northmoor SEND leaflet (fictional)\n"
IMAGE_ALT = "Children reading together (fictional)"


@pytest.fixture
def enriched_toolkit(toolkit: ToolkitPage, site: Site) -> ToolkitPage:
    """The demo toolkit, plus a link to every kind of thing the exchange must remap: a page and a document linked
    from rich text, an image embedded in an intervention, a page chosen in a link block, interventions chosen in
    a costing table, and a document in a download block."""
    root = Collection.get_first_root_node()
    images = root.add_child(name="Toolkit images")
    leaflet = get_document_model().objects.create(
        title="SEND leaflet (fictional)", file=ContentFile(LEAFLET_TEXT, name="send-leaflet.txt")
    )
    picture = get_image_model().objects.create(
        title="Reading together", collection=images, file=ImageFile(ContentFile(png_bytes()), name="reading.png")
    )
    parent_guide = GuidancePage.objects.descendant_of(toolkit).get(kind=GuidanceKind.APDR)
    risk = RiskSupportPage.objects.child_of(toolkit).get()

    toolkit.how_to_use += (
        f'<p>Read <a linktype="page" id="{parent_guide.pk}">the parent guide</a> and '
        f'<a linktype="document" id="{leaflet.pk}">our leaflet</a>.</p>'
    )
    toolkit.body.append(("toolkit_link", {"page": risk, "label": "", "description": "When a child is not safe."}))
    toolkit.save_revision().publish()

    walkthrough = GuidancePage.objects.child_of(toolkit).get(kind=GuidanceKind.WALKTHROUGH)
    walkthrough.body.append(("download", {"document": leaflet, "title": "", "description": "Print and share."}))
    walkthrough.save_revision().publish()

    shown = Intervention.objects.filter(audience=Audience.PUBLIC).order_by("name")[:2]
    first = shown[0]
    first.description = (
        f'<p>How it looks in class:</p><embed embedtype="image" id="{picture.pk}" format="left" alt="{IMAGE_ALT}"/>'
    )
    first.save()
    tier = TierPage.objects.descendant_of(toolkit).filter(tier="getting_help").order_by("path").first()
    tier.body.append(("costing", {"heading": "What it costs", "interventions": list(shown)}))
    tier.save_revision().publish()
    for document in get_document_model().objects.all():
        # Recorded, as an upload through the admin records it (code that saves a file does not).
        document.get_file_size()
    return ToolkitPage.objects.get(pk=toolkit.pk)


def make_site_fresh(site: Site) -> None:
    """The site as a council that has just installed the toolkit would have it: its home page and settings, no
    toolkit, no library, no documents or images, no toolkit groups."""
    for toolkit in ToolkitPage.objects.all():
        toolkit.delete()
    for model in (Intervention, SubNeed, StaffRole, CostBand, GlossaryTerm, PractitionerResource):
        model.objects.all().delete()
    get_document_model().objects.all().delete()
    get_image_model().objects.all().delete()
    for collection in Collection.get_first_root_node().get_children():
        collection.delete()
    Group.objects.filter(name__in=["Practitioners", "Toolkit editors"]).delete()
    for cache in caches.all():
        cache.clear()
