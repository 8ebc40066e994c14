"""A change of who may see something purges, once committed, exactly the cached URLs that show it.

The front-end cache backend is a real ``wagtail.contrib.frontend_cache`` backend that records the
URLs it is asked to purge (tests/recording_cache_backend.py, WAGTAILFRONTENDCACHE in the test settings).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from send_toolkit.conf import toolkit_settings
from send_toolkit.contrib.openreferral import identifiers as feed_ids
from send_toolkit.contrib.openreferral.models import feed_namespace
from send_toolkit.interventions.models import Audience, Intervention, KeyStage, NeedArea
from send_toolkit.pages.models import GuidancePage, InterventionDirectoryPage, KeyStagePage, NeedAreaPage, TierPage
from send_toolkit.practitioners.resources import PractitionerResource
from tests import recording_cache_backend


@pytest.fixture
def purged():
    recording_cache_backend.PURGED.clear()
    yield recording_cache_backend.PURGED
    recording_cache_backend.PURGED.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block, then what was to happen once its transaction commits (as a real commit would)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _sitemap(page) -> str:
    return page.get_site().root_url + "/sitemap.xml"


def _stage(need_area: str, key_stage: str) -> KeyStagePage:
    return KeyStagePage.objects.child_of(NeedAreaPage.objects.get(need_area=need_area)).get(key_stage=key_stage)


def _api(page, *paths: str) -> set[str]:
    """The Wagtail API's URLs (``/api/v2/`` in the example site) on ``page``'s site."""
    return {f"{page.get_site().root_url}/api/v2/{path}" for path in paths}


def _guidance(parent, slug: str, body) -> GuidancePage:
    page = GuidancePage(title=f"Page {slug}", slug=slug, body=body)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


# --- Interventions ------------------------------------------------------------------------------------------


@pytest.fixture
def carried_intervention(toolkit):
    """A public intervention tagged SEMH × Key Stage 3, chosen on the SEMH Key Stage 2 Getting Help page."""
    intervention = Intervention.objects.create(
        name="Heronsgate purge group", summary="For tests.", tier="getting_help", resource_cost=Decimal("5.00")
    )
    intervention.need_areas.set([NeedArea.objects.get(value="semh")])
    intervention.key_stages.set([KeyStage.objects.get(value="ks3")])
    tier = TierPage.objects.child_of(_stage("semh", "ks2")).get(tier="getting_help")
    tier.body.append(("intervention", {"intervention": intervention, "local_note": ""}))
    tier.save_revision().publish()
    return intervention


def _urls_showing_the_carried_intervention(toolkit, intervention) -> set[str]:
    carrying_stage, tagged_stage = _stage("semh", "ks2"), _stage("semh", "ks3")
    directory = InterventionDirectoryPage.objects.get()
    carrying = TierPage.objects.child_of(carrying_stage).get(tier="getting_help")
    return {
        carrying.get_full_url(),
        # The key stage above the page carrying it lists it in its overview ...
        carrying_stage.get_full_url(),
        carrying_stage.get_full_url() + "parents/",
        # ... and so does the key stage it is tagged for, in the overview and the families' view.
        tagged_stage.get_full_url(),
        tagged_stage.get_full_url() + "parents/",
        toolkit.get_full_url() + "search/",
        directory.get_full_url(),
        directory.get_full_url() + "export/",
        directory.get_full_url() + f"{intervention.slug}/",
        _sitemap(toolkit),
        # The Open Referral feed's listings, its service and organization (the council: it names no provider),
        # and the sub-needs taxonomy (it carries no sub-need, so no sub-need term).
        *_feed_urls_showing(toolkit, intervention),
        # The API: the page carrying it in its body, and the interventions endpoint.
        *_api(toolkit, "pages/", f"pages/{carrying.pk}/", "interventions/", f"interventions/{intervention.pk}/"),
    }


def _feed_urls_showing(toolkit, intervention) -> set[str]:
    site = toolkit.get_site()
    feed, namespace = site.root_url + "/openreferral/", feed_namespace()
    return {
        feed + "services",
        feed + "organizations",
        feed + "taxonomy_terms",
        feed + f"services/{feed_ids.service_id(namespace, intervention.pk)}",
        feed + f"organizations/{feed_ids.council_id(namespace, site.pk)}",
        feed + f"taxonomies/{feed_ids.taxonomy_id('sub-needs')}",
    }


def test_making_a_public_intervention_practitioner_only_purges_every_url_that_shows_it(
    toolkit, carried_intervention, purged, committed
):
    with committed():
        carried_intervention.audience = Audience.PRACTITIONERS
        carried_intervention.save()
    # As a set: the feed's URLs are purged twice, for the audience and for the change to the service.
    assert sorted(set(purged)) == sorted(_urls_showing_the_carried_intervention(toolkit, carried_intervention))


def test_opening_a_practitioner_only_intervention_to_everyone_purges_the_same_urls(
    toolkit, carried_intervention, purged, committed
):
    carried_intervention.audience = Audience.PRACTITIONERS
    carried_intervention.save()
    purged.clear()
    with committed():
        carried_intervention.audience = Audience.PUBLIC
        carried_intervention.save()
    # As a set: the feed's URLs are purged twice, for the audience and for the change to the service.
    assert sorted(set(purged)) == sorted(_urls_showing_the_carried_intervention(toolkit, carried_intervention))


def test_making_a_demo_intervention_practitioner_only_purges_its_directory_export_detail_and_sitemap(
    toolkit, purged, committed
):
    intervention = Intervention.objects.filter(audience=Audience.PUBLIC).order_by("name").first()
    other = Intervention.objects.exclude(pk=intervention.pk).order_by("name").first()
    directory = InterventionDirectoryPage.objects.get().get_full_url()
    with committed():
        intervention.audience = Audience.PRACTITIONERS
        intervention.save()
    assert {directory, directory + "export/", f"{directory}{intervention.slug}/", _sitemap(toolkit)} <= set(purged)
    # Only what shows it: another intervention's page keeps its cached copy.
    assert f"{directory}{other.slug}/" not in purged


def test_saving_an_intervention_with_the_same_audience_purges_only_the_feeds_copy_of_it(
    toolkit, carried_intervention, purged, committed
):
    """Who may see it has not changed, so no page is purged; the Open Referral feed shows the service itself, and
    is purged so its consumers see the change (a new practitioner-only intervention is in no feed)."""
    with committed():
        carried_intervention.summary = "A new summary."
        carried_intervention.save()
        Intervention.objects.create(name="Brand new practitioner group", summary="New.", audience="practitioners")
    assert sorted(set(purged)) == sorted(_feed_urls_showing(toolkit, carried_intervention))


def test_a_change_that_is_rolled_back_purges_nothing(carried_intervention, purged, committed):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        carried_intervention.audience = Audience.PRACTITIONERS
        carried_intervention.save()
        raise RuntimeError("the editor's save failed")
    assert purged == []


# --- Practitioner resources -----------------------------------------------------------------------------------


@pytest.fixture
def carried_resource(toolkit):
    resource = PractitionerResource.objects.create(
        title="Purge test resource", teaser="Public teaser.", body=[("rich_text", "<p>Restricted body.</p>")]
    )
    page = _guidance(toolkit, "carries-a-resource", [("gated_resource", {"resource": resource})])
    _guidance(toolkit, "carries-nothing", [("rich_text", "<p>Nothing gated.</p>")])
    return resource, page


def test_changing_who_may_see_a_resource_purges_the_pages_carrying_it(carried_resource, purged, committed):
    resource, page = carried_resource
    with committed():
        resource.audience = "groups"
        resource.save()
    assert set(purged) == {page.get_full_url(), *_api(page, "pages/", f"pages/{page.pk}/")}


def test_changing_the_groups_of_a_group_only_resource_purges_the_pages_carrying_it(carried_resource, purged, committed):
    resource, page = carried_resource
    resource.audience = "groups"
    resource.save()
    leads = Group.objects.create(name="Purge test leads")
    purged.clear()
    with committed():
        resource.groups.add(leads)
    assert set(purged) == {page.get_full_url(), *_api(page, "pages/", f"pages/{page.pk}/")}
    purged.clear()
    with committed():
        resource.groups.remove(leads)
    assert set(purged) == {page.get_full_url(), *_api(page, "pages/", f"pages/{page.pk}/")}


def test_groups_of_a_resource_for_every_practitioner_decide_nothing_so_purge_nothing(
    carried_resource, purged, committed
):
    resource, _page = carried_resource
    with committed():
        resource.groups.add(Group.objects.create(name="Purge test leads"))
        resource.title = "Renamed resource"
        resource.save()
    assert purged == []


# --- Collections --------------------------------------------------------------------------------------------


@pytest.fixture
def offered_documents(toolkit):
    """A public collection's document, offered by a download block, a rich-text link and a resource."""
    collection = Collection.get_first_root_node().add_child(name="Purge test forms")
    document = get_document_model()(title="Purge test form", collection=collection)
    document.file.save("purge-test-form.txt", ContentFile(b"rows"), save=False)
    document.save()
    resource = PractitionerResource.objects.create(
        title="Resource offering the form",
        teaser="Teaser.",
        body=[("download", {"document": document, "title": "", "description": ""})],
    )
    download = {"document": document, "title": "", "description": ""}
    link = f'<p><a linktype="document" id="{document.pk}">Form</a></p>'
    pages = [
        _guidance(toolkit, "offers-a-download", [("download", download)]),
        _guidance(toolkit, "links-to-it", [("rich_text", link)]),
        _guidance(toolkit, "carries-the-resource", [("gated_resource", {"resource": resource})]),
    ]
    _guidance(toolkit, "offers-nothing", [("rich_text", "<p>No documents.</p>")])
    expected = {toolkit.get_site().root_url + document.url} | {page.get_full_url() for page in pages}
    expected |= _api(toolkit, "pages/", *(f"pages/{page.pk}/" for page in pages))
    return collection, expected


