"""Collections, documents and images: only those the exported content uses, files included.

A collection travels with its privacy: a document in a restricted collection arrives in a collection of
the same name with the same restriction (the groups by name), so it stays restricted. When this site
already has a collection of that name but it is public while the archive's is restricted, that is a
clash: putting restricted documents in it would make them public, and restricting it would change who may
see this site's own documents, so the editor decides. Documents and images are matched by collection,
title and file contents (SHA-1, as Wagtail records it), so importing twice does not copy them twice.
"""

from __future__ import annotations

import io
import posixpath
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.utils.file import hash_filelike

from send_toolkit.contrib.exchange.archive_format import media_file_path
from send_toolkit.contrib.exchange.sections.base import Section, error_messages, field_values, restriction_problems
from send_toolkit.contrib.exchange.sections.groups import recreate_restriction, restriction_data

if TYPE_CHECKING:
    from send_toolkit.contrib.exchange.archive_reader import Archive
    from send_toolkit.contrib.exchange.checking import Check
    from send_toolkit.contrib.exchange.exporting import Export
    from send_toolkit.contrib.exchange.importing import Import
    from send_toolkit.contrib.exchange.planning import Plan


def file_hash(data: bytes) -> str:
    """The SHA-1 Wagtail records for a document or image file."""
    return hash_filelike(io.BytesIO(data))


def stored_hash(obj) -> str:
    """The SHA-1 of a stored document's or image's file: as recorded, or worked out (without saving it) for a file
    stored in code, which Wagtail leaves without one; empty when the file cannot be read."""
    if obj.file_hash:
        return obj.file_hash
    try:
        with obj.open_file() as opened:
            return hash_filelike(opened)
    except OSError:
        return ""


def is_restricted(collection: Collection) -> bool:
    """Whether documents in ``collection`` are restricted, by its own privacy or an enclosing collection's."""
    return CollectionViewRestriction.objects.filter(collection__in=collection.get_ancestors(inclusive=True)).exists()


class CollectionsSection(Section):
    name = "collections"

    def export(self, export: Export) -> list[dict[str, Any]]:
        used = Collection.objects.filter(pk__in=export.used[self.name] - {None})
        wanted = {
            collection.pk: collection
            for used_collection in used
            for collection in used_collection.get_ancestors(inclusive=True)
            if not collection.is_root()
        }
        items = []
        for collection in sorted(wanted.values(), key=lambda collection: collection.path):
            parent = collection.get_parent()
            restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
            items.append(
                {
                    "id": collection.pk,
                    "name": collection.name,
                    "parent": None if parent.is_root() else parent.pk,
                    "restriction": restriction_data(restriction, export) if restriction else None,
                }
            )
        return items

    def check(self, archive: Archive, check: Check) -> None:
        seen: set[int] = set()
        siblings: set[tuple[int | None, str]] = set()
        for item in archive.items(self.name):
            label = item["name"]
            if item["parent"] is not None and item["parent"] not in seen:
                check.problem(self.file, _("its parent collection must come before it in the list."), label, "parent")
            if (item["parent"], item["name"]) in siblings:
                check.problem(self.file, _("two collections of this name have the same parent."), label, "name")
            for message in restriction_problems(item["restriction"], check.group_names):
                check.problem(self.file, message, label, "restriction")
            seen.add(item["id"])
            siblings.add((item["parent"], item["name"]))

    def plan(self, archive: Archive, plan: Plan) -> None:
        root = Collection.get_first_root_node()
        paths: dict[int, str] = {}
        for item in archive.items(self.name):
            parent_path = paths.get(item["parent"], "")
            paths[item["id"]] = f"{parent_path}/{item['name']}".lstrip("/")
            parent = root if item["parent"] is None else plan.local(self.name, item["parent"])
            existing = parent.get_children().filter(name=item["name"]).first() if parent is not None else None
            if existing is None:
                plan.create(self.name, paths[item["id"]], _("restricted") if item["restriction"] else "")
            elif item["restriction"] and not is_restricted(existing):
                plan.clash(
                    self.name,
                    paths[item["id"]],
                    _(
                        "this site’s collection of that name is public, but the archive’s is restricted: restrict it, "
                        "or rename it, then import again."
                    ),
                )
            else:
                plan.exists(self.name, paths[item["id"]], item["id"], existing)

    def create(self, archive: Archive, run: Import) -> None:
        root = Collection.get_first_root_node()
        for item in archive.items(self.name):
            if item["id"] in run.ids[self.name]:
                continue
            parent = root if item["parent"] is None else Collection.objects.get(pk=run.ids[self.name][item["parent"]])
            collection = parent.add_child(instance=Collection(name=item["name"]))
            run.ids[self.name][item["id"]] = collection.pk
            recreate_restriction(CollectionViewRestriction, item["restriction"], run, collection=collection)


