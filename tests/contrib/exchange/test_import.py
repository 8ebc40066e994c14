"""``send_toolkit_import``: the dry run, clashes, importing twice, and damaged archives changing nothing."""

from __future__ import annotations

import io
from decimal import Decimal
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError
from django.db import connections
from django.test import override_settings
from wagtail.models import PageViewRestriction

from send_toolkit.contrib.exchange.importing import import_archive
from send_toolkit.contrib.exchange.problems import ArchiveInvalid
from send_toolkit.council.models import ToolkitSettings
from send_toolkit.interventions.models import Intervention, StaffRole
from send_toolkit.pages.models import GuidancePage, ToolkitPage
from tests.contrib.exchange.archives import (
    entries,
    exported,
    media_files,
    rezipped,
    row_counts,
    section,
    with_json,
    write,
)
from tests.contrib.exchange.conftest import make_site_fresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(toolkit) -> bytes:
    return exported(toolkit)


def run_import(path: str, *args: str) -> str:
    out = io.StringIO()
    call_command("send_toolkit_import", path, *args, stdout=out, stderr=out)
    return out.getvalue()


def test_a_dry_run_lists_what_would_be_created_and_changes_nothing(archive, tmp_path):
    path = write(tmp_path, "northmoor.zip", archive)
    counts, files = row_counts(), media_files()
    report = run_import(path, "--dry-run", "--slug", "northmoor-copy")
    assert "pages: 107 will be created" in report
    assert "  pages: northmoor-copy/for-practitioners (will be created): guidance page, restricted" in report
    assert (
        "  pages: northmoor-copy/communication-and-interaction/key-stage-1/getting-help (will be created): tier"
        in report
    )
    assert "interventions: 34 already here, kept as it is" in report
    assert "documents: 1 already here, kept as it is" in report  # the same file, in the same restricted collection
    assert "Dry run: northmoor.zip can be imported. Nothing was changed." in report
    assert row_counts() == counts and media_files() == files


def test_a_dry_run_lists_clashes_and_fails(archive, tmp_path, toolkit):
    lego = Intervention.objects.order_by("name").first()
    lego.slug = f"{lego.slug}-northmoor"  # same name, another address: the archive's can be neither matched nor added
    lego.save()
    toolkit.add_child(instance=GuidancePage(title="Copy", slug="northmoor-copy"))  # a page of another type there
    path = write(tmp_path, "northmoor.zip", archive)
    out = io.StringIO()
    with pytest.raises(CommandError, match=r"Dry run: 1 clash\(es\) to resolve"):
        call_command("send_toolkit_import", path, "--dry-run", stdout=out, stderr=out)
    assert (
        f"interventions: {lego.slug.removesuffix('-northmoor')} (clashes): this site has another record with the name"
        in out.getvalue()
    )
    with pytest.raises(CommandError, match=r"Dry run: 2 clash\(es\)"):
        call_command(
            "send_toolkit_import",
            path,
            "--dry-run",
            "--parent",
            str(toolkit.pk),
            "--slug",
            "northmoor-copy",
            stdout=out,
        )
    assert (
        "pages: northmoor-copy (clashes): a page of another type (guidance page) is already at this address."
        in out.getvalue()
    )
    with pytest.raises(CommandError, match="Nothing was imported: 2 problem"):
        call_command(
            "send_toolkit_import", path, "--parent", str(toolkit.pk), "--slug", "northmoor-copy", stdout=out, stderr=out
        )


def test_importing_the_same_archive_twice_adds_nothing_the_second_time(archive, tmp_path, site):
    path = write(tmp_path, "northmoor.zip", archive)
    run_import(path, "--slug", "northmoor-copy")
    copy = ToolkitPage.objects.get(slug="northmoor-copy")
    assert copy.get_descendants().count() == 106 and copy.live
    counts, files = row_counts(), media_files()
    report = run_import(path, "--slug", "northmoor-copy", "--dry-run")
    assert "will be created" not in report
    run_import(path, "--slug", "northmoor-copy")
    assert row_counts() == counts and media_files() == files


def test_an_imported_copy_keeps_its_restrictions_and_this_sites_settings_and_rates(archive, site, toolkit):
    council = ToolkitSettings.for_site(site)
    council.council_name = "Westvale Council"
    council.save()
    assistant = StaffRole.objects.get(name="Teaching assistant")
    assistant.hourly_rate = Decimal("16.25")
    assistant.save()
    result = import_archive(
        io.BytesIO(archive), "northmoor.zip", site.root_page.specific, toolkit_slug="northmoor-copy"
    )
    assert ToolkitSettings.for_site(site).council_name == "Westvale Council"
    assert StaffRole.objects.get(name="Teaching assistant").hourly_rate == Decimal("16.25")
    assert "this site’s rate (£16.25 an hour) is kept" in [
        entry.detail for entry in result.plan.entries if entry.label == "Teaching assistant"
    ]
    restricted = PageViewRestriction.objects.get(
        page__in=result.toolkit.get_descendants(), page__slug="for-practitioners"
    )
    assert sorted(restricted.groups.values_list("name", flat=True)) == ["Practitioners", "Toolkit editors"]


