"""The page tree under a toolkit home page: every toolkit page type, its fields, StreamField bodies and privacy.

A page is matched by its path of slugs under the parent chosen on import (``send-toolkit/cognition-and-
learning/ks2``): a page already at that address, of the same type, is kept exactly as it is (and so is its
privacy), and pages missing under it are created, so importing twice adds nothing. A page of another type
at the address, or a sibling already covering the same area of need, key stage or tier, is a clash.

Only the toolkit's own fields travel: title, slug, the search description, SEO title and "show in menus"
where the base page model has them, and each type's own fields. What a site's own base page model adds
(``WAGTAIL_PAGE_MODEL``) stays behind. A page keeps its own view restriction; the toolkit home also takes
the restriction of any page above it, so a toolkit that was private stays private under its new parent.
A published page is published again; a page that was never published arrives as a draft.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageViewRestriction

from send_toolkit.contrib.exchange.references import rewrite_rich_text, rewrite_stream
from send_toolkit.contrib.exchange.sections.base import Section, json_value, restriction_problems
from send_toolkit.contrib.exchange.sections.groups import recreate_restriction, restriction_data
from send_toolkit.pages.base import BasePage
from send_toolkit.pages.models import ToolkitPage

if TYPE_CHECKING:
    from send_toolkit.contrib.exchange.archive_reader import Archive
    from send_toolkit.contrib.exchange.checking import Check
    from send_toolkit.contrib.exchange.exporting import Export
    from send_toolkit.contrib.exchange.importing import Import
    from send_toolkit.contrib.exchange.planning import Plan

# Fields of Wagtail's own Page that a toolkit page uses; a base page built on AbstractPage alone lacks them.
BASE_PAGE_FIELDS = ("seo_title", "search_description", "show_in_menus")
ROOT_TYPE = ToolkitPage._meta.label


def page_types() -> dict[str, type[BasePage]]:
    """Every page type the toolkit ships, by model label (``send_toolkit.TierPage``)."""
    return {
        model._meta.label: model
        for model in apps.get_app_config("send_toolkit").get_models()
        if issubclass(model, BasePage) and model is not BasePage
    }


def page_fields(model: type[BasePage]) -> dict[str, models.Field]:
    """The fields of a toolkit page type that travel, by name."""
    base = {name: BasePage._meta.get_field(name) for name in BASE_PAGE_FIELDS if _has_field(BasePage, name)}
    own = {field.name: field for field in model._meta.local_concrete_fields if not field.is_relation}
    return {**base, **own}


def _has_field(model: type[models.Model], name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


def is_content(field: models.Field) -> bool:
    """Rich text and StreamFields: they may refer to other pages, so they are filled in after every page exists."""
    return isinstance(field, RichTextField | StreamField)


def exportable_pages(toolkit: ToolkitPage) -> list[BasePage]:
    """The toolkit home and every page below it of a toolkit page type, in tree order; a page of another type
    (added by a site's own code) is left out with everything below it."""
    types = set(page_types().values())
    kept: list[BasePage] = []
    left_out: list[str] = []
    for page in toolkit.get_descendants(inclusive=True).specific().order_by("path"):
        if type(page) not in types or any(page.path.startswith(path) for path in left_out):
            left_out.append(page.path)
            continue
        kept.append(page)
    return kept


def page_paths(items: list[dict[str, Any]], toolkit_slug: str = "") -> dict[int, str]:
    """Each archive page's path of slugs under the parent it is imported to (``send-toolkit/ks1``): its key,
    and how messages and the dry-run report name it. ``toolkit_slug`` replaces the home's own slug."""
    paths: dict[int, str] = {}
    for item in items:
        if item["parent"] is None:
            paths[item["id"]] = toolkit_slug or item["slug"]
        else:
            paths[item["id"]] = f"{paths.get(item['parent'], '…')}/{item['slug']}"
    return paths


def _rewrite(field: models.Field, raw: Any, visitor, where: str) -> Any:
    if isinstance(field, StreamField):
        return rewrite_stream(field.stream_block, raw, visitor, where)
    return rewrite_rich_text(raw or "", visitor, where)


class PagesSection(Section):
    name = "pages"
    label_field = "slug"

    def export(self, export: Export) -> list[dict[str, Any]]:
        items = []
        for page in exportable_pages(export.toolkit):
            visitor = export.visitor(_("page “%(title)s”") % {"title": page.title})
            fields = {}
            for name, field in page_fields(type(page)).items():
                if isinstance(field, StreamField):
                    fields[name] = _rewrite(field, field.get_prep_value(getattr(page, name)), visitor, name)
                elif is_content(field):
                    fields[name] = _rewrite(field, getattr(page, name), visitor, name)
                else:
                    fields[name] = json_value(field, page)
            restriction = self._restriction(page, export)
            items.append(
                {
                    "id": page.pk,
                    "parent": None if page.pk == export.toolkit.pk else page.get_parent().pk,
                    "type": page._meta.label,
                    "title": page.title,
                    "slug": page.slug,
                    "live": page.live,
                    "fields": fields,
                    "restriction": restriction_data(restriction, export) if restriction else None,
                }
            )
        return items

    def _restriction(self, page: BasePage, export: Export) -> PageViewRestriction | None:
        if page.pk == export.toolkit.pk:  # the home takes any restriction from above, as well as its own
            return page.get_view_restrictions().order_by("-page__depth").first()
        return PageViewRestriction.objects.filter(page=page).first()

    def check(self, archive: Archive, check: Check) -> None:
        types = page_types()
        seen: dict[int, dict[str, Any]] = {}
        slugs: set[tuple[int | None, str]] = set()
        paths = page_paths(archive.items(self.name))
        if not archive.items(self.name):
            check.problem(self.file, _("the archive holds no pages: a toolkit home is needed."))
        for index, item in enumerate(archive.items(self.name)):
            label = paths[item["id"]]
            model = types.get(item["type"])
            parent = seen.get(item["parent"])
            if item["parent"] is None:
                if index != 0 or item["type"] != ROOT_TYPE:
                    check.problem(
                        self.file, _("only the first page, a toolkit home, may have no parent."), label, "parent"
                    )
            elif parent is None:
                check.problem(self.file, _("its parent page must come before it in the list."), label, "parent")
            if model is None:
                check.problem(
                    self.file, _("“%(type)s” is not a toolkit page type.") % {"type": item["type"]}, label, "type"
                )
                continue
            if (
                parent is not None
                and parent["type"] in types
                and model not in types[parent["type"]].allowed_subpage_models()
            ):
                check.problem(
                    self.file,
                    _("a %(child)s cannot go under a %(parent)s.")
                    % {"child": model._meta.verbose_name, "parent": types[parent["type"]]._meta.verbose_name},
                    label,
                    "type",
                )
            if (item["parent"], item["slug"]) in slugs:
                check.problem(self.file, _("two pages with this slug have the same parent."), label, "slug")
            for message in restriction_problems(item["restriction"], check.group_names):
                check.problem(self.file, message, label, "restriction")
            self._check_fields(model, item, check, label)
            seen[item["id"]] = item
            slugs.add((item["parent"], item["slug"]))

    def _check_fields(self, model: type[BasePage], item: dict[str, Any], check: Check, label: str) -> None:
        fields = page_fields(model)
        for name in ("title", "slug"):
            try:
                BasePage._meta.get_field(name).clean(item[name], None)
            except ValidationError as error:
                check.problem(self.file, " ".join(error.messages), label, name)
        visitor = check.visitor(self.file, label)
        for name, value in item["fields"].items():
            field = fields.get(name)
            if field is None:
                if name not in BASE_PAGE_FIELDS:  # a base field this site's page model lacks is left behind
                    check.problem(
                        self.file,
                        _("a %(type)s has no field “%(field)s”.") % {"type": model._meta.verbose_name, "field": name},
                        label,
                        f"fields.{name}",
                    )
            elif is_content(field):
                _rewrite(field, value, visitor, f"fields.{name}")
            else:
                try:
                    field.clean(value, None)
                except ValidationError as error:
                    check.problem(self.file, " ".join(error.messages), label, f"fields.{name}")

    def plan(self, archive: Archive, plan: Plan) -> None:
        types = page_types()
        paths = page_paths(archive.items(self.name), plan.toolkit_slug)
        for item in archive.items(self.name):
            model = types[item["type"]]
            slug = plan.toolkit_slug if item["parent"] is None and plan.toolkit_slug else item["slug"]
            path = paths[item["id"]]
            parent = plan.parent if item["parent"] is None else plan.local(self.name, item["parent"])
            detail = self._detail(model, item)
            if parent is None:  # under a page this import creates: nothing there to clash with
                plan.create(self.name, path, detail)
                continue
            existing = BasePage.objects.child_of(parent).filter(slug=slug).first()
            if existing is not None and existing.specific_class is model:
                plan.exists(self.name, path, item["id"], existing.specific)
            elif existing is not None:
                plan.clash(
                    self.name,
                    path,
                    _("a page of another type (%(type)s) is already at this address.")
                    % {"type": existing.specific_class._meta.verbose_name},
                )
            else:
                clash = self._clash_under(model, item, parent.specific)
                if clash:
                    plan.clash(self.name, path, clash)
                else:
                    plan.create(self.name, path, detail)

    def _detail(self, model: type[BasePage], item: dict[str, Any]) -> str:
        detail = [str(model._meta.verbose_name)]
        if item["restriction"]:
            detail.append(_("restricted"))
        if not item["live"]:
            detail.append(_("draft"))
        return ", ".join(detail)

    def _clash_under(self, model: type[BasePage], item: dict[str, Any], parent: BasePage) -> str:
        """Why a new page of ``model`` may not go under an existing ``parent``, or "" when it may."""
        field = getattr(model, "unique_among_siblings", "")
        if field and field in item["fields"]:
            sibling = model.objects.child_of(parent).filter(**{field: item["fields"][field]}).first()
            if sibling is not None:
                return _("“%(title)s” (%(slug)s) already covers this %(field)s here.") % {
                    "title": sibling.title,
                    "slug": sibling.slug,
                    "field": model._meta.get_field(field).verbose_name,
                }
        if not model.can_create_at(parent):
            return _(
                "a %(type)s may not be added under “%(parent)s” (the page type is not allowed there, or it "
                "already has one)."
            ) % {"type": model._meta.verbose_name, "parent": parent.title}
        return ""

    def create(self, archive: Archive, run: Import) -> None:
        """Each missing page takes its place in the tree, as an unpublished page with its plain fields and its
        restriction; ``fill`` gives it its content once every page (and everything else) exists."""
        types = page_types()
        pages: dict[int, BasePage] = {}
        paths = page_paths(archive.items(self.name), run.plan.toolkit_slug)
        for item in archive.items(self.name):
            if item["id"] in run.ids[self.name]:
                continue
            model = types[item["type"]]
            fields = page_fields(model)
            values = {
                name: fields[name].clean(value, None)
                for name, value in item["fields"].items()
                if name in fields and not is_content(fields[name])
            }
            slug = run.plan.toolkit_slug if item["parent"] is None and run.plan.toolkit_slug else item["slug"]
            page = model(title=item["title"], slug=slug, live=False, owner=run.user, **values)
            parent = self._parent(item, pages, run)
            try:
                parent.add_child(instance=page)
            except ValidationError as error:
                run.fail_with(error, self.file, paths[item["id"]])
            pages[item["id"]] = page
            run.ids[self.name][item["id"]] = page.pk
            recreate_restriction(PageViewRestriction, item["restriction"], run, page=page)
        run.created_pages = pages

    def _parent(self, item: dict[str, Any], pages: dict[int, BasePage], run: Import) -> BasePage:
        # Always the same instance for a parent: the tree library counts children on the instance it adds to.
        key = item["parent"]
        if key not in pages:
            local_pk = run.plan.parent.pk if key is None else run.ids[self.name][key]
            pages[key] = BasePage.objects.get(pk=local_pk)
        return pages[key]

    def fill(self, archive: Archive, run: Import) -> None:
        paths = page_paths(archive.items(self.name), run.plan.toolkit_slug)
        for item in archive.items(self.name):
            page = run.created_pages.get(item["id"])
            if page is None:
                continue
            fields = page_fields(type(page))
            label = paths[item["id"]]
            visitor = run.visitor(self.file, label)
            for name, value in item["fields"].items():
                if name in fields and is_content(fields[name]):
                    setattr(page, name, _rewrite(fields[name], value, visitor, f"fields.{name}"))
                    if isinstance(fields[name], StreamField):
                        run.clean_stream(page, name, self.file, label, f"fields.{name}")
            try:
                revision = page.save_revision(user=run.user)
            except ValidationError as error:
                run.fail_with(error, self.file, label)
            if item["live"]:
                revision.publish(user=run.user)
