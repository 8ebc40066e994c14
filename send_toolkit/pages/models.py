"""The toolkit's page types and the rules for how editors may arrange them (DESIGN.md section 2).

ToolkitPage
├── NeedAreaPage            one per broad area of need
│   └── KeyStagePage        one per phase / key stage
│       └── TierPage        one per tier: Getting Advice / Getting Help / Getting More Help
├── RiskSupportPage         Getting Risk Support (standalone)
├── GuidancePage            walkthroughs and parent guides (may nest)
└── InterventionDirectoryPage
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from send_toolkit.access.api_rich_text import APIRichTextField
from send_toolkit.access.request_state import remember
from send_toolkit.access.visibility import (
    request_is_practitioner,
    restrictions_covering,
    visible_interventions,
    visible_pages,
)
from send_toolkit.blocks import GuidanceBodyBlock, RiskBodyBlock, TierBodyBlock, ToolkitBodyBlock
from send_toolkit.blocks.content import RICH_TEXT_FEATURES
from send_toolkit.domain import vocabulary
from send_toolkit.front_end.layout import layout_context
from send_toolkit.glossary.models import GlossaryTerm
from send_toolkit.interventions.costs import cost_of, rates_for_request
from send_toolkit.interventions.directory import export_csv, search_directory
from send_toolkit.interventions.models import Intervention
from send_toolkit.interventions.overview import SORT_OPTIONS, build_overview
from send_toolkit.pages.api_fields import ChoiceLabelField, VocabularyField
from send_toolkit.pages.base import BasePage
from send_toolkit.pages.parent_view import parent_view_context
from send_toolkit.pages.safeguarding import ensure_safeguarding_notice
from send_toolkit.pages.site_search import search_toolkit


class UniqueAmongSiblingsForm(WagtailAdminPageForm):
    """Stops an editor adding a second page for the same need area, key stage or tier."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field_name = self._meta.model.unique_among_siblings
        field = self.fields.get(field_name)
        if field is None or self.instance.pk is not None or self.parent_page is None:
            return
        # Offer only what the parent does not cover yet.
        taken = set(self._meta.model.objects.child_of(self.parent_page).values_list(field_name, flat=True))
        field.choices = [(value, label) for value, label in field.choices if value not in taken]

    def clean(self):
        cleaned_data = super().clean()
        model = self._meta.model
        field = model.unique_among_siblings
        value = cleaned_data.get(field)
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        if value and parent is not None:
            clash = _sibling_with_value(model, parent, field, value, exclude_pk=self.instance.pk)
            if clash is not None:
                self.add_error(field, _clash_message(model, field, value, clash))
        return cleaned_data


def _sibling_with_value(model, parent, field, value, exclude_pk=None):
    siblings = model.objects.child_of(parent).filter(**{field: value})
    if exclude_pk is not None:
        siblings = siblings.exclude(pk=exclude_pk)
    return siblings.first()


def _clash_message(model, field, value, clash) -> str:
    label = dict(model._meta.get_field(field).choices).get(value, value)
    return f"“{clash.title}” already covers {label} here. Edit that page instead of adding another."


