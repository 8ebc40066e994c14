"""CSV import of interventions: the whole file is checked first and nothing changes unless all of it is valid."""

from __future__ import annotations

import csv
import io
import math
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from send_toolkit.access.purging import MANY_SUBJECTS
from send_toolkit.conf import toolkit_settings
from send_toolkit.interventions.costs import cost_of, rates_for_site
from send_toolkit.interventions.csv_import import BATCH_SIZE, import_interventions
from send_toolkit.interventions.models import Intervention, StaffRole
from send_toolkit.pages.models import InterventionDirectoryPage
from tests import recording_cache_backend

HEADER = [
    "Name",
    "Summary",
    "Broad areas of need",
    "Key stages",
    "THRIVE tier",
    "Delivery",
    "Group size",
    "Session length (minutes)",
    "Sessions per week",
    "Number of weeks",
    "Staff role",
    "Audience",
]


def row(name="Phonics catch-up", **overrides) -> list[str]:
    values = {
        "Name": name,
        "Summary": "Short daily phonics practice for pupils who are behind.",
        "Broad areas of need": "Cognition and Learning",
        "Key stages": "Key Stage 1; KS2",
        "THRIVE tier": "Getting Help",
        "Delivery": "Small group",
        "Group size": "4",
        "Session length (minutes)": "30",
        "Sessions per week": "3",
        "Number of weeks": "38",
        "Staff role": "Import test assistant",
        "Audience": "Everyone",
    }
    values.update(overrides)
    return [values[column] for column in HEADER]


