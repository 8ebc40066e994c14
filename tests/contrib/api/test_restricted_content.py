"""Restricted things never reach, in any field or block of either endpoint, someone who may not see them.

A public tier page and a public risk page carry every kind of restricted thing a body can hold: a gated
practitioner resource (and one for a group), a link to a page for logged-in users, a download and a
planning template from a restricted collection, a practitioner-only intervention (with a local note
beside it, and in a costing table), and rich text (its introduction and a rich-text block) with links to
the restricted page and document and an image from the restricted collection. Canary words name each.

Four people ask, in every rich-text format the API offers: a visitor, someone logged in without a
practitioner account, a practitioner awaiting approval (already in the Practitioners group: status
governs, not the group), and an approved practitioner. Only the last sees the practitioners' canaries, and
only there is the response private; the group's resource stays locked even for them.
"""

from __future__ import annotations

import io

import PIL.Image
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from send_toolkit.conf import toolkit_settings
from send_toolkit.interventions.models import Audience, Intervention, KeyStage, NeedArea, StaffRole, SubNeed
from send_toolkit.pages.models import GuidancePage, KeyStagePage, NeedAreaPage, RiskSupportPage, TierPage
from send_toolkit.practitioners.models import PractitionerProfile, PractitionerStatus
from send_toolkit.practitioners.resources import PractitionerResource

pytestmark = pytest.mark.django_db

PAGE_TITLE = "Fennelwick"  # the page for logged-in users: title, and in its slug
PAGE_SLUG = "tanglewick"
RESOURCE_BODY = "Brambleglass"
DOCUMENT_TITLE = "Saltmoss"
DOCUMENT_FILE = "mosswhistle"
IMAGE_ALT = "Elderwhin"
IMAGE_FILE = "sloeberry"
INTERVENTION = "Wrenfeather"
INTERVENTION_SLUG = "nettlecombe"
LOCAL_NOTE = "Mistlewood"
SUB_NEED = "Juniperdusk"
COSTING_HEADING = "Quorvex"
LINK_LABEL = "Copperfinch"
LINK_DESCRIPTION = "Hazelbrook"
DOWNLOAD_LABEL = "Ashcombe"
DOWNLOAD_DESCRIPTION = "Rushmere"
PRACTITIONERS_SEE = [
    PAGE_TITLE,
    PAGE_SLUG,
    RESOURCE_BODY,
    DOCUMENT_TITLE,
    DOCUMENT_FILE,
    IMAGE_ALT,
    INTERVENTION,
    INTERVENTION_SLUG,
    LOCAL_NOTE,
    SUB_NEED,
    COSTING_HEADING,
    LINK_LABEL,
    LINK_DESCRIPTION,
    DOWNLOAD_LABEL,
    DOWNLOAD_DESCRIPTION,
]
GROUP_RESOURCE_BODY = "Cobblemint"  # only for the restricting group, which nobody here is in
CANARIES = [*PRACTITIONERS_SEE, GROUP_RESOURCE_BODY]

RICH_TEXT_FORMATS = ["db_html", "html", "db_markdown", "markdown"]
NOT_ALLOWED = ["anonymous", "logged in, no practitioner account", "practitioner awaiting approval"]
APPROVED = "approved practitioner"


def client_for(role: str) -> Client:
    client = Client()
    if role == "anonymous":
        return client
    username = role.replace(" ", "-").replace(",", "") + "@school.example"
    user = get_user_model().objects.create_user(username=username, email=username, password="not-used-here")
    if role != "logged in, no practitioner account":
        status = PractitionerStatus.APPROVED if role == APPROVED else PractitionerStatus.PENDING
        PractitionerProfile.objects.create(user=user, organisation="Test School", role="teacher", status=status)
        user.groups.add(Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP))
    client.force_login(user)
    return client


def _image(collection: Collection):
    content = io.BytesIO()
    PIL.Image.new("RGB", (40, 30), "white").save(content, "PNG")
    return get_image_model().objects.create(
        title="Test picture", collection=collection, file=ImageFile(content, name=f"{IMAGE_FILE}.png")
    )


