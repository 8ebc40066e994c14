"""The leak test matrix (DESIGN.md section 4): every role × every front-end channel, with canary text.

Canary words sit in restricted page titles, bodies and slugs, a restricted key stage,
practitioner resources, a practitioner-only intervention and a document (title, content and
file name) in a restricted collection. For each role and channel the test checks the status
code, that every canary the role may not see is absent (from the body and any redirect, in any
letter case, once what the request itself sent is taken out), that the canaries the role may
see are there, and the cache headers.

The channels are those of the register (``send_toolkit.access.channels``): a new channel is one entry
there, and is probed here at once, at every URL it lists, for every role. PROBES adds the scenarios
that need this world (a restricted section, a search for a canary...); adding a role is one line in ROLES.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from urllib.parse import parse_qsl, quote, quote_plus, urlsplit

import PIL.Image
import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction, Site

from send_toolkit.access.channels import Channel, registered_channels
from send_toolkit.conf import toolkit_settings
from send_toolkit.contrib.openreferral.identifiers import service_id, sub_need_term_id
from send_toolkit.contrib.openreferral.models import feed_namespace
from send_toolkit.domain.provision_map import setting_key
from send_toolkit.interventions.models import (
    Audience,
    CostBand,
    Intervention,
    KeyStage,
    NeedArea,
    StaffRole,
    SubNeed,
)
from send_toolkit.pages.base import BasePage
from send_toolkit.pages.models import GuidancePage, InterventionDirectoryPage, KeyStagePage, NeedAreaPage, TierPage
from send_toolkit.practitioners.models import PractitionerProfile, PractitionerStatus
from send_toolkit.practitioners.resources import PractitionerResource
from send_toolkit.tools.provision_map import urls as provision_map_urls
from send_toolkit.tools.provision_map.models import ProvisionMap, ProvisionMapRow
from tests.dev_urls import load_dev_urls

RESTRICTING_GROUP = "Early years leads (test)"
# Wagtail's own default groups (created by its migrations): they may use the admin, so the toolkit counts their
# members as council staff (practitioner content), but they are not named by the toolkit's group restrictions.
WAGTAIL_EDITORS, WAGTAIL_MODERATORS = "Editors", "Moderators"

# Who may see a canary:
# - "practitioners": whoever the toolkit counts as a practitioner (approved practitioners, anyone who may use the
#   Wagtail admin): "logged-in users" pages, practitioner-only interventions, practitioner resources;
# - "members": members of the groups a restriction names (the Practitioners and Toolkit editors groups here);
# - "group": members of RESTRICTING_GROUP only.
# Superusers see everything; an account that is not approved (whatever its groups) sees nothing.
PRACTITIONERS, MEMBERS, GROUP = "practitioners", "members", "group"
EVERYTHING = frozenset({PRACTITIONERS, MEMBERS, GROUP})
# Practitioner tools open only to approved practitioner accounts: not to the council's editors, nor to superusers
# without a practitioner profile. A setting's provision map opens only to its owner and their colleagues, and no
# role here is either: every role may see less than a map's owner.
TOOL_USERS = "tool users"
MAP_OWNER = "map owner"


@dataclass(frozen=True)
class Canary:
    text: str  # matched in any letter case: a slug or file name holds it in lower case
    audience: str


SECTION_TITLE = Canary("Kestrelquill", MEMBERS)
SECTION_BODY = Canary("Marrowlight", MEMBERS)
CHILD_TITLE = Canary("Thistledown", MEMBERS)
KEY_STAGE_TITLE = Canary("Quillwort", MEMBERS)
LOGIN_TITLE = Canary("Fennelwick", PRACTITIONERS)
GROUP_TITLE = Canary("Larkspindle", GROUP)
RESOURCE_BODY = Canary("Brambleglass", PRACTITIONERS)
GROUP_RESOURCE_BODY = Canary("Cobblemint", GROUP)
INTERVENTION = Canary("Wrenfeather", PRACTITIONERS)
DOCUMENT_TITLE = Canary("Saltmoss", MEMBERS)
DOCUMENT_CONTENT = Canary("Gorsebright", MEMBERS)
DOCUMENT_FILE = Canary("Mosswhistle", MEMBERS)
SECTION_SLUG = Canary("Ravenmoss", MEMBERS)
CHILD_SLUG = Canary("Pipersedge", MEMBERS)
GROUP_SLUG = Canary("Sorrelhaze", GROUP)
LOGIN_SLUG = Canary("Tanglewick", PRACTITIONERS)
INTERVENTION_SLUG = Canary("Nettlecombe", PRACTITIONERS)  # in its page's URL (directory links, sitemap)
LOCAL_NOTE = Canary("Mistlewood", PRACTITIONERS)  # an intervention block's local note, on a public tier page
SUB_NEED = Canary("Juniperdusk", PRACTITIONERS)  # a sub-need only the practitioner-only intervention has
LINK_LABEL = Canary("Copperfinch", MEMBERS)  # a link block's label and description, to the restricted section
LINK_DESCRIPTION = Canary("Hazelbrook", MEMBERS)
DOWNLOAD_LABEL = Canary("Ashcombe", MEMBERS)  # a download block's own title and description, of the document
DOWNLOAD_DESCRIPTION = Canary("Rushmere", MEMBERS)
IMAGE_ALT = Canary("Elderwhin", MEMBERS)  # an image in the restricted collection, embedded in a public description
IMAGE_FILE = Canary("Sloeberry", MEMBERS)
MAP_NAME = Canary("Foxglovery", MAP_OWNER)  # another practitioner's provision map, at the roles' own setting
MAP_ROW = Canary("Wyvernmoor", MAP_OWNER)  # its own provision's name and intended outcome
CANARIES = [
    SECTION_TITLE,
    SECTION_BODY,
    CHILD_TITLE,
    KEY_STAGE_TITLE,
    LOGIN_TITLE,
    GROUP_TITLE,
    RESOURCE_BODY,
    GROUP_RESOURCE_BODY,
    INTERVENTION,
    DOCUMENT_TITLE,
    DOCUMENT_CONTENT,
    DOCUMENT_FILE,
    SECTION_SLUG,
    CHILD_SLUG,
    GROUP_SLUG,
    LOGIN_SLUG,
    INTERVENTION_SLUG,
    LOCAL_NOTE,
    SUB_NEED,
    LINK_LABEL,
    LINK_DESCRIPTION,
    DOWNLOAD_LABEL,
    DOWNLOAD_DESCRIPTION,
    IMAGE_ALT,
    IMAGE_FILE,
    MAP_NAME,
    MAP_ROW,
]


# --- Roles --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    name: str
    sees: frozenset[str]  # canary audiences this role may see
    signed_in: bool  # still logged in when it makes its requests
    sends_old_session: bool = False  # its first request carries a session that the request ends
    status: str | None = None  # PractitionerProfile status, None for no profile
    groups: tuple[str, ...] = ()
    superuser: bool = False


ALL_PRACTITIONER_GROUPS = (toolkit_settings.PRACTITIONER_GROUP, RESTRICTING_GROUP)
# Every group a restriction in this world names, the editors' included.
EVERY_GROUP = (*ALL_PRACTITIONER_GROUPS, toolkit_settings.EDITOR_GROUP)
ROLES = [
    Role("anonymous", frozenset(), signed_in=False),
    Role("unverified", frozenset(), signed_in=True, status=PractitionerStatus.UNVERIFIED),
    Role("awaiting approval", frozenset(), signed_in=True, status=PractitionerStatus.PENDING),
    Role("rejected", frozenset(), signed_in=True, status=PractitionerStatus.REJECTED),
    # Status governs every restriction: membership of the group a page names admits nobody who is not approved.
    Role(
        "awaiting approval, in every group",
        frozenset(),
        signed_in=True,
        status=PractitionerStatus.PENDING,
        groups=EVERY_GROUP,
    ),
    Role(
        "rejected, in every group",
        frozenset(),
        signed_in=True,
        status=PractitionerStatus.REJECTED,
        groups=EVERY_GROUP,
    ),
    Role(
        "unverified, in every group",
        frozenset(),
        signed_in=True,
        status=PractitionerStatus.UNVERIFIED,
        groups=EVERY_GROUP,
    ),
    Role(
        "approved practitioner",
        EVERYTHING | {TOOL_USERS},
        signed_in=True,
        status=PractitionerStatus.APPROVED,
        groups=ALL_PRACTITIONER_GROUPS,
    ),
    Role(
        "practitioner outside the group",
        frozenset({PRACTITIONERS, MEMBERS, TOOL_USERS}),
        signed_in=True,
        status=PractitionerStatus.APPROVED,
        groups=(toolkit_settings.PRACTITIONER_GROUP,),
    ),
    Role("suspended", frozenset(), signed_in=False, sends_old_session=True, status=PractitionerStatus.SUSPENDED),
    Role("editor", frozenset({PRACTITIONERS, MEMBERS}), signed_in=True, groups=(toolkit_settings.EDITOR_GROUP,)),
    Role("Wagtail editor", frozenset({PRACTITIONERS}), signed_in=True, groups=(WAGTAIL_EDITORS,)),
    Role("Wagtail moderator", frozenset({PRACTITIONERS}), signed_in=True, groups=(WAGTAIL_MODERATORS,)),
    Role("superuser", EVERYTHING, signed_in=True, superuser=True),
]


def sign_in(client, role: Role) -> None:
    if role.name == "anonymous":
        return
    User = get_user_model()
    username = "".join(c if c.isalnum() else "-" for c in role.name.lower()) + "@school.example"
    make = User.objects.create_superuser if role.superuser else User.objects.create_user
    user = make(username=username, email=username, password="not-used-here")
    for name in role.groups:
        # Wagtail's Editors and Moderators come from its migrations; the restricting group from the world.
        user.groups.add(Group.objects.get(name=name))
    if role.status is not None:
        status = PractitionerStatus.APPROVED if role.status == PractitionerStatus.SUSPENDED else role.status
        profile = PractitionerProfile.objects.create(
            user=user, organisation="Test School", role="teacher", status=status
        )
        if status == PractitionerStatus.APPROVED:
            user.groups.add(Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP))
    client.force_login(user)
    if role.status == PractitionerStatus.SUSPENDED:
        # Suspended while logged in: from the next request on, the session is worth nothing.
        profile.suspend()


# --- The restricted world -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gate:
    audience: str  # PRACTITIONERS or GROUP
    refusal: str  # what anyone else gets: RESTRICTED_PAGE (log in or 403) or NOT_FOUND_UNLESS_ALLOWED


@dataclass
class World:
    site: Site
    urls: dict[str, str] = field(default_factory=dict)
    # Who may open each page (by path; None: everyone): a URL below a page is gated as that page is.
    pages: dict[str, str | None] = field(default_factory=dict)
    # URLs gated otherwise: practitioner-only interventions' pages, restricted collections' documents.
    gates: dict[str, Gate] = field(default_factory=dict)

    def gate(self, path: str) -> Gate | None:
        """Who may open ``path``, as the pages, interventions and collections of this world say."""
        if path in self.gates:
            return self.gates[path]
        owners = [page for page in self.pages if path.startswith(page)]
        audience = self.pages[max(owners, key=len)] if owners else None
        return Gate(audience, RESTRICTED_PAGE) if audience else None


def _restrict(page, restriction_type, groups=()) -> None:
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type)
    if groups:
        restriction.groups.set(groups)


def _guidance(parent, title: str, slug: str, body_text: str = "") -> GuidancePage:
    page = GuidancePage(title=title, slug=slug, body=[("rich_text", f"<p>{body_text}</p>")] if body_text else [])
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _slug(canary: Canary, suffix: str) -> str:
    return f"{canary.text.lower()}-{suffix}"


def _audience(restrictions, restricting_group) -> str | None:
    """Who may pass ``restrictions`` (all of them): the narrowest audience any one of them admits."""
    audiences = set()
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            audiences.add(PRACTITIONERS)
        elif restricting_group in restriction.groups.all():
            audiences.add(GROUP)
        else:
            audiences.add(MEMBERS)
    for audience in (GROUP, MEMBERS, PRACTITIONERS):
        if audience in audiences:
            return audience
    return None


def _page_audiences(site: Site, restricting_group) -> dict[str, str | None]:
    pages = site.root_page.get_descendants(inclusive=True).live().specific()
    return {page.url: _audience(page.get_view_restrictions(), restricting_group) for page in pages}


def _gates(restricting_group) -> dict[str, Gate]:
    gates = {}
    for directory in InterventionDirectoryPage.objects.live():
        for intervention in Intervention.objects.filter(audience=Audience.PRACTITIONERS):
            detail = directory.reverse_subpage("intervention", kwargs={"slug": intervention.slug})
            gates[directory.url + detail] = Gate(PRACTITIONERS, NOT_FOUND_UNLESS_ALLOWED)
    for document in get_document_model().objects.select_related("collection"):
        audience = _audience(document.collection.get_view_restrictions(), restricting_group)
        if audience:
            gates[document.url] = Gate(audience, RESTRICTED_PAGE)
    return gates


@pytest.fixture
def world(toolkit) -> World:
    practitioners = Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP)
    editors = Group.objects.get(name=toolkit_settings.EDITOR_GROUP)
    restricting_group = Group.objects.get_or_create(name=RESTRICTING_GROUP)[0]

    section = _guidance(
        toolkit, f"{SECTION_TITLE.text} section", _slug(SECTION_SLUG, "section"), f"Notes on {SECTION_BODY.text}."
    )
    _restrict(section, PageViewRestriction.GROUPS, [practitioners, editors])
    child = _guidance(section, f"{CHILD_TITLE.text} notes", _slug(CHILD_SLUG, "child"))
    group_page = _guidance(toolkit, f"{GROUP_TITLE.text} leads' page", _slug(GROUP_SLUG, "group"))
    _restrict(group_page, PageViewRestriction.GROUPS, [restricting_group])
    login_page = _guidance(toolkit, f"{LOGIN_TITLE.text} for logged-in users", _slug(LOGIN_SLUG, "login"))
    _restrict(login_page, PageViewRestriction.LOGIN)

    cognition = NeedAreaPage.objects.get(need_area="cognition_learning")
    restricted_stage = KeyStagePage.objects.child_of(cognition).get(key_stage="post16")
    restricted_stage.title = f"Post-16 {KEY_STAGE_TITLE.text}"
    restricted_stage.save_revision().publish()
    _restrict(restricted_stage, PageViewRestriction.GROUPS, [practitioners, editors])
    restricted_tier = TierPage.objects.child_of(restricted_stage).first()

    collection = Collection.get_first_root_node().add_child(name="Leak test documents")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    collection_restriction.groups.set([practitioners, editors])
    document = get_document_model()(title=f"{DOCUMENT_TITLE.text} template", collection=collection)
    document.file.save(
        f"{DOCUMENT_FILE.text.lower()}-form.txt", ContentFile(f"{DOCUMENT_CONTENT.text} rows".encode()), save=False
    )
    document.save()

    resource = PractitionerResource.objects.create(
        title="Planning resource",
        teaser="A public teaser.",
        body=[
            ("rich_text", f"<p>{RESOURCE_BODY.text} method.</p>"),
            ("download", {"document": document, "title": "", "description": ""}),
        ],
    )
    group_resource = PractitionerResource.objects.create(
        title="Group resource", teaser="Another teaser.", body=[("rich_text", f"<p>{GROUP_RESOURCE_BODY.text}</p>")]
    )
    group_resource.audience = "groups"
    group_resource.save()
    group_resource.groups.set([restricting_group])

    intervention = Intervention(
        name=f"{INTERVENTION.text} programme",
        slug=_slug(INTERVENTION_SLUG, "programme"),
        summary="Practitioners only.",
        tier="getting_help",
        delivery="small_group",
        group_size=3,
        staff_role=StaffRole.objects.get(name="Teaching assistant"),
        audience=Audience.PRACTITIONERS,
        resource_cost=Decimal("10.00"),
    )
    intervention.save()
    intervention.need_areas.set([NeedArea.objects.get(value="semh")])
    intervention.key_stages.set([KeyStage.objects.get(value="ks2")])
    sub_need = SubNeed.objects.create(name=f"{SUB_NEED.text} needs", need_area="semh")
    intervention.sub_needs.set([sub_need])
    intervention.save()  # parental many-to-many links are written when the intervention is saved

    semh = NeedAreaPage.objects.get(need_area="semh")
    stage = KeyStagePage.objects.child_of(semh).get(key_stage="ks2")
    tier = TierPage.objects.child_of(stage).get(tier="getting_help")
    tier.body.append(("gated_resource", {"resource": resource}))
    tier.body.append(("gated_resource", {"resource": group_resource}))
    tier.body.append(("toolkit_link", {"page": section, "label": "", "description": ""}))
    tier.body.append(("intervention", {"intervention": intervention, "local_note": f"{LOCAL_NOTE.text} here."}))
    tier.save_revision().publish()
    costing_tier = TierPage.objects.child_of(KeyStagePage.objects.child_of(semh).get(key_stage="ks3")).first()
    costing_tier.body.append(("costing", {"heading": "What it costs", "interventions": [intervention]}))
    costing_tier.save_revision().publish()

    download_page = GuidancePage(
        title="Public page with a restricted download",
        slug="leak-public-download",
        body=[("download", {"document": document, "title": "", "description": ""})],
    )
    toolkit.add_child(instance=download_page)
    download_page.save_revision().publish()
    links_page = _guidance(
        toolkit,
        "Public page with rich-text links",
        "leak-public-links",
        f'<a linktype="page" id="{section.pk}">the section</a>, <a linktype="page" id="{group_page.pk}">the '
        f'leads\' page</a> and <a linktype="document" id="{document.pk}">the form</a>',
    )

    # No search description or introduction: search results quote its body, and must quote only what it shows
    # everyone. Its blocks' own labels name the restricted document and section.
    quiet_page = GuidancePage(
        title="Quiet excerpt page",
        slug="leak-quiet-excerpt",
        body=[
            ("rich_text", "<p>Some public words first.</p>"),
            (
                "download",
                {
                    "document": document,
                    "title": f"{DOWNLOAD_LABEL.text} form",
                    "description": f"{DOWNLOAD_DESCRIPTION.text} notes",
                },
            ),
            (
                "toolkit_link",
                {
                    "page": section,
                    "label": f"{LINK_LABEL.text} link",
                    "description": f"{LINK_DESCRIPTION.text} notes",
                },
            ),
            ("gated_resource", {"resource": resource}),
        ],
    )
    toolkit.add_child(instance=quiet_page)
    quiet_page.save_revision().publish()

    # Wagtail serves images to anyone; a public description must not show one from a restricted collection.
    picture = io.BytesIO()
    PIL.Image.new("RGB", (40, 30), "white").save(picture, "PNG")
    image = get_image_model().objects.create(
        title="Leak test picture", collection=collection, file=ImageFile(picture, name=f"{IMAGE_FILE.text.lower()}.png")
    )
    pictured = Intervention(
        name="Pictured public programme",
        slug="leak-pictured-programme",
        summary="Everyone may read this.",
        description=f'<p>See:</p><embed embedtype="image" id="{image.pk}" format="fullwidth" alt="{IMAGE_ALT.text}"/>',
        tier="getting_help",
        delivery="small_group",
        group_size=3,
        staff_role=StaffRole.objects.get(name="Teaching assistant"),
        resource_cost=Decimal("5.00"),
    )
    pictured.save()
    pictured.need_areas.set([NeedArea.objects.get(value="semh")])
    pictured.key_stages.set([KeyStage.objects.get(value="ks2")])
    pictured.save()

    directory = InterventionDirectoryPage.objects.get()
    site = Site.objects.get(is_default_site=True)
    programme_url = directory.url + directory.reverse_subpage("intervention", kwargs={"slug": intervention.slug})
    # Editor-made redirects to restricted things: each answers as its target would.
    redirects = {
        "/old-section/": ({"redirect_page": section}, Gate(MEMBERS, RESTRICTED_PAGE)),
        "/old-group-page/": ({"redirect_page": group_page}, Gate(GROUP, RESTRICTED_PAGE)),
        "/old-login-page/": ({"redirect_page": login_page}, Gate(PRACTITIONERS, RESTRICTED_PAGE)),
        "/old-form/": ({"redirect_link": document.url}, Gate(MEMBERS, RESTRICTED_PAGE)),
        "/old-absolute/": ({"redirect_link": f"http://testserver{section.url}"}, Gate(MEMBERS, RESTRICTED_PAGE)),
        "/old-programme/": ({"redirect_link": programme_url}, Gate(PRACTITIONERS, NOT_FOUND_UNLESS_ALLOWED)),
    }
    for old_path, (target, _gate) in redirects.items():
        Redirect.objects.create(old_path=Redirect.normalise_path(old_path), site=site, is_permanent=False, **target)
    provision_map = _someone_elses_map()
    return World(
        site=site,
        pages=_page_audiences(site, restricting_group),
        gates={
            **_gates(restricting_group),
            **{old_path: gate for old_path, (_target, gate) in redirects.items()},
            reverse("send_toolkit:provision_maps"): Gate(TOOL_USERS, RESTRICTED_PAGE),
        },
        urls={
            "section": section.url,
            "child": child.url,
            "group_page": group_page.url,
            "login_page": login_page.url,
            "restricted_stage": restricted_stage.url,
            "restricted_tier": restricted_tier.url,
            "toolkit": toolkit.url,
            "cognition": cognition.url,
            "stage": stage.url,
            "tier": tier.url,
            "directory": directory.url,
            "document": document.url,
            "section_id": str(section.pk),
            "download_page": download_page.url,
            "links_page": links_page.url,
            "quiet_page": quiet_page.url,
            "document_file": django_settings.MEDIA_URL + document.file.name,
            "pictured": directory.url + directory.reverse_subpage("intervention", kwargs={"slug": pictured.slug}),
            "costing_tier": costing_tier.url,
            "sub_need_id": str(sub_need.pk),
            "toolkit_id": str(toolkit.pk),
            "evidence": intervention.evidence_strength,
            "cost_bands": ",".join(str(pk) for pk in CostBand.objects.values_list("pk", flat=True)),
            "tier_id": str(tier.pk),
            "costing_tier_id": str(costing_tier.pk),
            "download_page_id": str(download_page.pk),
            "links_page_id": str(links_page.pk),
            "quiet_page_id": str(quiet_page.pk),
            "intervention_id": str(intervention.pk),
            "intervention_slug": intervention.slug,
            "pictured_id": str(pictured.pk),
            "provision_map_screens": "\n".join(_map_screens(provision_map)),
            # The Open Referral feed's identifiers of the practitioner-only intervention and its own sub-need.
            "feed_service": str(service_id(feed_namespace(), intervention.pk)),
            "feed_sub_need": str(sub_need_term_id(feed_namespace(), sub_need.pk)),
        },
    )


def _someone_elses_map() -> ProvisionMap:
    """A provision map of another practitioner at the roles' own setting (sign_in's "Test School"), shared with
    nobody here, with its own provision on it."""
    owner = get_user_model().objects.create_user(username="map-owner", email="map-owner@school.example")
    PractitionerProfile.objects.create(
        user=owner, organisation="Test School", role="senco", status=PractitionerStatus.APPROVED
    )
    provision_map = ProvisionMap.objects.create(
        owner=owner,
        setting_name="Test School",
        setting_key=setting_key("Test School"),
        name=f"{MAP_NAME.text} provision",
        school_year_start=2026,
    )
    ProvisionMapRow.objects.create(
        provision_map=provision_map,
        name=f"{MAP_ROW.text} club",
        need_area="semh",
        tier="getting_help",
        intended_outcome=f"{MAP_ROW.text} outcome",
    )
    return provision_map


def _map_screens(provision_map: ProvisionMap) -> list[str]:
    """Every screen of the provision map tool for one map and its row (GET; archiving is POST only)."""
    row = provision_map.rows.get()
    urls = []
    for pattern in provision_map_urls.urlpatterns:
        route = str(pattern.pattern)
        if "<int:pk>" not in route or pattern.name == "provision_map_archive":
            continue
        kwargs = {"pk": provision_map.pk} | ({"row_id": row.pk} if "<int:row_id>" in route else {})
        urls.append(reverse(f"send_toolkit:{pattern.name}", kwargs=kwargs))
    return urls


# --- Probes of the channels -----------------------------------------------------------------------------------

PUBLIC = "public"  # 200 for everyone
RESTRICTED_PAGE = "restricted page"  # 200 if allowed; anonymous → log in; signed in but not allowed → 403
NOT_FOUND_UNLESS_ALLOWED = "404 unless allowed"
BAD_REQUEST_UNLESS_ALLOWED = "400 unless allowed"  # an API filter naming a page the request may not see
NOT_FOUND = "404 for everyone"
AS_THE_WORLD_SAYS = "as the world says"  # each URL public or gated, as World.gate says
# A tool's screen for a thing of someone else's: log in, or 403 for those the tool refuses, 404 for tool users.
SOMEONE_ELSES = "someone else's"


@dataclass(frozen=True)
class Probe:
    name: str
    urls: Callable[[World], list[str]]
    kind: str = PUBLIC
    audience: str | None = None  # who may open a restricted probe; None: as the world says for its URL
    shows: tuple[Canary, ...] = ()  # canaries it shows to those allowed to see them
    anonymous_view: bool = False  # the same for everyone, whoever asks (sitemap)
    method: str = "get"  # or "head": the status and headers of a GET, and no body; or "post", sending no data
    allowed_status: int = 200  # what those allowed get (the API's find answers with a redirect)
    dev: bool = False  # through the example site's URLs as the dev server has them (DEBUG on)


def _facet_queries(w: World) -> list[str]:
    """One query for each directory facet, choosing what the practitioner-only intervention has."""
    queries = [
        "need_area=semh",
        f"sub_need={w.urls['sub_need_id']}",
        "key_stage=ks2",
        "tier=getting_help",
        "delivery=small_group",
        f"evidence={w.urls['evidence']}",
    ]
    queries += [f"cost_band={pk}" for pk in w.urls["cost_bands"].split(",") if pk]
    return queries + ["&".join(queries)]


def _paging_queries() -> list[str]:
    return [f"sort={sort}" for sort in ("name", "cost", "-cost", "tier")] + ["page=2", "sort=-cost&page=2"]


def _head(probe: Probe) -> Probe:
    return replace(probe, name=f"{probe.name} (HEAD)", method="head")


def _search(*canaries: Canary):
    # In capitals, so that the search box's echo of the query can be told apart from a leaked title.
    return lambda w: [f"{w.urls['toolkit']}search/?q={c.text.upper()}" for c in canaries]


SEARCHABLE = (SECTION_TITLE, SECTION_BODY, CHILD_TITLE, KEY_STAGE_TITLE, LOGIN_TITLE, GROUP_TITLE, INTERVENTION)
# Results show titles, not bodies: a search for the section's body word finds the section's title.
SEARCH_SHOWS = tuple(canary for canary in SEARCHABLE if canary is not SECTION_BODY)

# Every URL the register lists for the channel on this site, each gated as the world says. The probe
# of a channel PROBES does not name.
EVERY_URL = Probe("every URL it lists", urls=lambda w: [], kind=AS_THE_WORLD_SAYS)

RICH_TEXT_FORMATS = ("db_html", "html", "db_markdown", "markdown")
# What the API bodies of the world's public pages show those allowed: the resources' bodies and their document,
# the link and download blocks' labels and targets, the practitioner-only intervention and its local note.
API_BODY_SHOWS = (
    RESOURCE_BODY,
    GROUP_RESOURCE_BODY,
    DOCUMENT_TITLE,
    DOCUMENT_FILE,
    SECTION_TITLE,
    SECTION_SLUG,
    GROUP_SLUG,
    INTERVENTION,
    INTERVENTION_SLUG,
    LOCAL_NOTE,
    LINK_LABEL,
    LINK_DESCRIPTION,
    DOWNLOAD_LABEL,
    DOWNLOAD_DESCRIPTION,
)

# Scenarios for this world, by the name of the channel in the register.
PROBES: dict[str, list[Probe]] = {
    "pages": [
        Probe(
            "restricted section",
            lambda w: [w.urls["section"]],
            RESTRICTED_PAGE,
            shows=(SECTION_TITLE, SECTION_BODY, CHILD_TITLE),
        ),
        Probe(
            "restricted child page and breadcrumbs",
            lambda w: [w.urls["child"]],
            RESTRICTED_PAGE,
            shows=(CHILD_TITLE, SECTION_TITLE),
        ),
        Probe(
            "group-restricted page",
            lambda w: [w.urls["group_page"]],
            RESTRICTED_PAGE,
            audience=GROUP,
            shows=(GROUP_TITLE,),
        ),
        Probe("logged-in-users page", lambda w: [w.urls["login_page"]], RESTRICTED_PAGE, shows=(LOGIN_TITLE,)),
        _head(Probe("restricted section", lambda w: [w.urls["section"]], RESTRICTED_PAGE)),
        _head(Probe("group-restricted page", lambda w: [w.urls["group_page"]], RESTRICTED_PAGE, audience=GROUP)),
        Probe(
            "restricted key stage", lambda w: [w.urls["restricted_stage"]], RESTRICTED_PAGE, shows=(KEY_STAGE_TITLE,)
        ),
        Probe(
            "restricted tier breadcrumbs",
            lambda w: [w.urls["restricted_tier"]],
            RESTRICTED_PAGE,
            shows=(KEY_STAGE_TITLE,),
        ),
        Probe("toolkit home menus", lambda w: [w.urls["toolkit"]], shows=(SECTION_TITLE, LOGIN_TITLE, GROUP_TITLE)),
        Probe("need area child listing", lambda w: [w.urls["cognition"]], shows=(KEY_STAGE_TITLE,)),
        Probe("key stage overview", lambda w: [w.urls["stage"]], shows=(INTERVENTION,)),
        Probe(
            "public page with gated resources and a link to a restricted page",
            lambda w: [w.urls["tier"]],
            shows=(SECTION_TITLE, RESOURCE_BODY, GROUP_RESOURCE_BODY, INTERVENTION, DOCUMENT_TITLE, LOCAL_NOTE),
        ),
        Probe("public page with a costing block", lambda w: [w.urls["costing_tier"]], shows=(INTERVENTION,)),
        Probe(
            "public page whose blocks label a restricted download, link and resource",
            lambda w: [w.urls["quiet_page"]],
            shows=(DOWNLOAD_LABEL, DOWNLOAD_DESCRIPTION, LINK_LABEL, LINK_DESCRIPTION, RESOURCE_BODY),
        ),
        Probe("the page not found page", lambda w: [w.urls["toolkit"] + "no-such-page-here/"], NOT_FOUND),
        Probe(
            "public page with a restricted download",
            lambda w: [w.urls["download_page"]],
            shows=(DOCUMENT_TITLE, DOCUMENT_FILE),
        ),
        Probe(
            "public page with rich-text links to a restricted page and document",
            lambda w: [w.urls["links_page"]],
            shows=(SECTION_SLUG, GROUP_SLUG, DOCUMENT_FILE),
        ),
        EVERY_URL,
    ],
    "page sub-routes": [
        Probe(
            "restricted key stage parent view",
            lambda w: [w.urls["restricted_stage"] + "parents/"],
            RESTRICTED_PAGE,
            shows=(KEY_STAGE_TITLE,),
        ),
        Probe("need area parent view", lambda w: [w.urls["cognition"] + "parents/"]),
        Probe("key stage parent view", lambda w: [w.urls["stage"] + "parents/"]),
        EVERY_URL,
    ],
    "site search": [
        Probe("searches for canaries", _search(*SEARCHABLE), shows=SEARCH_SHOWS),
        # Excerpts quote only what a page shows everyone, whoever searches.
        Probe(
            "excerpt of a page whose blocks label restricted things",
            lambda w: [f"{w.urls['toolkit']}search/?q=quiet+excerpt"],
        ),
        Probe("searches for block labels", _search(DOWNLOAD_LABEL, LINK_LABEL, LINK_DESCRIPTION, LOCAL_NOTE, SUB_NEED)),
        EVERY_URL,
    ],
    "intervention directory": [
        Probe("listing", lambda w: [w.urls["directory"] + "?q=programme"], shows=(INTERVENTION, INTERVENTION_SLUG)),
        Probe("directory search", lambda w: [w.urls["directory"] + "?q=wrenfeather"], shows=(INTERVENTION,)),
        Probe("facet options", lambda w: [w.urls["directory"]], shows=(SUB_NEED,)),
        Probe("every facet", lambda w: [w.urls["directory"] + "?" + query for query in _facet_queries(w)]),
        Probe(
            "every facet with a search",
            lambda w: [w.urls["directory"] + "?q=wrenfeather&" + query for query in _facet_queries(w)],
            shows=(INTERVENTION, SUB_NEED),
        ),
        Probe("paging and sort", lambda w: [w.urls["directory"] + "?" + query for query in _paging_queries()]),
        EVERY_URL,
    ],
    "intervention CSV export": [
        Probe("export", lambda w: [w.urls["directory"] + "export/"], shows=(INTERVENTION,)),
        Probe(
            "filtered export",
            lambda w: [w.urls["directory"] + "export/?" + query for query in _facet_queries(w) + _paging_queries()],
            shows=(INTERVENTION,),
        ),
        Probe("searched export", lambda w: [w.urls["directory"] + "export/?q=wrenfeather"], shows=(INTERVENTION,)),
        EVERY_URL,
    ],
    "intervention detail": [
        _head(
            Probe(
                "practitioner-only intervention",
                lambda w: [w.urls["directory"] + _slug(INTERVENTION_SLUG, "programme") + "/"],
                NOT_FOUND_UNLESS_ALLOWED,
            )
        ),
        Probe(
            "practitioner-only intervention",
            lambda w: [w.urls["directory"] + _slug(INTERVENTION_SLUG, "programme") + "/"],
            NOT_FOUND_UNLESS_ALLOWED,
            shows=(INTERVENTION,),
        ),
        Probe(
            "public intervention showing an image from a restricted collection",
            lambda w: [w.urls["pictured"]],
            shows=(IMAGE_ALT, IMAGE_FILE),
        ),
        EVERY_URL,
    ],
    # Allowed visitors are sent on to the target; anyone else is answered as the target would answer them.
    "redirects": [
        Probe("to the restricted section", lambda w: ["/old-section/"], RESTRICTED_PAGE, allowed_status=302),
        Probe("to the group-restricted page", lambda w: ["/old-group-page/"], RESTRICTED_PAGE, allowed_status=302),
        Probe("to the logged-in-users page", lambda w: ["/old-login-page/"], RESTRICTED_PAGE, allowed_status=302),
        Probe("to the restricted document", lambda w: ["/old-form/"], RESTRICTED_PAGE, allowed_status=302),
        Probe("by full URL to the section", lambda w: ["/old-absolute/"], RESTRICTED_PAGE, allowed_status=302),
        Probe(
            "to a practitioner-only intervention",
            lambda w: ["/old-programme/"],
            NOT_FOUND_UNLESS_ALLOWED,
            allowed_status=302,
        ),
        _head(Probe("to the restricted section", lambda w: ["/old-section/"], RESTRICTED_PAGE, allowed_status=302)),
        EVERY_URL,
    ],
    "sitemap": [Probe("sitemap.xml", lambda w: ["/sitemap.xml"], anonymous_view=True)],
    "Wagtail API": [
        Probe(
            "bodies of public pages carrying restricted things, in every rich-text format",
            lambda w: [
                f"/api/v2/pages/{w.urls[page]}/?rich_text_format={fmt}"
                for page in ("tier_id", "costing_tier_id", "download_page_id", "links_page_id", "quiet_page_id")
                for fmt in RICH_TEXT_FORMATS
            ],
            shows=API_BODY_SHOWS,
        ),
        Probe(
            "listing with every field",
            lambda w: [
                f"/api/v2/pages/?type=send_toolkit.TierPage&fields=*&id={w.urls['tier_id']}",
                f"/api/v2/pages/?type=send_toolkit.TierPage&fields=*&id={w.urls['costing_tier_id']}",
                "/api/v2/pages/?type=send_toolkit.GuidancePage&fields=*&slug=leak-quiet-excerpt&rich_text_format=html",
                "/api/v2/pages/?type=send_toolkit.GuidancePage&fields=*&slug=leak-public-links&rich_text_format=markdown",
            ],
            shows=API_BODY_SHOWS,
        ),
        Probe(
            "listing",
            lambda w: [
                "/api/v2/pages/?type=send_toolkit.GuidancePage&fields=title&limit=20",
                f"/api/v2/pages/?type=send_toolkit.KeyStagePage&fields=title&title=Post-16%20{KEY_STAGE_TITLE.text}",
                f"/api/v2/pages/?search={SECTION_TITLE.text.upper()}",
            ],
            shows=(SECTION_TITLE, CHILD_TITLE, LOGIN_TITLE, GROUP_TITLE, KEY_STAGE_TITLE),
        ),
        Probe(
            "detail",
            lambda w: [f"/api/v2/pages/{w.urls['section_id']}/"],
            NOT_FOUND_UNLESS_ALLOWED,
            audience=MEMBERS,
            shows=(SECTION_TITLE,),
        ),
        _head(Probe("detail", lambda w: [f"/api/v2/pages/{w.urls['section_id']}/"], NOT_FOUND_UNLESS_ALLOWED, MEMBERS)),
        Probe(
            "find",
            lambda w: [f"/api/v2/pages/find/?html_path={quote(w.urls['section'])}"],
            NOT_FOUND_UNLESS_ALLOWED,
            audience=MEMBERS,
            allowed_status=302,
        ),
        Probe(
            "child_of and descendant_of a restricted page",
            lambda w: [
                f"/api/v2/pages/?child_of={w.urls['section_id']}&fields=title",
                f"/api/v2/pages/?descendant_of={w.urls['section_id']}&fields=title",
            ],
            BAD_REQUEST_UNLESS_ALLOWED,
            audience=MEMBERS,
            shows=(CHILD_TITLE,),
        ),
        Probe(
            "descendant_of the toolkit",
            lambda w: [f"/api/v2/pages/?descendant_of={w.urls['toolkit_id']}&fields=title&order=-id&limit=20"],
            shows=(SECTION_TITLE, CHILD_TITLE, LOGIN_TITLE, GROUP_TITLE),
        ),
        EVERY_URL,
    ],
    "Wagtail API interventions": [
        Probe(
            "listing and search",
            lambda w: ["/api/v2/interventions/?search=WRENFEATHER", "/api/v2/interventions/?search=programme&limit=20"],
            shows=(INTERVENTION, INTERVENTION_SLUG, SUB_NEED),
        ),
        Probe("facet options", lambda w: ["/api/v2/interventions/?limit=1"], shows=(SUB_NEED,)),
        Probe("every facet", lambda w: ["/api/v2/interventions/?" + query for query in _facet_queries(w)]),
        Probe(
            "every facet with a search",
            lambda w: ["/api/v2/interventions/?search=WRENFEATHER&" + query for query in _facet_queries(w)],
            shows=(INTERVENTION, INTERVENTION_SLUG, SUB_NEED),
        ),
        Probe(
            "paging and order",
            lambda w: [
                f"/api/v2/interventions/?{query}"
                for query in (
                    "order=name",
                    "order=cost",
                    "order=-cost",
                    "order=tier",
                    "offset=20",
                    "order=-cost&offset=20",
                )
            ],
        ),
        Probe(
            "practitioner-only intervention",
            lambda w: [f"/api/v2/interventions/{w.urls['intervention_id']}/"],
            NOT_FOUND_UNLESS_ALLOWED,
            audience=PRACTITIONERS,
            shows=(INTERVENTION, INTERVENTION_SLUG, SUB_NEED),
        ),
        _head(
            Probe(
                "practitioner-only intervention",
                lambda w: [f"/api/v2/interventions/{w.urls['intervention_id']}/"],
                NOT_FOUND_UNLESS_ALLOWED,
                audience=PRACTITIONERS,
            )
        ),
        Probe(
            "find a practitioner-only intervention",
            lambda w: [
                f"/api/v2/interventions/find/?slug={w.urls['intervention_slug']}",
                f"/api/v2/interventions/find/?id={w.urls['intervention_id']}",
            ],
            NOT_FOUND_UNLESS_ALLOWED,
            audience=PRACTITIONERS,
            allowed_status=302,
        ),
        Probe(
            "public intervention showing an image from a restricted collection, in every rich-text format",
            lambda w: [
                f"/api/v2/interventions/{w.urls['pictured_id']}/?rich_text_format={fmt}" for fmt in RICH_TEXT_FORMATS
            ],
            shows=(IMAGE_ALT, IMAGE_FILE),
        ),
        EVERY_URL,
    ],
    "documents": [
        Probe("restricted document", lambda w: [w.urls["document"]], RESTRICTED_PAGE, shows=(DOCUMENT_CONTENT,)),
        _head(Probe("restricted document", lambda w: [w.urls["document"]], RESTRICTED_PAGE)),
        # Straight from the media folder: never, for anyone, on the dev server (DEBUG on) or otherwise.
        Probe("its file in the media folder", lambda w: [w.urls["document_file"]], NOT_FOUND),
        Probe("its file in the media folder, dev server", lambda w: [w.urls["document_file"]], NOT_FOUND, dev=True),
        _head(Probe("its file in the media folder", lambda w: [w.urls["document_file"]], NOT_FOUND, dev=True)),
        EVERY_URL,
    ],
    # Its entry points behave as they should for a signed-in person (log in again, say), not as a public page.
    "practitioner accounts": [Probe("login redirect", lambda w: [f"/accounts/login/?next={w.urls['section']}"])],
    # The feed is the same for everyone, whoever asks: never the practitioner-only record, nor its own sub-need.
    "Open Referral UK feed": [
        Probe(
            "listings",
            lambda w: [
                "/openreferral/services",
                "/openreferral/services?full=true",
                f"/openreferral/services?search={INTERVENTION.text.upper()}",
                f"/openreferral/services?taxonomy_term_id={w.urls['feed_sub_need']}",
                "/openreferral/taxonomy_terms",
                "/openreferral/organizations?full=true&full_service=true",
            ],
            anonymous_view=True,
        ),
        Probe(
            "the practitioner-only service and its sub-need",
            lambda w: [
                f"/openreferral/services/{w.urls['feed_service']}",
                f"/openreferral/taxonomy_terms/{w.urls['feed_sub_need']}",
            ],
            NOT_FOUND,
            anonymous_view=True,
        ),
        EVERY_URL,
    ],
    "provision map": [
        Probe(
            "the list of maps",
            lambda w: [reverse("send_toolkit:provision_maps")],
            RESTRICTED_PAGE,
            audience=TOOL_USERS,
        ),
        Probe(
            "another practitioner's map, every screen",
            lambda w: w.urls["provision_map_screens"].split("\n"),
            SOMEONE_ELSES,
            audience=MAP_OWNER,
        ),
        Probe(
            "one pupil's costed provision from another practitioner's map (POST)",
            lambda w: [u for u in w.urls["provision_map_screens"].split("\n") if u.endswith("/pupil/")],
            SOMEONE_ELSES,
            audience=MAP_OWNER,
            method="post",
        ),
        _head(
            Probe(
                "another practitioner's map",
                lambda w: w.urls["provision_map_screens"].split("\n")[:1],
                SOMEONE_ELSES,
                audience=MAP_OWNER,
            )
        ),
        EVERY_URL,
    ],
}


@dataclass(frozen=True)
class Check:
    """One probe of one registered channel."""

    channel: Channel
    probe: Probe

    @property
    def name(self) -> str:
        return f"{self.channel.name}: {self.probe.name}"

    def urls(self, world: World) -> list[str]:
        if self.probe is EVERY_URL:
            return [_path(url) for url in self.channel.urls(world.site)]
        return self.probe.urls(world)


def _path(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


CHECKS = [Check(channel, probe) for channel in registered_channels() for probe in PROBES.get(channel.name, [EVERY_URL])]


# --- The matrix ---------------------------------------------------------------------------------------------


def gate_of(check: Check, world: World, url: str) -> Gate | None:
    """Who may open ``url`` in this check, or None when it is not a restricted thing."""
    if check.probe.kind == AS_THE_WORLD_SAYS:
        return world.gate(urlsplit(url).path)
    if check.probe.kind in (PUBLIC, NOT_FOUND):
        return None
    audience = check.probe.audience or world.gate(urlsplit(url).path).audience
    return Gate(audience, check.probe.kind)


def refused(check: Check, role: Role, world: World, url: str) -> bool:
    """Whether ``role`` is refused ``url`` in this check (it names something restricted the role may not see)."""
    gate = gate_of(check, world, url)
    return gate is not None and gate.audience not in role.sees


def expected_status(check: Check, role: Role, world: World, url: str) -> int:
    if check.probe.kind == NOT_FOUND:
        return 404
    if not refused(check, role, world, url):
        return check.probe.allowed_status
    gate = gate_of(check, world, url)
    if gate.refusal == NOT_FOUND_UNLESS_ALLOWED:
        return 404
    if gate.refusal == BAD_REQUEST_UNLESS_ALLOWED:
        return 400
    if gate.refusal == SOMEONE_ELSES and TOOL_USERS in role.sees:
        return 404
    return 403 if role.signed_in else 302


# What a request sends that a response may rightly echo: its path (in a login redirect's next=) and
# the values of these parameters. Searches send canaries in capitals, so only the echo is taken out.
ECHOED_PARAMETERS = ("q", "search", "next")


def _without_echoes(text: str, url: str) -> str:
    parts = urlsplit(url)
    # The path, also as Django's technical 404 page (DEBUG on) quotes it: without its leading slash.
    echoes = [parts.path, parts.path.lstrip("/")] if len(parts.path) > 1 else []
    echoes += [value for name, value in parse_qsl(parts.query) if name in ECHOED_PARAMETERS and value]
    for echo in sorted(echoes, key=len, reverse=True):
        for form in {echo, quote(echo), quote(echo, safe=""), quote_plus(echo), html.escape(echo)}:
            text = text.replace(form, "")
    return text


def _content(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def _forget_deleted_cookies(client, response) -> None:
    """Drop cookies the response deleted, as a browser does (the test client would send them back empty)."""
    for name, morsel in response.cookies.items():
        if not morsel.value:
            client.cookies.pop(name, None)


def _leaked(canary: Canary, text: str) -> bool:
    return canary.text.lower() in text.lower()


@pytest.mark.parametrize("check", CHECKS, ids=[check.name for check in CHECKS])
def test_restricted_content_reaches_only_those_allowed(world, check: Check, settings):
    """Every role in turn, on one world: the most trusted first, so that anything one of them leaves in a cache
    (Django's, or a template fragment's) is there when those who may see less ask. Every role is probed, and
    what went wrong for each is reported together."""
    if check.probe.dev:
        settings.DEBUG = True
        settings.ROOT_URLCONF = load_dev_urls()
    urls = check.urls(world)
    assert urls, f"{check.name} lists no URL on the site"
    failures = []
    for role in reversed(ROLES):
        try:
            _probe(Client(), world, role, check, urls)
        except AssertionError as failure:
            failures.append(f"{role.name}: {failure}")
    assert not failures, f"{len(failures)} of {len(ROLES)} roles:\n" + "\n".join(failures)


def _probe(client: Client, world: World, role: Role, check: Check, urls: list[str]) -> None:
    sign_in(client, role)
    sees = frozenset() if check.probe.anonymous_view else role.sees
    bodies = []
    for index, url in enumerate(urls):
        response = getattr(client, check.probe.method)(url)
        status = expected_status(check, role, world, url)
        if check.probe is EVERY_URL and status == 200 and response.status_code in (301, 302):
            # A sub-route that forwards to a page of its own (accessibility-statement/ to the statement), or
            # a redirect sending someone allowed on to its target.
            target = urlsplit(response["Location"]).path
            assert target in world.pages or target in world.gates, response["Location"]
        else:
            assert response.status_code == status, f"{url}: {response.status_code}, expected {status}"
        if status == 302 and refused(check, role, world, url):
            assert response["Location"].startswith("/accounts/login/?next="), response["Location"]
        body = _content(response) + "\n" + response.get("Location", "")
        checked = _without_echoes(body, url)
        for canary in CANARIES:
            if canary.audience not in sees:
                assert not _leaked(canary, checked), f"{canary.text} leaked to {role.name} at {url}"
        holds_session = role.signed_in or (role.sends_old_session and index == 0)
        gate = gate_of(check, world, url)
        _check_cache_headers(response, role, holds_session, gate, check.channel, checked, url)
        bodies.append(body)
        _forget_deleted_cookies(client, response)
    everything = "\n".join(bodies)
    opened = check.probe is not EVERY_URL and check.probe.method == "get"
    opened = opened and not refused(check, role, world, urls[0]) and check.probe.kind != NOT_FOUND
    for canary in check.probe.shows:
        if canary.audience in sees and opened:
            assert _leaked(canary, everything), f"{role.name} should see {canary.text} in {check.name}"


def test_the_matrix_probes_every_role_on_every_channel():
    # The figure the notes quote: roles × probes of the register's channels.
    assert len(ROLES) * len(CHECKS) >= 900
    assert {check.channel.name for check in CHECKS} == {channel.name for channel in registered_channels()}


def _check_cache_headers(
    response, role: Role, holds_session: bool, gate: Gate | None, channel: Channel, body: str, url: str
) -> None:
    cache_control = response.get("Cache-Control", "")
    private = "private" in cache_control and "no-store" in cache_control
    if holds_session:
        # Signed in, or ending a suspended account's session: never for anyone else.
        assert private and "public" not in cache_control, f"{role.name}: {cache_control}"
    elif any(_leaked(canary, body) for canary in CANARIES):
        assert private and "public" not in cache_control, cache_control
    elif gate is not None:
        # Anonymous, refused something restricted: the refusal is not stored for everyone either.
        assert "public" not in cache_control, f"{response.status_code}: {cache_control}"
    elif response.status_code == 200 and channel.cached_publicly_for(dict(parse_qsl(urlsplit(url).query))):
        assert "public" in cache_control and "max-age" in cache_control, cache_control
        assert "cookie" not in response.get("Vary", "").lower()
    else:
        assert "public" not in cache_control or response.status_code == 200, cache_control


def test_every_scenario_probes_a_channel_of_the_register():
    # A misspelt or retired channel name would drop its scenarios without a word.
    assert set(PROBES) <= {channel.name for channel in registered_channels()}


def test_directory_counts_count_only_what_each_viewer_may_see(client, world):
    public = Intervention.objects.filter(audience=Audience.PUBLIC).count()
    html = client.get(world.urls["directory"]).text
    assert f'<h2 id="directory-results-heading">{public} intervention' in html
    sign_in(client, next(role for role in ROLES if role.name == "approved practitioner"))
    html = client.get(world.urls["directory"]).text
    assert f'<h2 id="directory-results-heading">{Intervention.objects.count()} intervention' in html


def test_the_search_index_never_holds_a_gated_resource_body(world):
    assert not BasePage.objects.live().search(RESOURCE_BODY.text.lower())
    assert not BasePage.objects.live().search(GROUP_RESOURCE_BODY.text.lower())
    assert BasePage.objects.live().search(SECTION_BODY.text.lower())  # the index does hold ordinary page text