class UniqueAmongSiblingsMixin(models.Model):
    unique_among_siblings = ""

    base_form_class = UniqueAmongSiblingsForm

    class Meta:
        abstract = True

    @classmethod
    def can_create_at(cls, parent) -> bool:
        """Hide the page type from "Add child page" once every value is covered under that parent."""
        if not super().can_create_at(parent):
            return False
        choices = cls._meta.get_field(cls.unique_among_siblings).choices
        taken = cls.objects.child_of(parent).values_list(cls.unique_among_siblings, flat=True).distinct()
        return taken.count() < len(choices)

    def clean(self):
        super().clean()
        self._check_unique_among_siblings()

    def minimal_clean(self):
        # Wagtail validates drafts with minimal_clean() only; a duplicate draft is still a duplicate.
        super().minimal_clean()
        self._check_unique_among_siblings()

    def _check_unique_among_siblings(self) -> None:
        if not self.path or self.depth is None or self.depth < 2:
            return
        parent = self.get_parent()
        value = getattr(self, self.unique_among_siblings)
        clash = _sibling_with_value(type(self), parent, self.unique_among_siblings, value, exclude_pk=self.pk)
        if clash is not None:
            raise ValidationError(
                {self.unique_among_siblings: _clash_message(type(self), self.unique_among_siblings, value, clash)}
            )

    def can_move_to(self, parent) -> bool:
        """Moving saves a plain Page, so clean() never runs: refuse a parent that already has this value."""
        if not super().can_move_to(parent):
            return False
        return self.move_clash_message(parent) is None

    def move_clash_message(self, parent) -> str | None:
        """Why this page may not move under ``parent``, or None when it may."""
        if self.path and self.is_child_of(parent):
            return None  # reordering among its own siblings
        value = getattr(self, self.unique_among_siblings)
        clash = _sibling_with_value(type(self), parent, self.unique_among_siblings, value, exclude_pk=self.pk)
        if clash is None:
            return None
        label = dict(self._meta.get_field(self.unique_among_siblings).choices).get(value, value)
        return (
            f"“{self.title}” can’t move under “{parent.title}”: “{clash.title}” already covers {label} there. "
            "Choose a parent without one, or move or delete that page first."
        )


def _view_restrictions_in_one_query(page):
    """The same restrictions as Wagtail's ``Page.get_view_restrictions``, or None for a page not in the tree yet.

    Wagtail checks the page and each ancestor, an alias standing for the page it copies. The ancestors' paths
    are prefixes of the page's own, so one sub-query finds them without loading them first.
    """
    if not page.pk or not page.path:
        return None
    paths = [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]
    checked = (
        BasePage.objects.filter(path__in=paths)
        .annotate(checked=Coalesce("alias_of__alias_of_id", "alias_of_id", "id"))
        .values("checked")
    )
    return PageViewRestriction.objects.filter(page_id__in=checked)


def _view_restrictions_read_for_request(page):
    """The same restrictions as Wagtail's ``Page.get_view_restrictions``, from those ``access`` has read for the
    request that routed to ``page``; None when that can't be done exactly. A public page (the usual case) then
    needs no query at all; a restricted one, one query by primary key.

    Exact only when every ancestor is known (routing keeps each page's parent) and none is an alias, since
    Wagtail checks an alias's original instead of the alias: then it is every restriction above on the path.
    """
    request = page.__dict__.get("_routed_request")
    if request is None:
        return None
    ancestor = page
    while ancestor.depth > 2:  # the tree's root (depth 1) is never an alias
        if ancestor.alias_of_id is not None or "_cached_parent_obj" not in ancestor.__dict__:
            return None
        ancestor = ancestor._cached_parent_obj
    if ancestor.alias_of_id is not None:
        return None
    covering = [restriction.pk for restriction in restrictions_covering(request, page)]
    if not covering:
        return PageViewRestriction.objects.none()  # a queryset, as Wagtail's callers expect, that reads nothing
    return PageViewRestriction.objects.filter(pk__in=covering)


