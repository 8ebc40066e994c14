"""The intervention library and the glossary: sub-needs, staff roles, cost bands, interventions, glossary terms.

Each record is matched by its key (a sub-need's or staff role's name, a cost band's label, an
intervention's slug, a glossary term's term): one this site already has is kept exactly as it is, so a
council's own staff rates and wording are never overwritten, and importing twice adds nothing. A record
whose key is new but whose other unique value (an intervention's name, a term's slug) is taken here is a
clash. An intervention keeps its audience, so one for practitioners only stays that way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from send_toolkit.contrib.exchange.references import rewrite_rich_text
from send_toolkit.contrib.exchange.sections.base import Section, error_messages, field_values, json_value, plain_fields
from send_toolkit.domain import vocabulary
from send_toolkit.glossary.models import GlossaryTerm
from send_toolkit.interventions.models import CostBand, Intervention, KeyStage, NeedArea, StaffRole, SubNeed

if TYPE_CHECKING:
    from send_toolkit.contrib.exchange.archive_reader import Archive
    from send_toolkit.contrib.exchange.checking import Check
    from send_toolkit.contrib.exchange.exporting import Export
    from send_toolkit.contrib.exchange.importing import Import
    from send_toolkit.contrib.exchange.planning import Plan


class _RecordSection(Section):
    """A snippet with a unique key and plain fields."""

    model: type[models.Model]
    key: str = "name"
    other_unique: tuple[str, ...] = ()  # unique fields besides the key: taken by another record here is a clash
    leave_out: tuple[str, ...] = ()

    @property
    def label_field(self) -> str:
        return self.key

    def fields(self) -> tuple[str, ...]:
        return plain_fields(self.model, self.leave_out)

    def export(self, export: Export) -> list[dict[str, Any]]:
        return [self.item(obj, export) for obj in self.model.objects.order_by("pk")]

    def item(self, obj: models.Model, export: Export) -> dict[str, Any]:
        fields = {field.name: field for field in self.model._meta.concrete_fields}
        return {"id": obj.pk, **{name: json_value(fields[name], obj) for name in self.fields()}}

    def check(self, archive: Archive, check: Check) -> None:
        seen: dict[str, set] = {name: set() for name in (self.key, *self.other_unique)}
        for item in archive.items(self.name):
            label = self.label(item)
            for name, values in seen.items():
                if item.get(name) in values:
                    check.problem(self.file, _("two items have this %(field)s.") % {"field": name}, label, name)
                values.add(item.get(name))
            try:
                field_values(self.model, item, self.fields())
            except ValidationError as error:
                for field, message in error_messages(error):
                    check.problem(self.file, message, label, field)
            self.check_links(item, check, label)

    def check_links(self, item: dict[str, Any], check: Check, label: str) -> None:
        """Problems in the item's references to other sections."""

    def plan(self, archive: Archive, plan: Plan) -> None:
        for item in archive.items(self.name):
            label = self.label(item)
            existing = self.model.objects.filter(**{self.key: item[self.key]}).first()
            if existing is not None:
                plan.exists(self.name, label, item["id"], existing, self.kept_detail(existing, item))
                continue
            taken = [name for name in self.other_unique if self.model.objects.filter(**{name: item[name]}).exists()]
            if taken:
                plan.clash(
                    self.name,
                    label,
                    _("this site has another record with the %(field)s “%(value)s”.")
                    % {"field": taken[0], "value": item[taken[0]]},
                )
            else:
                plan.create(self.name, label)

    def kept_detail(self, existing: models.Model, item: dict[str, Any]) -> str:
        return ""

    def create(self, archive: Archive, run: Import) -> None:
        for item in archive.items(self.name):
            if item["id"] in run.ids[self.name]:
                continue
            obj = self.model(**field_values(self.model, item, self.fields()))
            self.set_relations(obj, item, run)
            run.save(obj, self.file, self.label(item))
            run.ids[self.name][item["id"]] = obj.pk

    def set_relations(self, obj: models.Model, item: dict[str, Any], run: Import) -> None:
        """Set what plain fields do not: relations, rich text."""


class SubNeedsSection(_RecordSection):
    name = "sub_needs"
    model = SubNeed


class StaffRolesSection(_RecordSection):
    name = "staff_roles"
    model = StaffRole

    def kept_detail(self, existing: StaffRole, item: dict[str, Any]) -> str:
        if str(existing.hourly_rate) != item["hourly_rate"]:
            return _("this site’s rate (£%(rate)s an hour) is kept") % {"rate": existing.hourly_rate}
        return ""


class CostBandsSection(_RecordSection):
    name = "cost_bands"
    model = CostBand
    key = "label"


class GlossaryTermsSection(_RecordSection):
    name = "glossary_terms"
    model = GlossaryTerm
    key = "term"
    other_unique = ("slug",)


class InterventionsSection(_RecordSection):
    """Need areas and key stages travel as their fixed values; sub-needs and the staff role by archive id."""

    name = "interventions"
    model = Intervention
    key = "slug"
    other_unique = ("name",)
    leave_out = ("description",)

    def item(self, intervention: Intervention, export: Export) -> dict[str, Any]:
        visitor = export.visitor(_("intervention “%(name)s”") % {"name": intervention.name})
        return {
            **super().item(intervention, export),
            "description": rewrite_rich_text(intervention.description, visitor, "description"),
            "staff_role": intervention.staff_role_id,
            "need_areas": [area.value for area in intervention.need_areas.all()],
            "key_stages": [stage.value for stage in intervention.key_stages.all()],
            "sub_needs": [sub_need.pk for sub_need in intervention.sub_needs.all()],
        }

    def export(self, export: Export) -> list[dict[str, Any]]:
        interventions = Intervention.objects.prefetch_related("need_areas", "key_stages", "sub_needs").order_by("pk")
        return [self.item(intervention, export) for intervention in interventions]

    def check_links(self, item: dict[str, Any], check: Check, label: str) -> None:
        if item["staff_role"] is not None and item["staff_role"] not in check.ids("staff_roles"):
            check.problem(self.file, _("its staff role is not in the staff_roles section."), label, "staff_role")
        for sub_need in item["sub_needs"]:
            if sub_need not in check.ids("sub_needs"):
                check.problem(
                    self.file,
                    _("sub-need %(id)s is not in the sub_needs section.") % {"id": sub_need},
                    label,
                    "sub_needs",
                )
        for field, terms in (("need_areas", vocabulary.NEED_AREAS), ("key_stages", vocabulary.KEY_STAGES)):
            known = {term.value for term in terms}
            for value in item[field]:
                if value not in known:
                    check.problem(
                        self.file,
                        _("“%(value)s” is not one of %(known)s.") % {"value": value, "known": ", ".join(sorted(known))},
                        label,
                        field,
                    )
            if not item[field]:
                check.problem(self.file, _("at least one is needed."), label, field)
        rewrite_rich_text(item["description"], check.visitor(self.file, label), "description")

    def set_relations(self, intervention: Intervention, item: dict[str, Any], run: Import) -> None:
        visitor = run.visitor(self.file, self.label(item))
        intervention.description = rewrite_rich_text(item["description"], visitor, "description")
        intervention.staff_role_id = run.ids["staff_roles"][item["staff_role"]] if item["staff_role"] else None
        intervention.need_areas.set(NeedArea.objects.filter(value__in=item["need_areas"]))
        intervention.key_stages.set(KeyStage.objects.filter(value__in=item["key_stages"]))
        intervention.sub_needs.set(
            SubNeed.objects.filter(pk__in=[run.ids["sub_needs"][pk] for pk in item["sub_needs"]])
        )