class _MediaSection(Section):
    """What documents and images share: a collection, a title and a file in the archive."""

    label_field = "title"
    fields: tuple[str, ...] = ("title",)

    def model(self):
        raise NotImplementedError

    def item(self, obj) -> dict[str, Any]:
        return {}

    def export(self, export: Export) -> list[dict[str, Any]]:
        items = []
        for obj in self.model().objects.filter(pk__in=export.used[self.name]).order_by("pk"):
            with obj.open_file() as opened:
                data = opened.read()
            path = media_file_path(self.name, obj.pk, obj.file.name)
            export.add_file(path, data)
            collection = None if obj.collection.is_root() else obj.collection_id
            if collection is None and is_restricted(obj.collection):
                export.note(
                    _(
                        "“%(title)s” is in the root collection, which is restricted here; it arrives in the other "
                        "site’s root collection, under that site’s privacy."
                    )
                    % {"title": obj.title}
                )
            export.used["collections"].add(collection)
            items.append({"id": obj.pk, "title": obj.title, "collection": collection, "file": path, **self.item(obj)})
        return items

    def check(self, archive: Archive, check: Check) -> None:
        collections = check.ids("collections")
        for item in archive.items(self.name):
            label = item["title"]
            if item["collection"] is not None and item["collection"] not in collections:
                check.problem(self.file, _("its collection is not in the collections section."), label, "collection")
            if item["file"] not in archive.files:
                check.problem(self.file, _("its file is not listed in the manifest."), label, "file")
                continue
            try:
                field_values(self.model(), item, self.fields)
                self.check_file(posixpath.basename(item["file"]), archive.read_file(item["file"]))
            except ValidationError as error:
                for field, message in error_messages(error):
                    check.problem(self.file, message, label, field or "file")

    def check_file(self, name: str, data: bytes) -> None:
        """Raises ValidationError when this site would not take the file (its type, its size)."""

    def plan(self, archive: Archive, plan: Plan) -> None:
        root = Collection.get_first_root_node()
        for item in archive.items(self.name):
            collection = root if item["collection"] is None else plan.local("collections", item["collection"])
            existing = None
            if collection is not None:
                digest = file_hash(archive.read_file(item["file"]))
                candidates = self.model().objects.filter(collection=collection, title=item["title"]).order_by("pk")
                existing = next((obj for obj in candidates if stored_hash(obj) == digest), None)
            if existing is None:
                plan.create(self.name, item["title"])
            else:
                plan.exists(self.name, item["title"], item["id"], existing)

    def create(self, archive: Archive, run: Import) -> None:
        for item in archive.items(self.name):
            if item["id"] in run.ids[self.name]:
                continue
            data = archive.read_file(item["file"])
            obj = self.new(item, data, posixpath.basename(item["file"]))
            collection = item["collection"]
            obj.collection_id = (
                run.ids["collections"][collection] if collection else Collection.get_first_root_node().pk
            )
            obj.file_size = len(data)
            obj.file_hash = file_hash(data)
            run.save(obj, self.file, item["title"])
            run.saved_file(obj.file)
            run.ids[self.name][item["id"]] = obj.pk

    def new(self, item: dict[str, Any], data: bytes, file_name: str):
        raise NotImplementedError


class DocumentsSection(_MediaSection):
    name = "documents"

    def model(self):
        return get_document_model()

    def check_file(self, name: str, data: bytes) -> None:
        self.model()(title=name, file=ContentFile(b"", name=name)).clean()  # WAGTAILDOCS_EXTENSIONS

    def new(self, item: dict[str, Any], data: bytes, file_name: str):
        return self.model()(title=item["title"], file=ContentFile(data, name=file_name))


class ImagesSection(_MediaSection):
    name = "images"
    fields = ("title", "description")

    def model(self):
        return get_image_model()

    def item(self, image) -> dict[str, Any]:
        focal_point = None
        if image.has_focal_point():
            focal_point = {
                "x": image.focal_point_x,
                "y": image.focal_point_y,
                "width": image.focal_point_width,
                "height": image.focal_point_height,
            }
        return {"description": getattr(image, "description", ""), "focal_point": focal_point}

    def check_file(self, name: str, data: bytes) -> None:
        WagtailImageField().clean(SimpleUploadedFile(name, data))  # format, size and pixels, as an upload

    def new(self, item: dict[str, Any], data: bytes, file_name: str):
        image = self.model()(title=item["title"], file=ImageFile(io.BytesIO(data), name=file_name))
        if hasattr(image, "description"):
            image.description = item.get("description", "")
        focal_point = item.get("focal_point")
        if focal_point:
            image.focal_point_x = focal_point["x"]
            image.focal_point_y = focal_point["y"]
            image.focal_point_width = focal_point["width"]
            image.focal_point_height = focal_point["height"]
        return image
