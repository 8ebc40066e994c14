"""`manage.py send_toolkit_setup` builds the skeleton once and changes nothing the second time."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, Site

from send_toolkit.conf import toolkit_settings
from send_toolkit.council.models import ToolkitSettings
from send_toolkit.pages.base import BasePage
from send_toolkit.pages.models import (
    AccessibilityStatementPage,
    GuidanceKind,
    GuidancePage,
    InterventionDirectoryPage,
    KeyStagePage,
    NeedAreaPage,
    RiskSupportPage,
    TierPage,
    ToolkitPage,
)
from send_toolkit.practitioners.models import PractitionerProfile

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command("send_toolkit_setup", *args, stdout=out)
    return out.getvalue()


def _snapshot() -> dict:
    """Row counts of every model (pages, revisions, snippets, groups, permissions, view restrictions,
    collections, documents, settings...) plus the page tree and the accounts, to compare before and after."""
    User = get_user_model()
    return {
        "rows": {
            model._meta.label: model._default_manager.count() for model in apps.get_models() if model._meta.managed
        },
        "tree": list(BasePage.objects.order_by("path").values_list("path", "title", "slug", "live")),
        "accounts": [
            (user.username, user.password, sorted(user.groups.values_list("name", flat=True)))
            for user in User.objects.order_by("username")
        ],
    }


def test_running_setup_again_changes_nothing(toolkit):
    before = _snapshot()
    output = _run("--demo", "--force-demo")
    assert "Nothing to do" in output
    assert _snapshot() == before


def test_snapshot_covers_what_setup_creates():
    rows = _snapshot()["rows"]
    for label in (
        "send_toolkit.Intervention",
        "send_toolkit.GlossaryTerm",
        "send_toolkit.PractitionerResource",
        "send_toolkit.ToolkitSettings",
        "auth.Group",
        "wagtailcore.GroupPagePermission",
        "wagtailcore.PageViewRestriction",
        "wagtailcore.CollectionViewRestriction",
        "wagtailcore.Collection",
        "wagtaildocs.Document",
    ):
        assert rows[label] > 0, label


def test_renamed_single_sections_are_not_created_again(toolkit):
    renamed = [
        RiskSupportPage.objects.child_of(toolkit).get(),
        GuidancePage.objects.child_of(toolkit).get(kind=GuidanceKind.WALKTHROUGH),
        InterventionDirectoryPage.objects.child_of(toolkit).get(),
        AccessibilityStatementPage.objects.child_of(toolkit).get(),
        GuidancePage.objects.child_of(toolkit).get(slug="for-practitioners"),
    ]
    for page in renamed:
        page.title = f"Renamed {page.title}"
        page.slug = f"renamed-{page.slug}"
        page.save_revision().publish()
    before = _snapshot()

    output = _run("--demo", "--force-demo")

    assert "Nothing to do" in output
    assert _snapshot() == before


def test_setup_builds_a_skeleton_under_another_sites_root():
    root = BasePage.get_first_root_node()
    local_offer = BasePage(title="Local offer", slug="local-offer")
    root.add_child(instance=local_offer)
    Site.objects.create(hostname="offer.example", root_page=local_offer, port=80)

    output = _run("--site", "offer.example", "--title", "Toolkit for schools", "--slug", "schools-toolkit")

    toolkit = ToolkitPage.objects.child_of(local_offer).get()
    assert toolkit.title == "Toolkit for schools"
    assert NeedAreaPage.objects.child_of(toolkit).count() == 4
    assert KeyStagePage.objects.descendant_of(toolkit).count() == 24
    assert TierPage.objects.descendant_of(toolkit).count() == 72
    assert "Created" in output and "http://offer.example/schools-toolkit/" in output
    # Without --demo nothing is filled in and no demo content appears.
    assert not any(tier.body for tier in TierPage.objects.descendant_of(toolkit).specific())
    assert not GuidancePage.objects.descendant_of(toolkit).filter(kind="apdr").exists()

    before = _snapshot()
    assert "Nothing to do" in _run("--site", "offer.example")
    assert _snapshot() == before


def test_setup_fills_in_a_partly_built_tree():
    toolkit = ToolkitPage.objects.get()
    area = NeedAreaPage.objects.child_of(toolkit).get(need_area="cognition_learning")
    stage = KeyStagePage.objects.child_of(area).get(key_stage="early_years")
    stage.get_children().delete()
    output = _run()
    assert TierPage.objects.child_of(stage).count() == 3
    assert output.count("tier:") == 3


def test_unknown_site_gives_a_clear_error():
    with pytest.raises(CommandError, match="No Wagtail site has the hostname 'nowhere.example'"):
        _run("--site", "nowhere.example")


def test_demo_prints_logins_that_work(client):
    output = _run("--demo", "--force-demo")
    assert "editor / northmoor-editor" in output
    assert "senco / northmoor-senco" in output
    assert client.login(username="editor", password="northmoor-editor")
    assert client.get("/admin/").status_code == 200
    assert client.login(username="senco", password="northmoor-senco")


def test_demo_is_refused_on_a_site_without_debug():
    before = _snapshot()
    with pytest.raises(CommandError, match="only runs when DEBUG is True.*add --force-demo"):
        _run("--demo")
    assert _snapshot() == before


def test_demo_runs_without_force_when_debug_is_on(settings):
    settings.DEBUG = True
    output = _run("--demo")
    assert "editor / northmoor-editor" in output


def test_demo_leaves_existing_accounts_with_those_usernames_alone():
    User = get_user_model()
    User.objects.filter(username__in=["editor", "senco"]).delete()
    editor = User.objects.create_user("editor", password="their-own-password")
    senco = User.objects.create_user("senco", password="another-own-password")

    output = _run("--demo", "--force-demo")

    assert "northmoor-editor" not in output and "northmoor-senco" not in output
    assert "an account called 'editor' already existed and is not the demo account" in output
    assert "an account called 'senco' already existed" in output
    editor.refresh_from_db()
    senco.refresh_from_db()
    assert editor.check_password("their-own-password") and not editor.groups.exists()
    assert senco.check_password("another-own-password") and not senco.groups.exists()
    assert not PractitionerProfile.objects.filter(user=senco).exists()


def test_editors_may_edit_and_publish_the_toolkit(toolkit):
    editors = Group.objects.get(name=toolkit_settings.EDITOR_GROUP)
    granted = set(
        GroupPagePermission.objects.filter(group=editors, page=toolkit).values_list("permission__codename", flat=True)
    )
    # Named after the site's base page model: add_page for Wagtail's Page, add_basepage for a BasePage.
    assert granted == {
        f"{action}_{BasePage._meta.model_name}" for action in ("add", "change", "publish", "lock", "unlock")
    }


def test_demo_fills_council_settings(site):
    settings = ToolkitSettings.for_site(site)
    assert settings.council_name == "Northmoor Council"
    assert settings.sendiass_phone
    assert settings.school_weeks == 38