class ToolkitPageMixin(models.Model):
    """Fields and behaviour every toolkit page shares."""

    introduction = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    last_reviewed = models.DateField(null=True, blank=True, help_text="When the content was last checked.")
    next_review_due = models.DateField(null=True, blank=True, help_text="When the content should next be checked.")

    review_panels = [MultiFieldPanel([FieldPanel("last_reviewed"), FieldPanel("next_review_due")], heading="Review")]

    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    # The Wagtail API's fields (contrib/api): rich text and bodies hold only what the reader may see.
    api_fields = [
        APIField("introduction", serializer=APIRichTextField(features=RICH_TEXT_FEATURES)),
        APIField("last_reviewed"),
        APIField("next_review_due"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(layout_context())
        return context

    def toolkit(self) -> ToolkitPage | None:
        """The toolkit this page belongs to (itself, for a toolkit; otherwise its nearest live toolkit ancestor).
        Routing keeps each page's parent, so a page being served finds it without a query; otherwise the
        tree is asked."""
        if isinstance(self, ToolkitPage):
            return self
        ancestor = self.__dict__.get("_cached_parent_obj")
        while ancestor is not None:
            if isinstance(ancestor, ToolkitPage):
                if ancestor.live:
                    return ancestor
                break
            ancestor = ancestor.__dict__.get("_cached_parent_obj")
        return ToolkitPage.objects.ancestor_of(self).live().last()

    def visible_children(self, request, model: type[BasePage] | None = None) -> PageQuerySet:
        if model is not None:
            # One query: the toolkit's page types are concrete, so ``model`` rows need no ``.specific()``.
            return visible_pages(request, model.objects.child_of(self))
        return visible_pages(request, self.get_children().specific())

    def route(self, request, path_components):
        """Wagtail's routing, but each child is loaded in one query rather than two (a generic page, then its
        specific one): one query more for every level of the tree would put pages over their query budget."""
        if path_components:
            return self._child_with_slug(request, path_components[0]).route(request, path_components[1:])
        return super().route(request, path_components)

    def _child_with_slug(self, request, slug: str) -> BasePage:
        """The specific child page with this web address, every allowed child type joined in. 404 if none."""
        accessors = [
            model._meta.get_ancestor_link(BasePage).remote_field.get_accessor_name()
            for model in self.specific_class.allowed_subpage_models()
            if list(model._meta.parents) == [BasePage]
        ]
        child = BasePage.objects.child_of(self).filter(slug=slug).select_related(*accessors).first()
        if child is None:
            raise Http404
        specific = next(
            (
                joined
                for joined in (getattr(child, accessor, None) for accessor in accessors)
                if joined is not None and type(joined) is child.specific_class
            ),
            None,
        )
        if specific is None:  # a type this page does not expect (added by code, say): as Wagtail loads it
            specific = child.specific
        specific._cached_parent_obj = self  # as Wagtail does, so get_parent() needs no query
        specific._routed_request = request  # for get_view_restrictions, should this page be served
        return specific

    def get_view_restrictions(self):
        """Wagtail's view restrictions for this page, read once per page object (so once per request served)
        and in one query: Wagtail's privacy hook and the toolkit's stricter one both ask on every page."""
        if "_view_restrictions" not in self.__dict__:
            restrictions = _view_restrictions_read_for_request(self)
            if restrictions is None:
                restrictions = _view_restrictions_in_one_query(self)
            self._view_restrictions = super().get_view_restrictions() if restrictions is None else restrictions
        return self._view_restrictions

    def intervention_directory(self, request) -> InterventionDirectoryPage | None:
        """The intervention directory of this page's toolkit, if the request may see it (the one place it is found)."""
        toolkit = self.toolkit()
        return toolkit.directory(request) if toolkit is not None else None


class ToolkitHomePageMixin(RoutablePageMixin, ToolkitPageMixin):
    """The home of one council's Graduated Approach Toolkit.

    Routes (under the page's own URL):
      ``./search/``     site search over pages, interventions and glossary terms (route name ``search``):
                        GET q, need_area, key_stage; results only what the request may see
      ``./glossary/``   every glossary term, A to Z (route name ``glossary``)
    """

    how_to_use = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="How the toolkit is organised and how to use it.",
    )
    body = StreamField(ToolkitBodyBlock(), blank=True, use_json_field=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("how_to_use"),
        FieldPanel("body"),
    ]
    settings_panels = BasePage.settings_panels + ToolkitPageMixin.review_panels

    subpage_types = [
        "send_toolkit.NeedAreaPage",
        "send_toolkit.RiskSupportPage",
        "send_toolkit.GuidancePage",
        "send_toolkit.InterventionDirectoryPage",
        "send_toolkit.AccessibilityStatementPage",
    ]
    search_fields = ToolkitPageMixin.search_fields + [index.SearchField("how_to_use"), index.SearchField("body")]
    api_fields = ToolkitPageMixin.api_fields + [
        APIField("how_to_use", serializer=APIRichTextField(features=RICH_TEXT_FEATURES)),
        APIField("body"),
    ]
    template = "send_toolkit/pages/toolkit_page.html"

    class Meta:
        abstract = True
        verbose_name = "SEND toolkit home"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        need_areas = list(self.visible_children(request, NeedAreaPage))
        need_areas.sort(key=lambda page: vocabulary.order_of(vocabulary.NEED_AREAS, page.need_area))
        key_stages = visible_pages(request, KeyStagePage.objects.descendant_of(self)).specific()
        by_area: dict[int, dict[str, KeyStagePage]] = {}
        parent_of = {}
        for stage in key_stages:
            parent_path = stage.path[: -BasePage.steplen]
            parent_of.setdefault(parent_path, {})[stage.key_stage] = stage
        for area in need_areas:
            by_area[area.pk] = parent_of.get(area.path, {})
        context["need_area_grid"] = [
            (area, [(term, by_area[area.pk].get(term.value)) for term in vocabulary.KEY_STAGES]) for area in need_areas
        ]
        context["key_stage_terms"] = vocabulary.KEY_STAGES
        context["risk_pages"] = self.visible_children(request, RiskSupportPage)
        context["guidance_pages"] = self.visible_children(request, GuidancePage)
        context["directory_pages"] = self.visible_children(request, InterventionDirectoryPage)
        family_kinds = [GuidanceKind.APDR, GuidanceKind.PARENT_GUIDE]
        guides = GuidancePage.objects.descendant_of(self).filter(kind__in=family_kinds).order_by("path")
        context["parent_guides"] = visible_pages(request, guides)
        return context

    @route_path("", name="home")
    def home(self, request):
        return self.render(request)

    def directory(self, request) -> InterventionDirectoryPage | None:
        """This toolkit's intervention directory, if the request may see it; looked up once per request."""
        return remember(
            request,
            f"intervention_directory:{self.pk}",
            lambda: visible_pages(request, InterventionDirectoryPage.objects.child_of(self)).first(),
        )

    def scope_paths(self, need_area: str, key_stage: str) -> list[str] | None:
        """Tree paths of the need area and key stage sections chosen (None when neither is chosen)."""
        area_paths = list(
            NeedAreaPage.objects.child_of(self).filter(need_area=need_area).values_list("path", flat=True)
        )
        if key_stage:
            stages = KeyStagePage.objects.descendant_of(self).filter(key_stage=key_stage).values_list("path", flat=True)
            return [path for path in stages if not need_area or any(path.startswith(area) for area in area_paths)]
        return area_paths if need_area else None

    @route_path("search/", name="search")
    def search(self, request):
        context = {
            "search": search_toolkit(request, self, request.GET),
            "need_area_terms": vocabulary.NEED_AREAS,
            "key_stage_terms": vocabulary.KEY_STAGES,
            "intervention_directory": self.directory(request),
        }
        response = self.render(request, template="send_toolkit/pages/search.html", context_overrides=context)
        return _private_if_practitioner(request, response)

    @route_path("accessibility-statement/", name="accessibility_statement")
    def accessibility_statement(self, request):
        """A stable address for the footer link, whatever the statement page's slug."""
        statement = visible_pages(request, AccessibilityStatementPage.objects.child_of(self)).first()
        if statement is None:
            raise Http404("This toolkit has no accessibility statement yet.")
        return redirect(statement.get_url(request))

    @route_path("glossary/", name="glossary")
    def glossary(self, request):
        context = {"glossary_terms": GlossaryTerm.objects.all()}
        return self.render(request, template="send_toolkit/pages/glossary.html", context_overrides=context)


class ToolkitPage(ToolkitHomePageMixin, BasePage):
    """The page type editors add: ToolkitHomePageMixin on the site's base page model."""

    # Wagtail gives every page class a template named after the class unless the class itself names one,
    # so each concrete page type repeats its mixin's.
    template = ToolkitHomePageMixin.template


class ParentViewMixin(RoutablePageMixin):
    """A parent and carer view at ``./parents/`` (route name ``parents``) leading with what families can do.

    Both views are public pages in their own right: the same for everyone, so they stay cacheable.
    """

    parent_view_template = "send_toolkit/pages/parent_view.html"

    @route_path("", name="staff")
    def staff_view(self, request):
        return self.render(request)

    @route_path("parents/", name="parents")
    def parent_view(self, request):
        context = parent_view_context(request, self)
        return self.render(request, template=self.parent_view_template, context_overrides=context)


EASY_READ_FEATURES = ["bold", "ul", "link"]


class FamilySectionMixin(ParentViewMixin, UniqueAmongSiblingsMixin, ToolkitPageMixin):
    """What a need area and a key stage share: one per parent, an Easy Read summary and a parent view."""

    easy_read_summary = RichTextField(
        features=EASY_READ_FEATURES,
        blank=True,
        help_text="Optional Easy Read summary for families: short sentences, one idea each. Shown first in the "
        "parent and carer view.",
    )
    body = StreamField(ToolkitBodyBlock(), blank=True, use_json_field=True)

    api_fields = ToolkitPageMixin.api_fields + [
        APIField("easy_read_summary", serializer=APIRichTextField(features=EASY_READ_FEATURES)),
        APIField("body"),
    ]

    class Meta:
        abstract = True


class NeedAreaPageMixin(FamilySectionMixin):
    need_area = models.CharField(
        max_length=40, choices=vocabulary.choices(vocabulary.NEED_AREAS), verbose_name="broad area of need"
    )

    unique_among_siblings = "need_area"
    content_panels = BasePage.content_panels + [
        FieldPanel("need_area"),
        FieldPanel("introduction"),
        FieldPanel("easy_read_summary"),
        FieldPanel("body"),
    ]
    settings_panels = BasePage.settings_panels + ToolkitPageMixin.review_panels
    parent_page_types = ["send_toolkit.ToolkitPage"]
    subpage_types = ["send_toolkit.KeyStagePage"]
    search_fields = ToolkitPageMixin.search_fields + [index.SearchField("body"), index.FilterField("need_area")]
    api_fields = FamilySectionMixin.api_fields + [
        APIField("need_area", serializer=VocabularyField(vocabulary.NEED_AREAS)),
    ]
    template = "send_toolkit/pages/need_area_page.html"

    class Meta:
        abstract = True
        verbose_name = "area of need"

    @property
    def need_area_term(self) -> vocabulary.Term:
        return vocabulary.by_value(vocabulary.NEED_AREAS, self.need_area)

    def key_stage_pages(self, request) -> list[KeyStagePage]:
        """This need area's key stage pages the request may see, in key stage order."""
        stages = list(self.visible_children(request, KeyStagePage))
        stages.sort(key=lambda page: vocabulary.order_of(vocabulary.KEY_STAGES, page.key_stage))
        return stages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stages = self.key_stage_pages(request)
        tiers = visible_pages(request, TierPage.objects.descendant_of(self)).specific()
        tiers_by_stage: dict[str, dict[str, TierPage]] = {}
        for tier in tiers:
            tiers_by_stage.setdefault(tier.path[: -BasePage.steplen], {})[tier.tier] = tier
        context["stage_grid"] = [
            (stage, [(term, tiers_by_stage.get(stage.path, {}).get(term.value)) for term in vocabulary.TIERS])
            for stage in stages
        ]
        context["tier_terms"] = vocabulary.TIERS
        return context


class NeedAreaPage(NeedAreaPageMixin, BasePage):
    """The page type editors add: NeedAreaPageMixin on the site's base page model."""

    template = NeedAreaPageMixin.template


class KeyStagePageMixin(FamilySectionMixin):
    key_stage = models.CharField(
        max_length=40, choices=vocabulary.choices(vocabulary.KEY_STAGES), verbose_name="phase or key stage"
    )

    unique_among_siblings = "key_stage"
    content_panels = BasePage.content_panels + [
        FieldPanel("key_stage"),
        FieldPanel("introduction"),
        FieldPanel("easy_read_summary"),
        FieldPanel("body"),
    ]
    settings_panels = BasePage.settings_panels + ToolkitPageMixin.review_panels
    parent_page_types = ["send_toolkit.NeedAreaPage"]
    subpage_types = ["send_toolkit.TierPage"]
    search_fields = ToolkitPageMixin.search_fields + [index.SearchField("body"), index.FilterField("key_stage")]
    api_fields = FamilySectionMixin.api_fields + [
        APIField("key_stage", serializer=VocabularyField(vocabulary.KEY_STAGES)),
    ]
    template = "send_toolkit/pages/key_stage_page.html"

    class Meta:
        abstract = True
        verbose_name = "key stage"

    @property
    def key_stage_term(self) -> vocabulary.Term:
        return vocabulary.by_value(vocabulary.KEY_STAGES, self.key_stage)

    def need_area_page(self) -> NeedAreaPage | None:
        """The area of need this key stage sits in: its parent (in memory already when the page was routed to)."""
        parent = self.get_parent()
        parent = parent.specific if parent is not None else None
        return parent if isinstance(parent, NeedAreaPage) else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tiers = self.tier_pages(request)
        context["tiers"] = tiers
        context.update(self.intervention_overview(request, tiers))
        return context

    def intervention_overview(self, request, tiers: list[TierPage]) -> dict:
        """Context for the Intervention Overview table (sorted by ``?sort=``), in a fixed number of queries."""
        need_area = self.need_area_value()
        rows, sort = build_overview(request, need_area, self.key_stage, tiers, request.GET.get("sort", ""))
        return {
            "overview_rows": rows,
            "overview_sort": sort,
            "overview_sort_options": SORT_OPTIONS,
            "overview_school_weeks": rates_for_request(request).school_weeks,
            "intervention_directory": self.intervention_directory(request),
        }

    def need_area_value(self) -> str | None:
        """The broad area of need this key stage sits in."""
        area = self.need_area_page()
        return area.need_area if area is not None else None

    def tier_pages(self, request) -> list[TierPage]:
        """This key stage's tier pages the request may see, in tier order."""
        tiers = list(self.visible_children(request, TierPage))
        tiers.sort(key=lambda page: vocabulary.order_of(vocabulary.TIERS, page.tier))
        return tiers

    def interventions_for_families(self, request) -> list[Intervention]:
        """Interventions tagged for this key stage and need area that say something to families, A to Z."""
        interventions = visible_interventions(
            request,
            Intervention.objects.filter(need_areas__value=self.need_area_value(), key_stages__value=self.key_stage),
        )
        return list(interventions.exclude(for_parents="", at_home="").distinct().order_by("name"))


class KeyStagePage(KeyStagePageMixin, BasePage):
    """The page type editors add: KeyStagePageMixin on the site's base page model."""

    template = KeyStagePageMixin.template


class TierPageMixin(UniqueAmongSiblingsMixin, ToolkitPageMixin):
    tier = models.CharField(max_length=40, choices=vocabulary.choices(vocabulary.TIERS), verbose_name="THRIVE tier")
    body = StreamField(TierBodyBlock(), blank=True, use_json_field=True)

    unique_among_siblings = "tier"
    content_panels = BasePage.content_panels + [FieldPanel("tier"), FieldPanel("introduction"), FieldPanel("body")]
    settings_panels = BasePage.settings_panels + ToolkitPageMixin.review_panels
    parent_page_types = ["send_toolkit.KeyStagePage"]
    subpage_types: list[str] = []
    search_fields = ToolkitPageMixin.search_fields + [index.SearchField("body"), index.FilterField("tier")]
    api_fields = ToolkitPageMixin.api_fields + [
        APIField("tier", serializer=VocabularyField(vocabulary.TIERS)),
        APIField("body"),
    ]
    template = "send_toolkit/pages/tier_page.html"

    class Meta:
        abstract = True
        verbose_name = "tier"

    @property
    def tier_term(self) -> vocabulary.Term:
        return vocabulary.by_value(vocabulary.TIERS, self.tier)


class TierPage(TierPageMixin, BasePage):
    """The page type editors add: TierPageMixin on the site's base page model."""

    template = TierPageMixin.template


class RiskSupportPageMixin(ToolkitPageMixin):
    """Getting Risk Support: a standalone section, always shown with the safeguarding notice."""

    body = StreamField(RiskBodyBlock(), blank=True, use_json_field=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    settings_panels = BasePage.settings_panels + ToolkitPageMixin.review_panels
    parent_page_types = ["send_toolkit.ToolkitPage", "send_toolkit.RiskSupportPage"]
    subpage_types = ["send_toolkit.RiskSupportPage"]
    search_fields = ToolkitPageMixin.search_fields + [index.SearchField("body")]
    api_fields = ToolkitPageMixin.api_fields + [APIField("safeguarding_notice"), APIField("body")]
    template = "send_toolkit/pages/risk_support_page.html"

    class Meta:
        abstract = True
        verbose_name = "Getting Risk Support page"

    @property
    def safeguarding_notice(self) -> str:
        """The notice every Getting Risk Support page shows (the API gives it with the page, as the page does)."""
        return vocabulary.SAFEGUARDING_NOTICE

    def serve(self, request, *args, **kwargs):
        # The notice lives in the template, not the body, so editors cannot remove it; and if a
        # council's own template leaves it out, it is put back at the top of the main content.
        return ensure_safeguarding_notice(request, super().serve(request, *args, **kwargs))


class RiskSupportPage(RiskSupportPageMixin, BasePage):
    """The page type editors add: RiskSupportPageMixin on the site's base page model."""

    template = RiskSupportPageMixin.template


class GuidanceKind(models.TextChoices):
    GENERAL = "general", "General guidance"
    WALKTHROUGH = "walkthrough", "SENCO best-practice walkthrough"
    PARENT_GUIDE = "parent_guide", "Guide for parents and carers"
    APDR = "apdr", "Assess, Plan, Do, Review explainer"


class GuidancePageMixin(ToolkitPageMixin):
    kind = models.CharField(max_length=20, choices=GuidanceKind.choices, default=GuidanceKind.GENERAL)
    body = StreamField(GuidanceBodyBlock(), blank=True, use_json_field=True)

    content_panels = BasePage.content_panels + [FieldPanel("kind"), FieldPanel("introduction"), FieldPanel("body")]
    settings_panels = BasePage.settings_panels + ToolkitPageMixin.review_panels
    parent_page_types = ["send_toolkit.ToolkitPage", "send_toolkit.GuidancePage"]
    subpage_types = ["send_toolkit.GuidancePage"]
    search_fields = ToolkitPageMixin.search_fields + [index.SearchField("body"), index.FilterField("kind")]
    api_fields = ToolkitPageMixin.api_fields + [
        APIField("kind", serializer=ChoiceLabelField(GuidanceKind.choices)),
        APIField("body"),
    ]
    template = "send_toolkit/pages/guidance_page.html"

    class Meta:
        abstract = True
        verbose_name = "guidance page"

    kind_templates = {GuidanceKind.APDR: "send_toolkit/pages/guidance_apdr.html"}

    def get_template(self, request, *args, **kwargs):
        return self.kind_templates.get(self.kind) or super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_guides"] = self.visible_children(request, GuidancePage)
        return context


class GuidancePage(GuidancePageMixin, BasePage):
    """The page type editors add: GuidancePageMixin on the site's base page model."""

    template = GuidancePageMixin.template


class InterventionDirectoryPageMixin(RoutablePageMixin, ToolkitPageMixin):
    """Every intervention, faceted and searchable, with a page per intervention and a CSV export.

    Routes (under the page's own URL):
      ``./``            the directory (route name ``directory``), filtered by GET parameters:
                        q, need_area, sub_need, key_stage, tier, delivery, cost_band, evidence, sort, page
      ``./export/``     the same filters as a CSV download (route name ``export``)
      ``./<slug>/``     one intervention (route name ``intervention``); 404 when the request may not see it
    """

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    settings_panels = BasePage.settings_panels + ToolkitPageMixin.review_panels
    parent_page_types = ["send_toolkit.ToolkitPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "send_toolkit/pages/intervention_directory_page.html"
    detail_template = "send_toolkit/pages/intervention_detail.html"

    class Meta:
        abstract = True
        verbose_name = "intervention directory"

    @route_path("", name="directory")
    def directory(self, request):
        response = self.render(request, context_overrides={"results": search_directory(request, request.GET)})
        return _private_if_practitioner(request, response)

    @route_path("export/", name="export")
    def export(self, request):
        return _private_if_practitioner(request, export_csv(request, request.GET, filename=f"{self.slug}.csv"))

    @route_path("<slug:slug>/", name="intervention")
    def intervention(self, request, slug: str):
        interventions = Intervention.objects.select_related("staff_role").prefetch_related(
            "need_areas", "key_stages", "sub_needs"
        )
        intervention = visible_interventions(request, interventions).filter(slug=slug).first()
        if intervention is None:
            raise Http404("No intervention here.")
        rates = rates_for_request(request)
        context = {"intervention": intervention, "costing": cost_of(intervention, rates), "rates": rates}
        response = self.render(request, template=self.detail_template, context_overrides=context)
        return _private_if_practitioner(request, response)

    def route_visible_to(self, request, view, args, kwargs) -> bool:
        """Whether ``request`` may see what the sub-route ``view`` shows (asked before a redirect leads there):
        an intervention's page only if the intervention is visible to them, as ``intervention`` answers."""
        if view.__name__ != "intervention":
            return True
        return visible_interventions(request, Intervention.objects.filter(slug=kwargs.get("slug"))).exists()


class InterventionDirectoryPage(InterventionDirectoryPageMixin, BasePage):
    """The page type editors add: InterventionDirectoryPageMixin on the site's base page model."""

    template = InterventionDirectoryPageMixin.template


def _private_if_practitioner(request, response):
    # A practitioner's view may hold practitioner-only content: never store it in a shared cache.
    if request_is_practitioner(request):
        patch_cache_control(response, private=True, no_store=True)
    return response


class ComplianceStatus(models.TextChoices):
    FULL = "full", "fully compliant"
    PARTIAL = "partial", "partially compliant"
    NOT = "not", "not compliant"


class AccessibilityStatementPageMixin(ToolkitPageMixin):
    """The sections follow the GOV.UK model statement; the template fills in what is left empty."""

    compliance_status = models.CharField(
        max_length=10, choices=ComplianceStatus.choices, default=ComplianceStatus.PARTIAL
    )
    non_accessible_content = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Anything that does not meet WCAG 2.2 AA yet, why, and when it will be fixed.",
    )
    feedback_contact = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="How to ask for content in another format or report a problem, and how soon you reply.",
    )
    testing_method = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="How and by whom the toolkit was tested."
    )
    statement_prepared = models.DateField(null=True, blank=True)
    last_tested = models.DateField(null=True, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("compliance_status"),
        FieldPanel("non_accessible_content"),
        FieldPanel("feedback_contact"),
        MultiFieldPanel(
            [FieldPanel("testing_method"), FieldPanel("statement_prepared"), FieldPanel("last_tested")],
            heading="Preparation and testing",
        ),
    ]
    settings_panels = BasePage.settings_panels + ToolkitPageMixin.review_panels
    parent_page_types = ["send_toolkit.ToolkitPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    api_fields = ToolkitPageMixin.api_fields + [
        APIField("compliance_status", serializer=ChoiceLabelField(ComplianceStatus.choices)),
        APIField("non_accessible_content", serializer=APIRichTextField(features=RICH_TEXT_FEATURES)),
        APIField("feedback_contact", serializer=APIRichTextField(features=RICH_TEXT_FEATURES)),
        APIField("testing_method", serializer=APIRichTextField(features=RICH_TEXT_FEATURES)),
        APIField("statement_prepared"),
        APIField("last_tested"),
    ]
    template = "send_toolkit/pages/accessibility_statement_page.html"

    class Meta:
        abstract = True
        verbose_name = "accessibility statement"


class AccessibilityStatementPage(AccessibilityStatementPageMixin, BasePage):
    """The page type editors add: AccessibilityStatementPageMixin on the site's base page model."""

    template = AccessibilityStatementPageMixin.template