def test_the_practitioners_group_travels_by_role_to_what_this_site_calls_it(archive, site):
    make_site_fresh(site)
    with override_settings(SEND_TOOLKIT_PRACTITIONER_GROUP="Approved SENCOs"):
        result = import_archive(io.BytesIO(archive), "northmoor.zip", site.root_page.specific)
    restricted = PageViewRestriction.objects.get(
        page__in=result.toolkit.get_descendants(), page__slug="for-practitioners"
    )
    assert sorted(restricted.groups.values_list("name", flat=True)) == ["Approved SENCOs", "Toolkit editors"]
    assert not Group.objects.filter(name="Practitioners").exists()


def truncated(archive: bytes) -> bytes:
    return archive[: len(archive) * 2 // 3]


def bad_json(archive: bytes) -> bytes:
    return rezipped({**entries(archive), "sections/glossary_terms.json": b'[{"id": 1, "term": "SENCO",,}]'})


def bad_reference(archive: bytes) -> bytes:
    def point_nowhere(pages):
        for page in pages:
            for block in page["fields"].get("body", []):
                if block["type"] == "intervention":
                    block["value"]["intervention"] = 999_999
                    return pages
        raise AssertionError("the demo has an intervention block")

    return with_json(archive, "sections/pages.json", point_nowhere)


def wrong_version(archive: bytes) -> bytes:
    return with_json(archive, "manifest.json", lambda manifest: {**manifest, "format_version": 7})


def fails_while_importing(archive: bytes) -> bytes:
    """Valid to every check made before the import begins, but a costing table without interventions will not
    save: the import fails after creating pages and storing a document's file."""

    def empty_costing_table(pages):
        tiers = [page for page in pages if page["type"] == "send_toolkit.TierPage"]
        costing = {"heading": "Costs", "interventions": []}
        tiers[-1]["fields"]["body"] = [{"type": "costing", "value": costing, "id": "e2a1c1de"}]
        return pages

    return with_json(archive, "sections/pages.json", empty_costing_table)


DAMAGED = {
    "truncated zip": (truncated, "northmoor.zip: this is not a zip archive, or it is damaged or cut short"),
    "bad JSON": (bad_json, "sections/glossary_terms.json: is not valid JSON (line 1"),
    "bad reference": (bad_reference, "refers to interventions id 999999, which is not in the archive"),
    "wrong version": (wrong_version, "manifest.json, format_version: the archive is format version 7, newer than"),
    "error while importing": (
        fails_while_importing,
        "/post-16/getting-more-help, fields.body[0].interventions: The minimum number of items is 1",
    ),
}


@pytest.mark.parametrize("damage", DAMAGED, ids=list(DAMAGED))
def test_a_damaged_archive_changes_nothing_and_says_what_is_wrong(archive, tmp_path, capsys, damage):
    make, message = DAMAGED[damage]
    path = write(tmp_path, "northmoor.zip", make(archive))
    counts, files = row_counts(), media_files()
    utility = ManagementUtility(["manage.py", "send_toolkit_import", path, "--slug", "northmoor-copy"])
    # As manage.py runs it; only the closing of database connections at the end is held back, since it would close
    # the test's own transaction on PostgreSQL.
    with pytest.raises(SystemExit) as exited, mock.patch.object(connections, "close_all"):
        utility.execute()
    assert exited.value.code == 1
    output = capsys.readouterr()
    assert message in output.err
    assert "Nothing was imported" in output.err and "Traceback" not in output.err + output.out
    assert row_counts() == counts
    assert media_files() == files
    assert not ToolkitPage.objects.filter(slug="northmoor-copy").exists()


def test_an_archive_without_pages_is_refused(archive, site):
    without_pages = with_json(
        archive,
        "manifest.json",
        lambda manifest: {**manifest, "sections": [s for s in manifest["sections"] if s["name"] != "pages"]},
    )
    with pytest.raises(ArchiveInvalid) as raised:
        import_archive(io.BytesIO(without_pages), "northmoor.zip", site.root_page.specific)
    assert [str(problem) for problem in raised.value.problems] == [
        "sections/pages.json: the archive holds no pages: a toolkit home is needed."
    ]


def test_a_bad_reference_names_the_page_and_the_block(archive, site):
    with pytest.raises(ArchiveInvalid) as raised:
        import_archive(io.BytesIO(bad_reference(archive)), "northmoor.zip", site.root_page.specific)
    (problem,) = raised.value.problems
    pages = {page["id"]: page for page in section(archive, "pages")}
    first = next(
        page for page in pages.values() if any(b["type"] == "intervention" for b in page["fields"].get("body", []))
    )
    path = [first["slug"]]
    while pages[first["id"]]["parent"] is not None:
        first = pages[first["parent"]]
        path.insert(0, first["slug"])
    assert (problem.file, problem.item) == ("sections/pages.json", "/".join(path))
    assert problem.field.startswith("fields.body[") and problem.field.endswith("].intervention.intervention")