@pytest.fixture
def world(toolkit) -> dict:
    practitioners = Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP)
    editors = Group.objects.get(name=toolkit_settings.EDITOR_GROUP)
    restricting_group = Group.objects.create(name="Early years leads (API test)")

    login_page = GuidancePage(title=f"{PAGE_TITLE} notes", slug=f"{PAGE_SLUG}-notes")
    toolkit.add_child(instance=login_page)
    login_page.save_revision().publish()
    PageViewRestriction.objects.create(page=login_page, restriction_type=PageViewRestriction.LOGIN)

    collection = Collection.get_first_root_node().add_child(name="API test documents")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([practitioners, editors])
    document = get_document_model()(title=f"{DOCUMENT_TITLE} template", collection=collection)
    document.file.save(f"{DOCUMENT_FILE}-form.txt", ContentFile(b"rows"), save=False)
    document.save()
    image = _image(collection)

    resource = PractitionerResource.objects.create(
        title="Planning resource",
        teaser="A public teaser.",
        body=[
            ("rich_text", f"<p>{RESOURCE_BODY} method.</p>"),
            ("download", {"document": document, "title": "", "description": ""}),
        ],
    )
    group_resource = PractitionerResource.objects.create(
        title="Group resource", teaser="Another teaser.", body=[("rich_text", f"<p>{GROUP_RESOURCE_BODY}</p>")]
    )
    group_resource.audience = "groups"
    group_resource.save()
    group_resource.groups.set([restricting_group])

    intervention = Intervention(
        name=f"{INTERVENTION} programme",
        slug=f"{INTERVENTION_SLUG}-programme",
        summary="Practitioners only.",
        tier="getting_help",
        delivery="small_group",
        group_size=3,
        staff_role=StaffRole.objects.get(name="Teaching assistant"),
        audience=Audience.PRACTITIONERS,
    )
    intervention.save()
    intervention.need_areas.set([NeedArea.objects.get(value="semh")])
    intervention.key_stages.set([KeyStage.objects.get(value="ks2")])
    sub_need = SubNeed.objects.create(name=f"{SUB_NEED} needs", need_area="semh")
    intervention.sub_needs.set([sub_need])
    intervention.save()

    pictured = Intervention(
        name="Pictured public programme",
        slug="pictured-public-programme",
        summary="Everyone may read this.",
        description=f'<p>See:</p><embed embedtype="image" id="{image.pk}" format="fullwidth" alt="{IMAGE_ALT}"/>',
        tier="getting_help",
        delivery="small_group",
        staff_role=StaffRole.objects.get(name="Teaching assistant"),
    )
    pictured.save()
    pictured.need_areas.set([NeedArea.objects.get(value="semh")])
    pictured.key_stages.set([KeyStage.objects.get(value="ks2")])
    pictured.save()

    rich_text = (
        f'<p>Read <a linktype="page" id="{login_page.pk}">the notes</a> and '
        f'<a linktype="document" id="{document.pk}">the form</a>.</p>'
        f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="{IMAGE_ALT}"/>'
    )
    semh = NeedAreaPage.objects.get(need_area="semh")
    tier = TierPage.objects.child_of(KeyStagePage.objects.child_of(semh).get(key_stage="ks2")).get(tier="getting_help")
    tier.introduction = rich_text
    tier.body = [
        ("rich_text", rich_text),
        ("gated_resource", {"resource": resource}),
        ("gated_resource", {"resource": group_resource}),
        ("toolkit_link", {"page": login_page, "label": f"{LINK_LABEL} link", "description": f"{LINK_DESCRIPTION}"}),
        ("intervention", {"intervention": intervention, "local_note": f"{LOCAL_NOTE} here."}),
        ("costing", {"heading": f"{COSTING_HEADING} costs", "interventions": [intervention]}),
        ("download", {"document": document, "title": f"{DOWNLOAD_LABEL} form", "description": DOWNLOAD_DESCRIPTION}),
    ]
    tier.save_revision().publish()

    risk = RiskSupportPage.objects.live().first()
    risk.body = [
        (
            "risk_guidance",
            {
                "title": "Going missing",
                "what_it_may_look_like": "<p>Absent.</p>",
                "immediate_actions": "<p>Call.</p>",
                "who_to_contact": "<p>The team.</p>",
                "planning_template": document,
                "planning_template_link": "",
            },
        )
    ]
    risk.save_revision().publish()
    return {
        "tier": tier,
        "risk": risk,
        "login_page": login_page,
        "document": document,
        "intervention": intervention,
        "sub_need": sub_need,
        "pictured": pictured,
    }