def csv_bytes(*rows: list[str], header=HEADER, encoding="utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


@pytest.fixture
def staff_role(db) -> StaffRole:
    return StaffRole.objects.create(name="Import test assistant", hourly_rate=Decimal("15.00"))


def snapshot() -> list[tuple]:
    return list(Intervention.objects.order_by("pk").values_list("pk", "name", "summary", "group_size", "audience"))


def test_a_valid_file_adds_interventions_with_their_areas_stages_and_costs(staff_role):
    result = import_interventions(csv_bytes(row(), row("Maths mastery group", **{"Group size": "6"})))
    assert result.ok, result.problems
    assert result.created == ["Phonics catch-up", "Maths mastery group"]
    phonics = Intervention.objects.get(name="Phonics catch-up")
    assert [area.value for area in phonics.need_areas.all()] == ["cognition_learning"]
    assert sorted(stage.value for stage in phonics.key_stages.all()) == ["ks1", "ks2"]
    assert phonics.staff_role == staff_role
    assert cost_of(phonics, rates_for_site()).cost_per_pupil == Decimal("213.75")


def test_importing_the_same_file_twice_updates_rather_than_duplicates(staff_role):
    data = csv_bytes(row())
    import_interventions(data)
    count = Intervention.objects.count()
    changed = csv_bytes(row(**{"Summary": "Updated summary."}))
    result = import_interventions(changed)
    assert result.ok
    assert result.updated == ["Phonics catch-up"] and result.created == []
    assert Intervention.objects.count() == count
    assert Intervention.objects.get(name="Phonics catch-up").summary == "Updated summary."


def test_a_bad_number_is_reported_with_its_row_and_column_and_nothing_changes(staff_role):
    before = snapshot()
    result = import_interventions(csv_bytes(row(), row("Second", **{"Group size": "four"})))
    assert [str(problem) for problem in result.problems] == [
        "Row 3, Group size: “four” is not a whole number. Write it with the digits 0–9, such as 12."
    ]
    assert snapshot() == before


def test_an_unknown_need_area_is_reported_and_nothing_changes(staff_role):
    before = snapshot()
    result = import_interventions(csv_bytes(row(**{"Broad areas of need": "Cognition and Learning; Maths"})))
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (problem.row, problem.column) == (2, "Broad areas of need")
    assert "“Maths” is not a broad area of need" in problem.message
    assert "Social, Emotional and Mental Health" in problem.message
    assert snapshot() == before


def test_a_missing_name_is_reported_and_nothing_changes(staff_role):
    before = snapshot()
    result = import_interventions(csv_bytes(row(), row("")))
    assert [str(problem) for problem in result.problems] == ["Row 3, Name: is empty; every intervention needs it."]
    assert snapshot() == before


def test_the_same_intervention_twice_in_one_file_is_reported_and_nothing_changes(staff_role):
    before = snapshot()
    result = import_interventions(csv_bytes(row(), row("Other"), row("phonics catch-up")))
    assert any(problem.row == 4 and "also on row 2" in problem.message for problem in result.problems)
    assert snapshot() == before


def test_a_file_not_saved_as_utf8_gets_a_clear_message_and_nothing_changes(staff_role):
    before = snapshot()
    result = import_interventions(csv_bytes(row(**{"Summary": "Costs £5 a pupil – café"}), encoding="cp1252"))
    assert len(result.problems) == 1
    assert "not saved as UTF-8" in str(result.problems[0])
    assert "CSV UTF-8" in str(result.problems[0])
    assert snapshot() == before


def test_every_problem_in_the_file_is_reported_at_once(staff_role):
    result = import_interventions(
        csv_bytes(
            row(**{"Group size": "0"}),
            row("B", **{"THRIVE tier": "Getting Lots"}),
            row("C", **{"Staff role": "Wizard"}),
            row("D", **{"Sessions per week": "2.55"}),
        )
    )
    where = [(problem.row, problem.column) for problem in result.problems]
    assert where == [(2, "Group size"), (3, "THRIVE tier"), (4, "Staff role"), (5, "Sessions per week")]


def test_an_unknown_column_is_reported_before_any_row(staff_role):
    result = import_interventions(csv_bytes(row() + ["x"], header=[*HEADER, "Colour"]))
    assert [str(problem) for problem in result.problems] == [
        "Row 1, Colour: Column 13 is not a column this import knows."
    ]


def test_the_command_imports_a_valid_file(staff_role, tmp_path):
    path = tmp_path / "interventions.csv"
    path.write_bytes(csv_bytes(row()))
    out = io.StringIO()
    call_command("send_toolkit_import_interventions", str(path), stdout=out)
    assert "1 added, 0 updated" in out.getvalue()
    assert Intervention.objects.filter(name="Phonics catch-up").exists()


def test_the_command_lists_problems_and_fails_without_changing_anything(staff_role, tmp_path):
    path = tmp_path / "interventions.csv"
    path.write_bytes(csv_bytes(row(**{"Key stages": "Year 12"})))
    before = snapshot()
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported: 1 problem"):
        call_command("send_toolkit_import_interventions", str(path), stderr=err)
    assert "Row 2, Key stages: “Year 12” is not a key stage" in err.getvalue()
    assert snapshot() == before


def test_editors_can_upload_a_file_in_the_admin(staff_role, admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = "/admin/snippets/send_toolkit/intervention/import/"
    bad = SimpleUploadedFile("bad.csv", csv_bytes(row(**{"Group size": "lots"})), content_type="text/csv")
    response = admin_client.post(url, {"file": bad})
    assert response.status_code == 200
    assert "Nothing was imported" in response.text
    assert "Row 2, Group size: “lots” is not a whole number." in response.text

    good = SimpleUploadedFile("good.csv", csv_bytes(row()), content_type="text/csv")
    response = admin_client.post(url, {"file": good}, follow=True)
    assert "Imported 1 new and updated 0 existing interventions." in response.text
    assert Intervention.objects.filter(name="Phonics catch-up").exists()


def test_reimporting_without_a_slug_keeps_an_edited_web_address(staff_role):
    import_interventions(csv_bytes(row()))
    Intervention.objects.filter(name="Phonics catch-up").update(slug="phonics-ks1")
    result = import_interventions(csv_bytes(row(**{"Summary": "Changed."})))
    assert result.ok and result.updated == ["Phonics catch-up"]
    assert Intervention.objects.get(name="Phonics catch-up").slug == "phonics-ks1"


def test_a_new_intervention_whose_web_address_is_taken_is_reported(staff_role):
    import_interventions(csv_bytes(row()))
    Intervention.objects.filter(name="Phonics catch-up").update(name="Renamed phonics")
    before = snapshot()
    result = import_interventions(csv_bytes(row()))
    assert [problem.column for problem in result.problems] == ["Slug"]
    assert "already used by “Renamed phonics”" in result.problems[0].message
    assert snapshot() == before


HOSTILE_DESCRIPTION = (
    '<p onclick="steal()">Runs <b>three</b> times a week with <i>short</i> '
    '<a href="https://example.org/guide" onmouseover="steal()">guidance</a>.</p>'
    "<script>steal()</script><img src=x onerror=\"steal()\"><iframe src='https://evil.example'></iframe>"
    '<a href="javascript:steal()">click</a><ul><li>Step one</li></ul><h2>Who delivers it</h2>'
)


def test_imported_html_keeps_its_formatting_but_loses_scripts_and_event_handlers(staff_role, client):
    from send_toolkit.pages.models import InterventionDirectoryPage

    header = [*HEADER, "Description (HTML)"]
    result = import_interventions(csv_bytes([*row(), HOSTILE_DESCRIPTION], header=header))
    assert result.ok, result.problems
    stored = Intervention.objects.get(name="Phonics catch-up").description
    for unsafe in ("<script", "onerror", "onclick", "onmouseover", "javascript:", "<iframe", "<img"):
        assert unsafe not in stored
    link = '<a href="https://example.org/guide">guidance</a>'
    for kept in ("<b>three</b>", "<i>short</i>", link, "<li>Step one</li>", "<h2>Who delivers it</h2>"):
        assert kept in stored

    html = client.get(InterventionDirectoryPage.objects.get().url + "phonics-catch-up/").text
    section = html[html.index('<section class="intervention-description">') :]
    section = section[: section.index("</section>")]
    assert "<b>three</b>" in section and "guidance</a>" in section
    for unsafe in ("<script", "onerror", "onclick", "onmouseover", "javascript:", "<iframe", "<img"):
        assert unsafe not in section


def full_snapshot() -> list[dict]:
    """Every field of every intervention, many-to-many choices included."""
    rows = []
    for item in Intervention.objects.order_by("pk").prefetch_related("need_areas", "key_stages", "sub_needs"):
        values = {field.attname: getattr(item, field.attname) for field in Intervention._meta.concrete_fields}
        for name in ("need_areas", "key_stages", "sub_needs"):
            values[name] = sorted(related.pk for related in getattr(item, name).all())
        rows.append(values)
    return rows


def test_a_cell_too_long_to_read_is_reported_with_its_row_and_nothing_changes(staff_role):
    before = full_snapshot()
    too_long = "x" * (csv.field_size_limit() + 1)
    result = import_interventions(csv_bytes(row(), row("Second", **{"Summary": too_long})))
    assert [(problem.row, problem.column) for problem in result.problems] == [(3, "")]
    assert "a cell is longer than 131,072 characters" in str(result.problems[0])
    assert full_snapshot() == before


def test_an_unreadable_file_uploaded_in_the_admin_is_listed_not_an_error_page(staff_role, admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    unclosed_quote = b'"Name,Summary\n' + b"y" * (csv.field_size_limit() + 10)
    upload = SimpleUploadedFile("bad.csv", unclosed_quote, content_type="text/csv")
    response = admin_client.post("/admin/snippets/send_toolkit/intervention/import/", {"file": upload})
    assert response.status_code == 200
    assert "Nothing was imported" in response.text
    assert "Row 1: cannot be read: a cell is longer than 131,072 characters" in response.text


def test_a_nul_character_in_a_cell_is_reported_plainly_and_nothing_changes(staff_role):
    before = full_snapshot()
    result = import_interventions(csv_bytes(row(), row("Second", **{"Summary": "Short\x00summary"})))
    assert [(problem.row, problem.column) for problem in result.problems] == [(3, "Summary")]
    assert "NUL character" in result.problems[0].message and "CSV UTF-8" in result.problems[0].message
    assert full_snapshot() == before


def test_a_column_named_twice_is_reported(staff_role):
    before = full_snapshot()
    result = import_interventions(csv_bytes([*row(), "Other name"], header=[*HEADER, "name"]))
    assert [str(problem) for problem in result.problems] == [
        "Row 1, name: Column 13 repeats column 1; each column may appear once."
    ]
    assert full_snapshot() == before


def test_an_update_with_one_bad_row_changes_no_field_at_all(staff_role):
    from send_toolkit.interventions.models import SubNeed

    header = [*HEADER, "Sub-needs", "Description (HTML)", "Last reviewed"]
    sub_needs = list(SubNeed.objects.order_by("pk")[:2])
    assert len(sub_needs) == 2
    first = [*row(), sub_needs[0].name, "<p>First version.</p>", "2026-01-05"]
    assert import_interventions(csv_bytes(first, header=header)).ok
    before = full_snapshot()

    changed = row(
        **{
            "Summary": "Changed summary.",
            "Broad areas of need": "Communication and Interaction; Cognition and Learning",
            "Key stages": "Early Years",
            "THRIVE tier": "Getting More Help",
            "Group size": "2",
            "Audience": "Logged-in practitioners only",
        }
    )
    update = [*changed, sub_needs[1].name, "<p>Second version.</p>", "2026-02-06"]
    bad = [*row("Another intervention", **{"Sessions per week": "lots"}), "", "", ""]
    result = import_interventions(csv_bytes(update, bad, header=header))
    assert [(problem.row, problem.column) for problem in result.problems] == [(3, "Sessions per week")]
    assert full_snapshot() == before


def test_an_export_imported_again_leaves_every_field_as_it_was(admin_client):
    """Export → import → the same value in every field of every intervention, practitioner-only ones included."""
    from send_toolkit.pages.models import InterventionDirectoryPage

    Intervention.objects.filter(pk=Intervention.objects.order_by("pk").first().pk).update(
        description='<p>Has <b>bold</b>, a <a href="https://example.org/x?a=1&amp;b=2">link</a> and “quotes”.</p>',
        training_required='Half a day, "Lego-based" training; in-house',
        at_home="Line one\nLine two",
    )
    before = full_snapshot()
    assert any(row["audience"] == "practitioners" for row in before)
    exported = admin_client.get(InterventionDirectoryPage.objects.get().url + "export/").content
    result = import_interventions(exported)
    assert result.ok, result.problems[:5]
    assert len(result.updated) == len(before) and result.created == []
    after = full_snapshot()
    for old, new in zip(before, after, strict=True):
        changed = {name: (value, new[name]) for name, value in old.items() if new[name] != value}
        assert not changed, (old["name"], changed)


# --- Large files: bulk writes, bounded queries, the row cap, the search index and purging ---------------------


class QueryLog:
    """Every query a block runs (``CaptureQueriesContext`` keeps only the last 9,000)."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, execute, sql, params, many, context):
        self.statements.append(sql)
        return execute(sql, params, many, context)

    def writes(self) -> list[str]:
        return [sql for sql in self.statements if sql.lstrip().split(" ", 1)[0] in ("INSERT", "UPDATE", "DELETE")]


def many_rows(count: int, prefix: str = "Bulk", **overrides) -> bytes:
    return csv_bytes(*(row(f"{prefix} intervention {number:05d}", **overrides) for number in range(count)))


def logged_import(data: bytes):
    log = QueryLog()
    with connection.execute_wrapper(log):
        result = import_interventions(data)
    assert result.ok, result.problems[:3]
    return result, log


def insert_batches(rows: int) -> int:
    """Statements Django needs to insert ``rows`` interventions on this database (it caps values per statement)."""
    fields = [field for field in Intervention._meta.concrete_fields if not field.primary_key]
    per_statement = min(BATCH_SIZE, connection.ops.bulk_batch_size(fields, [None] * rows) or rows)
    return math.ceil(rows / per_statement)


def test_a_large_file_takes_the_same_queries_as_a_small_one_but_for_its_insert_batches(staff_role):
    _result, small = logged_import(many_rows(100, "Small"))
    result, large = logged_import(many_rows(1000, "Large"))
    assert len(result.created) == 1000
    # The interventions, their search entries and three through-tables are inserted in batches (on SQLite
    # Django puts at most 999 values in a statement, so 39 interventions); nothing else grows.
    extra_batches = insert_batches(1000) - insert_batches(100)
    assert len(large.statements) <= len(small.statements) + extra_batches + 3 + 10
    assert len(large.statements) < 1000 / 10  # nowhere near a query a row (it was 19 a row)


def test_importing_the_same_large_file_again_reads_a_fixed_number_of_queries_and_writes_nothing(staff_role):
    small, large = many_rows(100, "Small"), many_rows(1000, "Large")
    logged_import(small)
    logged_import(large)
    before = full_snapshot()
    _result, small_again = logged_import(small)
    result, large_again = logged_import(large)
    assert len(result.updated) == 1000 and result.created == []
    assert len(large_again.statements) == len(small_again.statements)
    assert large_again.writes() == [] and small_again.writes() == []
    assert full_snapshot() == before


def test_a_changed_large_file_updates_every_row_in_batches(staff_role):
    logged_import(many_rows(1000))
    result, log = logged_import(many_rows(1000, **{"Group size": "5", "Key stages": "KS3"}))
    assert len(result.updated) == 1000
    assert len(log.statements) < 1000 / 10
    assert set(Intervention.objects.filter(name__startswith="Bulk").values_list("group_size", flat=True)) == {5}
    stages = Intervention.key_stages.through.objects.filter(intervention__name__startswith="Bulk")
    assert set(stages.values_list("keystage__value", flat=True)) == {"ks3"} and stages.count() == 1000


def test_choices_removed_from_a_row_are_unlinked_and_others_kept(staff_role):
    assert import_interventions(csv_bytes(row(**{"Key stages": "KS1; KS2; KS3"}))).ok
    assert import_interventions(csv_bytes(row(**{"Key stages": "KS2; KS4"}))).ok
    phonics = Intervention.objects.get(name="Phonics catch-up")
    assert sorted(stage.value for stage in phonics.key_stages.all()) == ["ks2", "ks4"]


@override_settings(SEND_TOOLKIT_IMPORT_MAX_ROWS=3)
def test_a_file_over_the_row_cap_is_refused_whole_with_a_message(staff_role):
    before = full_snapshot()
    assert import_interventions(many_rows(3)).ok
    Intervention.objects.filter(name__startswith="Bulk").delete()
    result = import_interventions(many_rows(4))
    assert [str(problem) for problem in result.problems] == [
        "File: The file has more than 3 interventions; one import takes at most 3. "
        "Split it into smaller files and import each."
    ]
    assert full_snapshot() == before


@override_settings(SEND_TOOLKIT_IMPORT_MAX_ROWS=3)
def test_the_upload_form_states_the_row_cap_and_shows_it_beside_the_file(staff_role, admin_client):
    url = "/admin/snippets/send_toolkit/intervention/import/"
    assert "At most 3 interventions and 5 MB a file." in admin_client.get(url).text
    before = full_snapshot()
    upload = SimpleUploadedFile("long.csv", many_rows(4), content_type="text/csv")
    response = admin_client.post(url, {"file": upload})
    assert response.status_code == 200
    html = response.text
    message = "The file has more than 3 interventions; one import takes at most 3."
    assert message in html[html.index('class="error-message"') :]
    assert full_snapshot() == before


@override_settings(SEND_TOOLKIT_IMPORT_MAX_ROWS=3)
def test_the_command_refuses_a_file_over_the_row_cap(staff_role, tmp_path):
    path = tmp_path / "long.csv"
    path.write_bytes(many_rows(4))
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported: 1 problem"):
        call_command("send_toolkit_import_interventions", str(path), stderr=err)
    assert "The file has more than 3 interventions" in err.getvalue()
    assert not Intervention.objects.filter(name__startswith="Bulk").exists()


def test_the_row_cap_defaults_to_ten_thousand():
    assert toolkit_settings.IMPORT_MAX_ROWS == 10_000


def search(words: str):
    return get_search_backend().search(words, Intervention)


def test_imported_and_reimported_interventions_are_found_by_search(staff_role):
    assert import_interventions(csv_bytes(row(**{"Summary": "Practise with zebrafinch cards."}))).ok
    assert [item.name for item in search("zebrafinch")] == ["Phonics catch-up"]
    assert import_interventions(csv_bytes(row(**{"Summary": "Practise with kookaburra cards."}))).ok
    assert [item.name for item in search("kookaburra")] == ["Phonics catch-up"]
    assert list(search("zebrafinch")) == []


@pytest.fixture
def purged():
    recording_cache_backend.PURGED.clear()
    yield recording_cache_backend.PURGED
    recording_cache_backend.PURGED.clear()


def test_an_import_that_changes_audiences_purges_their_pages_once_committed(
    staff_role, toolkit, purged, django_capture_on_commit_callbacks
):
    assert import_interventions(csv_bytes(row(), row("Second phonics"))).ok
    assert purged == []  # new interventions are on no cached page yet (as when saved one by one)
    directory = InterventionDirectoryPage.objects.get().get_full_url()
    practitioners_only = {"Audience": "Logged-in practitioners only"}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert import_interventions(
            csv_bytes(row(**practitioners_only), row("Second phonics", **practitioners_only))
        ).ok
        assert purged == []  # not before the change is committed
    assert len(callbacks) == 1  # one purge for the whole import
    first, second = (Intervention.objects.get(name=name).slug for name in ("Phonics catch-up", "Second phonics"))
    assert {directory, directory + "export/", f"{directory}{first}/", f"{directory}{second}/"} <= set(purged)
    assert len(purged) == len(set(purged))  # each URL once, however many interventions it shows


def test_an_import_that_leaves_audiences_alone_purges_nothing(staff_role, purged, django_capture_on_commit_callbacks):
    assert import_interventions(csv_bytes(row())).ok
    with django_capture_on_commit_callbacks(execute=True):
        assert import_interventions(csv_bytes(row(**{"Summary": "New summary."}))).ok
        assert import_interventions(csv_bytes(row(**{"Summary": "New summary."}))).ok
    assert purged == []


def test_an_upload_with_an_impossible_sum_of_money_lists_it_instead_of_an_error_page(staff_role, admin_client):
    header = [*HEADER, "One-off resource cost (£)"]
    upload = SimpleUploadedFile("huge.csv", csv_bytes([*row(), "1e309"], header=header), content_type="text/csv")
    response = admin_client.post("/admin/snippets/send_toolkit/intervention/import/", {"file": upload})
    assert response.status_code == 200
    assert "Row 2, One-off resource cost (£): “1e309” is not a sum of money." in response.text
    assert not Intervention.objects.filter(name="Phonics catch-up").exists()


def test_an_upload_bad_in_every_row_lists_the_first_problems_and_counts_them_all(staff_role, admin_client):
    upload = SimpleUploadedFile("bad.csv", many_rows(300, **{"Group size": "lots"}), content_type="text/csv")
    response = admin_client.post("/admin/snippets/send_toolkit/intervention/import/", {"file": upload})
    assert response.status_code == 200
    assert "Nothing was imported: 300 problems to fix" in response.text
    assert "The first 200 are listed" in response.text
    assert response.text.count("is not a whole number") == 200


def test_an_import_that_changes_many_audiences_purges_every_page_in_a_fixed_number_of_queries(
    staff_role, toolkit, purged, django_capture_on_commit_callbacks
):
    """Past MANY_SUBJECTS, every URL of every channel is purged (a superset) rather than asking each row."""
    directory = InterventionDirectoryPage.objects.get().get_full_url()
    practitioners_only = {"Audience": "Logged-in practitioners only"}
    purge_queries = []
    for count in (MANY_SUBJECTS + 5, 3 * MANY_SUBJECTS):
        assert import_interventions(many_rows(count, f"Flip {count}")).ok
        purged.clear()
        with django_capture_on_commit_callbacks() as callbacks:
            assert import_interventions(many_rows(count, f"Flip {count}", **practitioners_only)).ok
        log = QueryLog()
        with connection.execute_wrapper(log):
            for callback in callbacks:
                callback()
        purge_queries.append(len(log.statements))
        flipped = Intervention.objects.filter(name__startswith=f"Flip {count} ")
        assert flipped.count() == count
        expected = {directory, directory + "export/", toolkit.get_site().root_url + "/sitemap.xml"}
        expected |= {f"{directory}{item.slug}/" for item in flipped}
        assert expected <= set(purged)
    assert purge_queries[0] == purge_queries[1]
