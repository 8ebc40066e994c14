"""Unguessable document file names: a random folder, the file's own name kept."""

from __future__ import annotations

import posixpath

from send_toolkit.domain.document_names import is_unguessable, unguessable_name


def test_the_file_keeps_its_own_name_inside_a_random_folder():
    name = unguessable_name("Hollowpine plan.pdf")
    folder, file_name = name.split("/")
    assert file_name == "Hollowpine plan.pdf"
    assert len(folder) == 32 and set(folder) <= set("0123456789abcdef")


def test_only_the_last_part_of_a_path_is_kept():
    assert posixpath.basename(unguessable_name("documents/old/plan.pdf")) == "plan.pdf"
    assert unguessable_name("documents/old/plan.pdf").count("/") == 1


def test_two_names_for_the_same_file_differ():
    assert unguessable_name("plan.pdf") != unguessable_name("plan.pdf")


def test_a_stored_name_in_a_random_folder_is_unguessable():
    assert is_unguessable(f"documents/{unguessable_name('plan.pdf')}")
    assert is_unguessable(unguessable_name("plan.pdf"))


def test_names_a_visitor_could_guess_are_not():
    assert not is_unguessable("documents/plan.pdf")
    assert not is_unguessable("plan.pdf")
    assert not is_unguessable("documents/2026/plan.pdf")
    assert not is_unguessable("documents/" + "A" * 32 + "/plan.pdf")  # not the token's spelling
    assert not is_unguessable("documents/" + "a" * 31 + "/plan.pdf")
