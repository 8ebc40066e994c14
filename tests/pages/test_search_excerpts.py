"""Search excerpts and the search index hold only what a page shows everyone (DESIGN.md section 4).

A public page with no search description or introduction is summed up from its body. A block that
points at something only some readers may see (a document in a restricted collection, a restricted
page, a practitioner-only intervention, a gated resource's body) must not put its words in the
excerpt, which is cached publicly with the search page, nor in the search index, which would let
anyone find the page by them.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from send_toolkit.conf import toolkit_settings
from send_toolkit.interventions.models import Audience, Intervention
from send_toolkit.pages.base import BasePage
from send_toolkit.pages.models import GuidancePage, TierPage
from send_toolkit.pages.site_search import excerpt
from send_toolkit.practitioners.resources import PractitionerResource
from tests.restricted_documents import practitioner_only_document

pytestmark = pytest.mark.django_db

PUBLIC_WORD = "Amberfield"
DOWNLOAD_WORD = "Quillmoss"
LINK_WORD = "Thornwick"
NOTE_WORD = "Velvetreed"
RESOURCE_BODY_WORD = "Brindlecove"


def _practitioners() -> Group:
    return Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP)


@pytest.fixture
def restricted_page(toolkit):
    page = GuidancePage(title="Practitioner notes", slug="practitioner-notes-for-links")
    toolkit.add_child(instance=page)
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(_practitioners())
    return page


@pytest.fixture
def restricted_document():
    return practitioner_only_document("Hidden handout", "hidden-handout", b"rows", "Restricted for excerpt tests")


@pytest.fixture
def practitioner_intervention():
    return Intervention.objects.create(
        name="Practitioner-only programme",
        summary="Only for staff",
        audience=Audience.PRACTITIONERS,
        tier="getting_help",
    )


@pytest.fixture
def resource():
    return PractitionerResource.objects.create(
        title="Staff pack",
        teaser="A pack for staff.",
        body=[("rich_text", f"<p>{RESOURCE_BODY_WORD} steps</p>")],
    )


@pytest.fixture
def guidance_page(toolkit, restricted_page, restricted_document, resource):
    """A public page with no introduction: its excerpt comes from its body."""
    page = GuidancePage(
        title="Public guidance with hidden things",
        slug="public-guidance-hidden-things",
        body=[
            ("rich_text", f"<p>{PUBLIC_WORD} is for everyone.</p>"),
            ("download", {"document": restricted_document, "title": f"{DOWNLOAD_WORD} plan", "description": "x"}),
            ("toolkit_link", {"page": restricted_page, "label": f"{LINK_WORD} notes", "description": LINK_WORD}),
            ("gated_resource", {"resource": resource}),
        ],
    )
    toolkit.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def tier_page(toolkit, practitioner_intervention):
    tier = TierPage.objects.live().first()
    tier.introduction = ""
    tier.search_description = ""
    tier.body = [
        ("rich_text", f"<p>{PUBLIC_WORD} tier words.</p>"),
        ("intervention", {"intervention": practitioner_intervention, "local_note": f"Ask {NOTE_WORD} office"}),
    ]
    tier.save_revision().publish()
    return TierPage.objects.get(pk=tier.pk)


def _found(word: str) -> set[int]:
    return set(BasePage.objects.live().search(word).get_queryset().values_list("pk", flat=True))


def _search_page(client, toolkit, query: str) -> str:
    return client.get(f"{toolkit.url}search/", {"q": query}).text


def test_the_excerpt_holds_only_what_the_page_shows_everyone(guidance_page, tier_page):
    summary = excerpt(GuidancePage.objects.get(pk=guidance_page.pk), words=200)
    assert PUBLIC_WORD in summary
    assert DOWNLOAD_WORD not in summary and "Hidden handout" not in summary
    assert LINK_WORD not in summary and "Practitioner notes" not in summary
    assert RESOURCE_BODY_WORD not in summary
    tier_summary = excerpt(tier_page, words=200)
    assert PUBLIC_WORD in tier_summary and NOTE_WORD not in tier_summary


def test_an_anonymous_search_result_never_shows_hidden_block_words(client, toolkit, guidance_page, tier_page):
    html = _search_page(client, toolkit, PUBLIC_WORD)
    assert "Public guidance with hidden things" in html
    for word in (DOWNLOAD_WORD, LINK_WORD, NOTE_WORD, RESOURCE_BODY_WORD, "Hidden handout", "hidden-handout"):
        assert word not in html


def test_practitioners_get_the_same_public_excerpt(client, toolkit, guidance_page):
    client.force_login(get_user_model().objects.get(username="senco"))
    html = _search_page(client, toolkit, PUBLIC_WORD)
    assert "Public guidance with hidden things" in html and DOWNLOAD_WORD not in html and LINK_WORD not in html


def test_the_index_never_finds_a_page_by_its_hidden_words(guidance_page, tier_page):
    assert guidance_page.pk in _found(PUBLIC_WORD) and tier_page.pk in _found(PUBLIC_WORD)
    for word in (DOWNLOAD_WORD, LINK_WORD, RESOURCE_BODY_WORD):
        assert guidance_page.pk not in _found(word), word
    assert tier_page.pk not in _found(NOTE_WORD)


def test_what_public_blocks_show_is_still_found_and_shown(toolkit, guidance_page):
    public_page = GuidancePage(title="Linked public page", slug="linked-public-page")
    toolkit.add_child(instance=public_page)
    public_page.save_revision().publish()
    intervention = Intervention.objects.create(
        name="Open programme", summary="For all", audience=Audience.PUBLIC, tier="getting_help"
    )
    tier = TierPage.objects.live().first()
    tier.introduction = ""
    tier.search_description = ""
    tier.body = [
        ("toolkit_link", {"page": public_page, "label": f"{LINK_WORD} link", "description": ""}),
        ("intervention", {"intervention": intervention, "local_note": f"Ask {NOTE_WORD} office"}),
    ]
    tier.save_revision().publish()
    assert tier.pk in _found(LINK_WORD) and tier.pk in _found(NOTE_WORD) and tier.pk in _found("Open programme")
    summary = excerpt(TierPage.objects.get(pk=tier.pk), words=200)
    assert f"{LINK_WORD} link" in summary and NOTE_WORD in summary


def test_making_a_collection_private_later_drops_its_words_from_the_index(toolkit, django_capture_on_commit_callbacks):
    collection = Collection.get_first_root_node().add_child(name="Public for now")
    document = practitioner_only_document("Open handout", "open-handout", b"rows", "Scratch")
    document.collection = collection
    document.save()
    page = GuidancePage(
        title="Page with a soon-hidden download",
        slug="soon-hidden-download",
        body=[("download", {"document": document, "title": f"{DOWNLOAD_WORD} sheet", "description": ""})],
    )
    toolkit.add_child(instance=page)
    page.save_revision().publish()
    assert page.pk in _found(DOWNLOAD_WORD)

    with django_capture_on_commit_callbacks(execute=True):
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    assert page.pk not in _found(DOWNLOAD_WORD)

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert page.pk in _found(DOWNLOAD_WORD)


def test_restricting_a_linked_page_later_drops_the_link_words_from_the_index(
    toolkit, django_capture_on_commit_callbacks
):
    target = GuidancePage(title="Soon private", slug="soon-private-target")
    toolkit.add_child(instance=target)
    target.save_revision().publish()
    page = GuidancePage(
        title="Page linking to a soon-private page",
        slug="links-to-soon-private",
        body=[("toolkit_link", {"page": target, "label": f"{LINK_WORD} guide", "description": ""})],
    )
    toolkit.add_child(instance=page)
    page.save_revision().publish()
    assert page.pk in _found(LINK_WORD)

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=target, restriction_type=PageViewRestriction.LOGIN)
    assert page.pk not in _found(LINK_WORD)


def test_an_intervention_made_practitioner_only_later_drops_its_note_from_the_index(
    django_capture_on_commit_callbacks,
):
    intervention = Intervention.objects.create(
        name="Soon staff-only programme", summary="x", audience=Audience.PUBLIC, tier="getting_help"
    )
    tier = TierPage.objects.live().first()
    tier.body = [("intervention", {"intervention": intervention, "local_note": f"Ask {NOTE_WORD} office"})]
    tier.save_revision().publish()
    assert tier.pk in _found(NOTE_WORD)

    intervention.audience = Audience.PRACTITIONERS
    with django_capture_on_commit_callbacks(execute=True):
        intervention.save()
    assert tier.pk not in _found(NOTE_WORD)
