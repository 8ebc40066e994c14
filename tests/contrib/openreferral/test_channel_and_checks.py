"""The feed is a channel in the register (purged when an intervention changes, its audience included) and W009
notices a feed that is installed but not mounted."""

from __future__ import annotations

import pytest
from django.core import checks
from django.test import override_settings

from send_toolkit.access.channels import registered_channel
from send_toolkit.contrib.openreferral import identifiers
from send_toolkit.contrib.openreferral.checks import check_feed_is_mounted
from send_toolkit.contrib.openreferral.models import feed_namespace
from send_toolkit.interventions.models import Audience, Intervention, SubNeed
from tests import recording_cache_backend

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged():
    recording_cache_backend.PURGED.clear()
    yield recording_cache_backend.PURGED
    recording_cache_backend.PURGED.clear()


def test_making_an_intervention_practitioner_only_purges_the_feeds_urls_that_show_it(
    site, purged, django_capture_on_commit_callbacks
):
    intervention = Intervention.objects.filter(audience=Audience.PUBLIC).exclude(provider="").first()
    intervention.sub_needs.set([SubNeed.objects.first()])
    intervention.save()
    with django_capture_on_commit_callbacks(execute=True):
        intervention.audience = Audience.PRACTITIONERS
        intervention.save()
    namespace, feed = feed_namespace(), site.root_url + "/openreferral/"
    expected = {
        feed + "services",
        feed + "organizations",
        feed + "taxonomy_terms",
        feed + f"services/{identifiers.service_id(namespace, intervention.pk)}",
        feed + f"organizations/{identifiers.council_id(namespace, site.pk)}",
        feed + f"organizations/{identifiers.provider_id(namespace, intervention.provider)}",
        feed + f"taxonomies/{identifiers.taxonomy_id('sub-needs')}",
        feed + f"taxonomy_terms/{identifiers.sub_need_term_id(namespace, SubNeed.objects.first().pk)}",
    }
    assert expected <= set(purged)
    other = Intervention.objects.filter(audience=Audience.PUBLIC).exclude(pk=intervention.pk).first()
    assert feed + f"services/{identifiers.service_id(namespace, other.pk)}" not in purged


def test_any_change_to_a_service_purges_its_feed_urls_and_nothing_before_the_commit(
    site, purged, django_capture_on_commit_callbacks
):
    intervention = Intervention.objects.filter(audience=Audience.PUBLIC).first()
    service = f"{site.root_url}/openreferral/services/{identifiers.service_id(feed_namespace(), intervention.pk)}"
    with django_capture_on_commit_callbacks(execute=False) as waiting:
        intervention.summary = "A new summary for the feed."
        intervention.save()
    assert service not in purged and waiting
    for callback in waiting:
        callback()
    assert service in purged and f"{site.root_url}/openreferral/services" in purged


def test_deleting_an_intervention_purges_its_feed_urls(site, purged, django_capture_on_commit_callbacks):
    intervention = Intervention.objects.filter(audience=Audience.PUBLIC).first()
    service = f"{site.root_url}/openreferral/services/{identifiers.service_id(feed_namespace(), intervention.pk)}"
    with django_capture_on_commit_callbacks(execute=True):
        intervention.delete()
    assert service in purged


def test_the_channel_lists_every_public_service_and_no_practitioner_only_one(site, client):
    urls = set(registered_channel("Open Referral UK feed").urls(site))
    namespace = feed_namespace()
    for pk, audience in Intervention.objects.values_list("pk", "audience"):
        listed = f"{site.root_url}/openreferral/services/{identifiers.service_id(namespace, pk)}" in urls
        assert listed == (audience == Audience.PUBLIC), (pk, audience)
    assert f"{site.root_url}/openreferral/openapi.json" in urls
    for url in urls:
        assert client.get(url.removeprefix(site.root_url)).status_code == 200, url


def test_no_warning_when_the_feed_is_mounted():
    assert check_feed_is_mounted(None) == []


@override_settings(ROOT_URLCONF="tests.contrib.openreferral.unmounted_urls")
def test_w009_when_the_feed_is_installed_but_not_mounted():
    (warning,) = check_feed_is_mounted(None)
    assert warning.id == "send_toolkit.W009" and warning.level == checks.WARNING
    assert "openreferral_api.urls" in warning.hint