def urls(world: dict, rich_text_format: str) -> list[str]:
    """Every URL of both endpoints that could show one of the world's restricted things."""
    tier, risk, intervention = world["tier"], world["risk"], world["intervention"]
    pictured = world["pictured"]
    return [
        f"/api/v2/pages/{tier.pk}/?rich_text_format={rich_text_format}",
        f"/api/v2/pages/{risk.pk}/?rich_text_format={rich_text_format}",
        f"/api/v2/pages/?type=send_toolkit.TierPage&fields=*&id={tier.pk}&rich_text_format={rich_text_format}",
        "/api/v2/pages/?type=send_toolkit.GuidancePage&fields=_,title&limit=20&order=-id",
        f"/api/v2/pages/{world['login_page'].pk}/",
        f"/api/v2/pages/?search={PAGE_TITLE.lower()}",
        f"/api/v2/interventions/?rich_text_format={rich_text_format}",
        f"/api/v2/interventions/?search={INTERVENTION.lower()}",
        f"/api/v2/interventions/?sub_need={world['sub_need'].pk}&need_area=semh&key_stage=ks2&tier=getting_help",
        f"/api/v2/interventions/?search=programme&order=-cost&rich_text_format={rich_text_format}",
        f"/api/v2/interventions/{intervention.pk}/",
        f"/api/v2/interventions/{pictured.pk}/?rich_text_format={rich_text_format}",
    ]


def responses(client: Client, world: dict, rich_text_format: str) -> list:
    found = [client.get(url) for url in urls(world, rich_text_format)]
    assert all(response.status_code in (200, 404) for response in found), [r.status_code for r in found]
    return found


def text(found: list) -> str:
    """Everything the responses hold, in lower case (a slug or file name holds a canary so). The API echoes
    nothing a request sends, so a search for a canary cannot put it there."""
    return "\n".join(response.content.decode() for response in found).lower()


@pytest.mark.parametrize("rich_text_format", RICH_TEXT_FORMATS)
@pytest.mark.parametrize("role", NOT_ALLOWED)
def test_no_restricted_thing_reaches_anyone_not_approved(world, role, rich_text_format):
    found = responses(client_for(role), world, rich_text_format)

    leaked = [canary for canary in CANARIES if canary.lower() in text(found)]
    assert leaked == [], f"{leaked} reached {role}"
    assert [response.status_code for response in found if response.status_code == 404] == [404, 404]


@pytest.mark.parametrize("rich_text_format", RICH_TEXT_FORMATS)
def test_an_approved_practitioner_gets_every_practitioner_thing_privately(world, rich_text_format):
    found = responses(client_for(APPROVED), world, rich_text_format)

    missing = [canary for canary in PRACTITIONERS_SEE if canary.lower() not in text(found)]
    assert missing == []
    assert GROUP_RESOURCE_BODY.lower() not in text(found)  # for the group only, which they are not in
    assert all(response.status_code == 200 for response in found)
    for response in found:
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def _body(client: Client, page) -> dict:
    return {block["type"]: block["value"] for block in reversed(client.get(f"/api/v2/pages/{page.pk}/").json()["body"])}


@pytest.mark.parametrize("role", NOT_ALLOWED)
def test_each_restricted_block_keeps_only_what_everyone_may_see(world, role):
    client = client_for(role)
    tier_blocks = client.get(f"/api/v2/pages/{world['tier'].pk}/").json()["body"]
    resources = [block["value"]["resource"] for block in tier_blocks if block["type"] == "gated_resource"]
    body = _body(client, world["tier"])

    assert resources == [
        {"id": resources[0]["id"], "title": "Planning resource", "teaser": "A public teaser.", "locked": True},
        {"id": resources[1]["id"], "title": "Group resource", "teaser": "Another teaser.", "locked": True},
    ]
    assert body["toolkit_link"] == {"page": None, "label": "", "description": ""}
    assert body["intervention"] == {"intervention": None, "local_note": ""}
    assert body["costing"] == {"heading": "", "interventions": []}
    assert body["download"] == {"document": None, "title": "", "description": "", "locked": True}
    risk = _body(client, world["risk"])["risk_guidance"]
    assert risk["planning_template"] is None and risk["planning_template_locked"] is True
    # A link to what the reader may not open keeps its words, as the page shows them, but not its target.
    assert body["rich_text"].startswith("<p>Read <a>the notes</a> and <a>the form</a>.</p>")
    assert "embed" not in body["rich_text"]