def _set_privacy(admin_client, collection, restriction_type: str, groups=()):
    response = admin_client.post(
        f"/admin/collections/{collection.pk}/privacy/",
        {"restriction_type": restriction_type, "password": "", "groups": [group.pk for group in groups]},
    )
    assert response.status_code == 200 and response.json()["step"] == "set_privacy_done", response.content


def test_making_a_collection_private_in_the_admin_purges_its_documents_and_every_page_offering_them(
    admin_client, offered_documents, purged, committed
):
    collection, expected = offered_documents
    practitioners = Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP)
    with committed():
        _set_privacy(admin_client, collection, CollectionViewRestriction.GROUPS, [practitioners])
    assert set(purged) == expected

    purged.clear()
    with committed():
        _set_privacy(admin_client, collection, CollectionViewRestriction.GROUPS, [Group.objects.create(name="Leads")])
    assert set(purged) == expected

    purged.clear()
    with committed():
        _set_privacy(admin_client, collection, CollectionViewRestriction.NONE)
    assert set(purged) == expected
    assert not CollectionViewRestriction.objects.filter(collection=collection).exists()


def test_saving_a_collections_privacy_unchanged_purges_nothing(admin_client, offered_documents, purged, committed):
    collection, _expected = offered_documents
    practitioners = Group.objects.get(name=toolkit_settings.PRACTITIONER_GROUP)
    _set_privacy(admin_client, collection, CollectionViewRestriction.GROUPS, [practitioners])
    purged.clear()
    with committed():
        _set_privacy(admin_client, collection, CollectionViewRestriction.GROUPS, [practitioners])
    assert purged == []


# --- Pages --------------------------------------------------------------------------------------------------


def test_restricting_a_tier_page_purges_exactly_the_urls_that_show_it(toolkit, purged, committed):
    stage = _stage("cognition_learning", "ks1")
    tier = TierPage.objects.child_of(stage).get(tier="getting_more_help")
    area = NeedAreaPage.objects.get(need_area="cognition_learning")
    directory = InterventionDirectoryPage.objects.get().get_full_url()
    home = toolkit.get_full_url()
    root = toolkit.get_site().root_url
    with committed():
        PageViewRestriction.objects.create(page=tier, restriction_type=PageViewRestriction.LOGIN)
    assert set(purged) == {
        tier.get_full_url(),
        # Above it: listings, menus and breadcrumbs show its title.
        stage.get_full_url(),
        stage.get_full_url() + "parents/",
        area.get_full_url(),
        area.get_full_url() + "parents/",
        home,
        home + "search/",
        home + "glossary/",
        home + "accessibility-statement/",
        root + "/",
        # The site-wide listings.
        directory,
        directory + "export/",
        root + "/sitemap.xml",
        root + "/api/v2/pages/",
        root + f"/api/v2/pages/{tier.pk}/",
    }
