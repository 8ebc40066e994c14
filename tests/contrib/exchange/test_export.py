"""``send_toolkit_export``: what the archive holds, what it never holds, and what it leaves out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jsonschema import Draft202012Validator, FormatChecker

from send_toolkit.contrib.exchange.archive_format import FORMAT_VERSION, SECTIONS, schema
from send_toolkit.contrib.exchange.exporting import export_toolkit
from send_toolkit.contrib.exchange.sections.base import plain_fields
from send_toolkit.interventions.models import Intervention
from send_toolkit.pages.models import GuidanceKind, GuidancePage, ToolkitPage
from tests.contrib.exchange.archives import entries, exported, manifest, section

pytestmark = pytest.mark.django_db


def validator(definition: str) -> Draft202012Validator:
    return Draft202012Validator(
        {"$ref": f"#/$defs/{definition}", "$defs": schema()["$defs"]}, format_checker=FormatChecker()
    )


def test_the_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(schema())


def test_the_archive_follows_its_documented_schema_section_by_section(toolkit):
    archive = exported(toolkit)
    found = manifest(archive)
    assert found["format"] == "send-toolkit-exchange" and found["format_version"] == FORMAT_VERSION
    assert list(validator("manifest").iter_errors(found)) == []
    assert [entry["name"] for entry in found["sections"]] == [section.name for section in SECTIONS]
    for entry in found["sections"]:
        items = section(archive, entry["name"])
        assert len(items) == entry["count"]
        assert [error.message for error in validator(entry["name"]).iter_errors(items)] == [], entry["name"]
    assert found["toolkit"]["slug"] == "send-toolkit"


def test_the_archive_holds_the_whole_toolkit_with_its_privacy(toolkit):
    archive = exported(toolkit)
    pages = section(archive, "pages")
    assert len(pages) == toolkit.get_descendants(inclusive=True).count() == 107
    assert pages[0]["type"] == "send_toolkit.ToolkitPage" and pages[0]["parent"] is None
    (restricted,) = [page for page in pages if page["restriction"]]
    assert restricted["slug"] == "for-practitioners"
    assert restricted["restriction"] == {"type": "groups", "groups": ["Practitioners", "Toolkit editors"]}
    risk = next(page for page in pages if page["type"] == "send_toolkit.RiskSupportPage")
    assert [block["type"] for block in risk["fields"]["body"]] == ["risk_guidance"] * len(risk["fields"]["body"])
    assert len(section(archive, "interventions")) == Intervention.objects.count()
    assert {item["audience"] for item in section(archive, "interventions")} == {"public", "practitioners"}
    (resource,) = section(archive, "practitioner_resources")
    assert resource["audience"] == "practitioners"
    assert [block["type"] for block in resource["body"]] == ["tool", "rich_text", "download"]
    (collection,) = section(archive, "collections")
    assert collection["restriction"]["groups"] == ["Practitioners", "Toolkit editors"]
    assert section(archive, "groups") == [
        {"name": "Practitioners", "role": "practitioners"},
        {"name": "Toolkit editors", "role": "editors"},
    ]


def test_accounts_practitioner_data_and_council_settings_never_travel(toolkit):
    everything = b"".join(entries(exported(toolkit)).values()).decode("utf-8", "replace")
    for never in (
        "senco@oakfield-primary.example",  # a practitioner's account
        "editor@northmoor.example",  # an editor's account
        "md5$",  # a password hash (the test settings' hasher)
        "Oakfield Primary School (fictional)",  # a practitioner's organisation; an approved email domain
        "frontdoor@northmoor.example",  # the council's settings: contacts
        "0300 555 0199",
        "send.team@northmoor.example",
    ):
        assert never not in everything, never


def test_every_intervention_field_travels():
    (item_schema,) = [schema()["$defs"]["intervention"]]
    relations = {"staff_role", "need_areas", "key_stages", "sub_needs", "description"}
    assert set(item_schema["properties"]) == {"id", *plain_fields(Intervention, ("description",)), *relations}


def test_a_link_to_a_page_outside_the_toolkit_is_left_out_and_reported(toolkit, site):
    walkthrough = GuidancePage.objects.child_of(toolkit).get(kind=GuidanceKind.WALKTHROUGH)
    walkthrough.introduction += f'<p>Back to <a linktype="page" id="{site.root_page_id}">the local offer</a>.</p>'
    walkthrough.body.append(("toolkit_link", {"page": site.root_page, "label": "Local offer", "description": ""}))
    walkthrough.save_revision().publish()
    out = io.BytesIO()
    report = export_toolkit(toolkit, out)
    (page,) = [page for page in section(out.getvalue(), "pages") if page["id"] == walkthrough.pk]
    assert "<a>the local offer</a>" in page["fields"]["introduction"]
    assert "toolkit_link" not in [block["type"] for block in page["fields"]["body"]]
    assert len(report.left_out) == 2
    assert all(
        "a link to a page outside the toolkit" in note and "Best practice walkthrough" in note
        for note in report.left_out
    )


def test_the_command_writes_the_archive_and_will_not_overwrite_one(toolkit, tmp_path):
    path = tmp_path / "northmoor.zip"
    out = io.StringIO()
    call_command("send_toolkit_export", str(path), stdout=out)
    assert "Exported “SEND Graduated Approach Toolkit”" in out.getvalue() and "107 pages" in out.getvalue()
    assert manifest(path.read_bytes())["format_version"] == FORMAT_VERSION
    with pytest.raises(CommandError, match="already exists"):
        call_command("send_toolkit_export", str(path), stdout=out)
    assert not list(Path(tmp_path).glob("*.partial"))


def test_the_command_asks_which_toolkit_when_there_are_several(toolkit, site, tmp_path):
    second = ToolkitPage(title="Second toolkit", slug="second")
    site.root_page.add_child(instance=second)
    with pytest.raises(CommandError, match="several toolkits; choose one with --toolkit ID"):
        call_command("send_toolkit_export", str(tmp_path / "a.zip"))
    with pytest.raises(CommandError, match="No toolkit home has the page id 999999"):
        call_command("send_toolkit_export", str(tmp_path / "a.zip"), "--toolkit", "999999")
    call_command("send_toolkit_export", str(tmp_path / "a.zip"), "--toolkit", str(second.pk), stdout=io.StringIO())
    assert len(section((tmp_path / "a.zip").read_bytes(), "pages")) == 1
