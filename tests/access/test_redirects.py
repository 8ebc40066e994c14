"""Editor-made redirects answer like their target would (access/redirects.py, DESIGN.md section 4).

Wagtail's own middleware sends anyone who opens an old path on to the target, so its ``Location``
header names a restricted page's slug or a restricted document's file name. The toolkit's answers
like the target: a login prompt (back to the old path) for anonymous visitors, "not allowed" for
accounts that may not see it, 404 for a practitioner-only intervention, and never a stored copy.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.checks import WARNING, run_checks
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from send_toolkit.access.channels import Change, registered_channel
from send_toolkit.interventions.models import Audience, Intervention
from send_toolkit.pages.models import GuidancePage, InterventionDirectoryPage
from tests.restricted_documents import practitioner_only_document

pytestmark = pytest.mark.django_db

OLD_PATH = "/old-staff-corner/"
PRIVATE = ("private", "no-store")


@pytest.fixture
def restricted_section() -> GuidancePage:
    return GuidancePage.objects.get(slug="for-practitioners")


@pytest.fixture
def senco(client):
    client.force_login(get_user_model().objects.get(username="senco"))
    return client


@pytest.fixture
def pending(client):
    client.force_login(get_user_model().objects.create_user("pending@school.example", password="x"))
    return client


def _redirect(old_path: str, target, is_permanent: bool = False, site: Site | None = None) -> Redirect:
    """A redirect as an editor makes one (stored with its path normalised, as Wagtail's admin form does)."""
    return Redirect.add_redirect(old_path, target, is_permanent=is_permanent, site=site)


def _redirect_to(target) -> Redirect:
    return _redirect(OLD_PATH, target)


def _private(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return all(word in cache_control for word in PRIVATE) and "public" not in cache_control


def _says_nothing_of(response, *secrets: str) -> None:
    answer = (response.get("Location", "") + response.content.decode()).lower()
    for secret in secrets:
        assert secret.lower() not in answer, secret


def test_anonymous_visitors_are_asked_to_log_in_not_told_the_restricted_slug(client, restricted_section):
    _redirect_to(restricted_section)
    response = client.get(OLD_PATH)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={OLD_PATH}"
    _says_nothing_of(response, restricted_section.slug, restricted_section.title)
    assert _private(response)


def test_accounts_that_may_not_see_the_target_are_told_so_as_the_target_would(pending, restricted_section):
    _redirect_to(restricted_section)
    response = pending.get(OLD_PATH)
    assert response.status_code == 403 == pending.get(restricted_section.url).status_code
    _says_nothing_of(response, restricted_section.slug)
    assert _private(response)


def test_practitioners_are_still_redirected_and_the_redirect_is_not_stored(senco, restricted_section):
    _redirect_to(restricted_section)
    response = senco.get(OLD_PATH)
    assert response.status_code == 302 and response["Location"] == restricted_section.url
    assert _private(response)


def test_a_link_to_a_restricted_page_by_its_address_is_judged_as_the_page(client, restricted_section):
    _redirect_to(restricted_section.url)
    _redirect("/old-absolute/", f"http://testserver{restricted_section.url}")
    for path in (OLD_PATH, "/old-absolute/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == f"/accounts/login/?next={path}"
        _says_nothing_of(response, restricted_section.slug)


def test_a_redirect_to_a_restricted_document_never_names_the_file(client):
    document = practitioner_only_document("Secret rota", "secret-rota-file", b"rows", "Restricted for redirects")
    _redirect_to(document.url)
    response = client.get(OLD_PATH)
    assert response.status_code == 302 and response["Location"] == f"/accounts/login/?next={OLD_PATH}"
    _says_nothing_of(response, "secret-rota-file", "Secret rota")
    assert _private(response)

    client.force_login(get_user_model().objects.get(username="senco"))
    response = client.get(OLD_PATH)
    assert response.status_code == 302 and response["Location"] == document.url
    assert _private(response)


def test_a_redirect_to_a_practitioner_only_intervention_is_not_found_as_its_page_is(client):
    intervention = Intervention.objects.create(
        name="Staff-only scheme", slug="staff-only-scheme", audience=Audience.PRACTITIONERS, tier="getting_help"
    )
    directory = InterventionDirectoryPage.objects.live().first()
    target = directory.url + directory.reverse_subpage("intervention", kwargs={"slug": intervention.slug})
    _redirect_to(target)
    response = client.get(OLD_PATH)
    assert response.status_code == 404 == client.get(target).status_code
    _says_nothing_of(response, intervention.slug, intervention.name)
    assert _private(response)

    client.force_login(get_user_model().objects.get(username="senco"))
    response = client.get(OLD_PATH)
    assert response.status_code == 302 and response["Location"] == target


def test_redirects_to_public_pages_and_elsewhere_are_left_as_wagtail_makes_them(client, toolkit):
    _redirect_to(toolkit)
    _redirect("/elsewhere/", "https://www.gov.uk/children-with-special-needs", is_permanent=True)
    response = client.get(OLD_PATH)
    assert response.status_code == 302 and response["Location"] == toolkit.url
    assert "private" not in response.get("Cache-Control", "")
    response = client.get("/elsewhere/")
    assert response.status_code == 301 and response["Location"].startswith("https://www.gov.uk/")


def test_the_redirects_channel_lists_every_old_path_of_the_site(site):
    _redirect("/this-site-only/", "/send-toolkit/", site=site)
    other = Site.objects.create(hostname="other.example", root_page=site.root_page)
    _redirect("/other-site-only/", "/send-toolkit/", site=other)
    urls = registered_channel("redirects").urls(site)
    assert f"{site.root_url}/send/" in urls and f"{site.root_url}/this-site-only/" in urls
    assert not any("other-site-only" in url for url in urls)


def test_a_redirect_to_a_page_is_purged_when_the_page_becomes_private(restricted_section, site):
    _redirect_to(restricted_section)
    showing = registered_channel("redirects").showing[Change.PAGE_PRIVACY]
    assert showing(restricted_section) == [f"{site.root_url}{OLD_PATH}"]


def _warnings() -> dict:
    return {m.id: m for m in run_checks(databases=[]) if m.id == "send_toolkit.W006" and m.level == WARNING}


def test_a_check_warns_when_wagtails_plain_redirect_middleware_is_used(settings):
    assert _warnings() == {}
    settings.MIDDLEWARE = [
        "wagtail.contrib.redirects.middleware.RedirectMiddleware" if "redirects" in name.lower() else name
        for name in settings.MIDDLEWARE
    ]
    warning = _warnings()["send_toolkit.W006"]
    assert "send_toolkit.access.redirects.AccessCheckedRedirectMiddleware" in warning.hint