def test_an_approved_practitioner_gets_each_block_whole(world):
    client = client_for(APPROVED)
    tier_blocks = client.get(f"/api/v2/pages/{world['tier'].pk}/").json()["body"]
    planning, group = [block["value"]["resource"] for block in tier_blocks if block["type"] == "gated_resource"]
    body = _body(client, world["tier"])
    document = world["document"]

    assert planning["locked"] is False
    assert [block["type"] for block in planning["body"]] == ["rich_text", "download"]
    assert planning["body"][1]["value"]["document"]["url"] == f"http://localhost{document.url}"
    assert group["locked"] is True and "body" not in group
    assert body["toolkit_link"]["page"]["title"] == f"{PAGE_TITLE} notes"
    assert body["toolkit_link"]["label"] == f"{LINK_LABEL} link"
    assert body["intervention"]["intervention"]["name"] == f"{INTERVENTION} programme"
    assert body["intervention"]["intervention"]["audience"] == "practitioners"
    assert body["costing"]["heading"] == f"{COSTING_HEADING} costs"
    assert body["download"]["document"]["title"] == f"{DOCUMENT_TITLE} template"
    assert body["download"]["document"]["file_extension"] == "txt"
    assert f'linktype="page" id="{world["login_page"].pk}"' in body["rich_text"]
    assert 'embedtype="image" id="' in body["rich_text"]


@pytest.mark.parametrize("role", NOT_ALLOWED)
def test_the_interventions_endpoint_lists_public_records_only(world, role):
    client = client_for(role)
    listing = client.get("/api/v2/interventions/?limit=20").json()
    public = Intervention.objects.filter(audience=Audience.PUBLIC)

    assert listing["meta"]["total_count"] == public.count()
    facets = {facet["name"]: facet for facet in listing["meta"]["facets"]}
    assert str(world["sub_need"].pk) not in [option["value"] for option in facets["sub_need"]["options"]]
    chosen = client.get(f"/api/v2/interventions/?sub_need={world['sub_need'].pk}").json()
    assert chosen["meta"]["total_count"] == 0 and chosen["items"] == []  # matches nothing, not everything
    assert client.get(f"/api/v2/interventions/find/?slug={world['intervention'].slug}").status_code == 404
    assert client.get(f"/api/v2/interventions/find/?id={world['intervention'].pk}").status_code == 404


def test_the_interventions_endpoint_lists_practitioner_only_records_for_practitioners(world):
    client = client_for(APPROVED)
    listing = client.get("/api/v2/interventions/?limit=1").json()
    chosen = client.get(f"/api/v2/interventions/?sub_need={world['sub_need'].pk}").json()
    found = client.get(f"/api/v2/interventions/find/?slug={world['intervention'].slug}")

    assert listing["meta"]["total_count"] == Intervention.objects.count()
    assert [item["name"] for item in chosen["items"]] == [f"{INTERVENTION} programme"]
    assert found.status_code == 302
    assert found["Location"].startswith(f"http://localhost/api/v2/interventions/{world['intervention'].pk}/")


def test_a_visitors_api_response_is_not_marked_private_when_it_shows_nothing_restricted(world):
    for url in ("/api/v2/interventions/", f"/api/v2/pages/{world['tier'].pk}/"):
        response = Client().get(url)
        assert "private" not in response.get("Cache-Control", ""), url


def test_the_description_of_a_public_intervention_shows_a_restricted_image_only_to_practitioners(world):
    url = f"/api/v2/interventions/{world['pictured'].pk}/?rich_text_format=html"
    seen = client_for(APPROVED).get(url).json()["description"]
    unseen = Client().get(url).json()["description"]

    assert f'alt="{IMAGE_ALT}"' in seen and IMAGE_FILE in seen
    assert unseen == "<p>See:</p>"


def test_search_words_in_an_api_request_are_never_cached_publicly(world):
    for url in ("/api/v2/interventions/?search=phonics", "/api/v2/pages/?search=speech"):
        response = Client().get(url)
        assert "no-store" in response["Cache-Control"], url
