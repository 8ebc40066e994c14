"""The intervention directory's facets, built on django-filter.

Every facet is turned into a ``Q`` object that works on a plain Intervention
queryset (many-to-many facets use sub-queries, so no row is duplicated). The
same ``Q`` objects filter the list and count the options of every facet in a
fixed number of queries: an option's count is how many interventions would be
listed if it were ticked, given everything else already chosen.

A facet offers only the values that some intervention the visitor may see
carries (``offered_options``): a sub-need, a tier or a cost band used only by
practitioner-only interventions is not even named to anyone else, nor accepted
from their query string.
"""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import CharField, Count, Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.translation import gettext

from send_toolkit.domain import vocabulary
from send_toolkit.domain.costing import BandRange, band_ranges, format_money
from send_toolkit.domain.search_words import plain_words
from send_toolkit.interventions.costs import COST_PER_PUPIL_PENCE
from send_toolkit.interventions.models import CostBand, Delivery, EvidenceStrength, Intervention

M2M_FACETS = {
    "need_area": (Intervention.need_areas.through, "needarea__value"),
    "key_stage": (Intervention.key_stages.through, "keystage__value"),
    "sub_need": (Intervention.sub_needs.through, "subneed_id"),
}
# The link field of each many-to-many facet's table, and the field of the linked row that is the option's value.
OPTION_LINKS = {"need_area": ("needarea", "value"), "key_stage": ("keystage", "value"), "sub_need": ("subneed", "pk")}
FIELD_FACETS = {"tier": "tier", "delivery": "delivery", "evidence": "evidence_strength"}
FACET_NAMES = ("need_area", "sub_need", "key_stage", "tier", "delivery", "cost_band", "evidence")

#: For each facet, the values offered to a visitor, each with its label where the facet has no fixed
#: vocabulary (sub-needs) and the key it sorts by.
OfferedOptions = dict[str, dict[str, tuple[str, str]]]


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    legend: str
    options: list[FacetOption]

    @property
    def selected_count(self) -> int:
        return sum(1 for option in self.options if option.selected)


class InterventionFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search interventions", method="by_search")
    need_area = django_filters.MultipleChoiceFilter(
        label="Broad area of need", choices=vocabulary.choices(vocabulary.NEED_AREAS), method="by_facet"
    )
    sub_need = django_filters.MultipleChoiceFilter(label="Specific need", choices=[], method="by_facet")
    key_stage = django_filters.MultipleChoiceFilter(
        label="Phase or key stage", choices=vocabulary.choices(vocabulary.KEY_STAGES), method="by_facet"
    )
    tier = django_filters.MultipleChoiceFilter(
        label="THRIVE tier", choices=vocabulary.choices(vocabulary.TIERS), method="by_facet"
    )
    delivery = django_filters.MultipleChoiceFilter(label="Delivery", choices=Delivery.choices, method="by_facet")
    cost_band = django_filters.MultipleChoiceFilter(label="Cost per pupil", choices=[], method="by_facet")
    evidence = django_filters.MultipleChoiceFilter(
        label="Strength of evidence", choices=EvidenceStrength.choices, method="by_facet"
    )

    class Meta:
        model = Intervention
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, bands: list[CostBand], offered: OfferedOptions, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.bands = bands
        # Only bands a cost can fall in are offered (a second open-ended band never is).
        self.band_ranges: dict[str, BandRange[CostBand]] = {
            str(band_range.band.pk): band_range for band_range in band_ranges(bands)
        }
        sub_needs = sorted(offered.get("sub_need", {}).items(), key=lambda item: (item[1][1], item[1][0]))
        self.filters["sub_need"].extra["choices"] = [(value, label) for value, (label, _sort) in sub_needs]
        self.filters["cost_band"].extra["choices"] = [
            (str(band.pk), _band_label(band)) for band in bands if str(band.pk) in self.band_ranges
        ]
        for name in FACET_NAMES:
            carried = offered.get(name, {})
            choices = self.filters[name].extra["choices"]
            self.filters[name].extra["choices"] = [(value, label) for value, label in choices if str(value) in carried]
            self.filters[name].extra["widget"] = forms.CheckboxSelectMultiple

    # django-filter calls these with the cleaned value of each field.
    def by_search(self, queryset, name, value):
        return queryset  # applied by the directory through Wagtail search, before the facets

    def by_facet(self, queryset, name, value):
        return queryset.filter(self.facet_q(name, value)) if value else queryset

    def facet_q(self, name: str, values) -> Q:
        values = list(values)
        if name in M2M_FACETS:
            through, lookup = M2M_FACETS[name]
            return Q(pk__in=through.objects.filter(**{f"{lookup}__in": values}).values("intervention_id"))
        if name in FIELD_FACETS:
            return Q(**{f"{FIELD_FACETS[name]}__in": values})
        if name == "cost_band":
            combined = Q(pk__in=[])
            for value in values:
                combined |= _cost_q(self.band_ranges[value])
            return combined
        raise KeyError(name)

    @cached_property
    def selected(self) -> dict[str, list[str]]:
        """Valid choices from the request, by facet. A facet with an unknown value is ignored, not an error."""
        if not self.is_bound:
            return {name: [] for name in FACET_NAMES}
        self.form.is_valid()
        cleaned = self.form.cleaned_data
        return {
            name: [str(value) for value in cleaned[name] or []] if name in cleaned else self._offered_in_data(name)
            for name in FACET_NAMES
        }

    def _offered_in_data(self, name: str) -> list[str]:
        """The values of a facet the form refused (one of them is not offered): those that are offered."""
        getlist = getattr(self.data, "getlist", None)
        values = getlist(name) if getlist else [self.data.get(name)]
        offered = {str(value) for value, _label in self.form.fields[name].choices}
        return [value for value in values if value in offered]

    @cached_property
    def search_text(self) -> str:
        """The plain words of the search box (symbols are search syntax to some backends, not words)."""
        if not self.is_bound:
            return ""
        self.form.is_valid()
        return plain_words(self.form.cleaned_data.get("q") or "")

    def filter_selected(self, queryset: QuerySet) -> QuerySet:
        for name, values in self.selected.items():
            if values:
                queryset = queryset.filter(self.facet_q(name, values))
        return queryset

    def _others_q(self, name: str, facets=FACET_NAMES) -> Q:
        """Everything chosen in ``facets`` other than ``name``."""
        others = Q()
        for other in facets:
            values = self.selected[other]
            if other != name and values:
                others &= self.facet_q(other, values)
        return others

    def _many_to_many_counts(self, names: list[str], base: QuerySet) -> dict[str, dict[str, int]]:
        """Option counts for many-to-many facets: a GROUP BY over each link table (far cheaper than a
        sub-query per option), all sent as one UNION ALL query."""
        parts = []
        for name in names:
            through, lookup = M2M_FACETS[name]
            others = self._others_q(name)
            within = (base.filter(others) if others else base).values("pk")
            parts.append(
                through.objects.filter(intervention_id__in=within)
                .order_by()
                .values(lookup)
                .annotate(facet=Value(name), option=Cast(lookup, CharField()), count=Count("intervention_id"))
                .values_list("facet", "option", "count")
            )
        counts: dict[str, dict[str, int]] = {name: {} for name in names}
        if parts:
            rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
            for facet, option, count in rows:
                counts[facet][str(option)] = count
        return counts

    def facets(self, base: QuerySet) -> tuple[list[Facet], int]:
        """Every facet with a count per option, and the number listed, from ``base`` (access-filtered and
        searched already), in two queries whatever the number of interventions: one aggregate for the
        single-valued facets and the total, one UNION of GROUP BYs for the many-to-many facets."""
        selected = self.selected
        # Choices in many-to-many facets narrow every single-valued facet alike, so apply them once
        # as a WHERE clause rather than inside each option's count.
        single_valued = [name for name in FACET_NAMES if name not in M2M_FACETS]
        chosen_links = self._others_q("", facets=tuple(M2M_FACETS))
        single_base = base.filter(chosen_links) if chosen_links else base
        everything = self._others_q("", facets=single_valued)
        aggregates = {"listed_total": Count("pk", filter=everything) if everything else Count("pk")}
        option_keys: dict[str, list[tuple[str, str, str]]] = {}
        for name in FACET_NAMES:
            option_keys[name] = []
            others = self._others_q(name, facets=single_valued) if name not in M2M_FACETS else None
            for position, (value, label) in enumerate(self.form.fields[name].choices):
                key = f"{name}_{position}"
                option_keys[name].append((key, str(value), str(label)))
                if others is not None:
                    aggregates[key] = Count("pk", filter=self.facet_q(name, [str(value)]) & others)
        counts = single_base.aggregate(**aggregates)
        linked = self._many_to_many_counts([name for name in M2M_FACETS if option_keys[name]], base)
        for name, by_value in linked.items():
            for key, value, _label in option_keys[name]:
                counts[key] = by_value.get(value, 0)
        facets = [
            Facet(
                name=name,
                legend=str(self.filters[name].label),
                options=[
                    FacetOption(value, label, counts[key], value in selected[name])
                    for key, value, label in option_keys[name]
                ],
            )
            for name in FACET_NAMES
            if option_keys[name]
        ]
        return facets, counts["listed_total"]


def offered_options(visible: QuerySet, bands: list[CostBand]) -> OfferedOptions:
    """For each facet, the values carried by at least one intervention of ``visible`` (what the request may
    see, with the cost per pupil annotated), with sub-needs' names: one UNION query, whatever the size.

    Options kept in a table (need areas, key stages, sub-needs, cost bands) are each asked whether one
    visible intervention carries them (``EXISTS`` stops at the first), rather than collecting every link."""
    parts = []
    for name, (through, _lookup) in M2M_FACETS.items():
        link, value = OPTION_LINKS[name]
        carried = through._meta.get_field(link).related_model.objects.order_by()
        carried = carried.filter(
            Exists(through.objects.filter(**{link: OuterRef("pk")}, intervention_id__in=visible.values("pk")))
        )
        label, sort = ("name", "need_area") if name == "sub_need" else (None, None)
        parts.append(_option_rows(carried, name, value, label, sort))
    for name, field_name in FIELD_FACETS.items():
        parts.append(_option_rows(visible.order_by(), name, field_name))
    for band_range in band_ranges(bands):
        carried = CostBand.objects.order_by().filter(Exists(visible.filter(_cost_q(band_range))), pk=band_range.band.pk)
        parts.append(_option_rows(carried, "cost_band", "pk"))
    offered: OfferedOptions = {name: {} for name in FACET_NAMES}
    for facet, option, label, sort in parts[0].union(*parts[1:], all=True).order_by():
        if option:
            offered[facet][str(option)] = (label, sort)
    return offered


def _option_rows(queryset: QuerySet, name: str, value: str, label: str | None = None, sort: str | None = None):
    """``(facet, option, label, sort)`` rows, all as text, so that every facet's rows share one UNION."""
    text = CharField()
    return (
        queryset.annotate(
            facet_name=Value(name, output_field=text),
            facet_option=Cast(value, text),
            facet_label=Cast(label, text) if label else Value("", output_field=text),
            facet_sort=Cast(sort, text) if sort else Value("", output_field=text),
        )
        .values_list("facet_name", "facet_option", "facet_label", "facet_sort")
        .distinct()
    )


def _cost_q(band_range: BandRange) -> Q:
    """The interventions whose annotated cost per pupil (in pence) is in ``band_range``."""
    band = Q()
    if band_range.above is not None:
        band &= Q(**{f"{COST_PER_PUPIL_PENCE}__gt": band_range.above})
    if band_range.up_to is not None:
        band &= Q(**{f"{COST_PER_PUPIL_PENCE}__lte": band_range.up_to})
    return band


def _band_label(band: CostBand) -> str:
    if band.description:
        return f"{band.label} ({band.description})"
    if band.max_per_pupil is not None:
        return gettext("%(band)s (up to %(ceiling)s a pupil)") % {
            "band": band.label,
            "ceiling": format_money(band.max_per_pupil),
        }
    return gettext("%(band)s (more)") % {"band": band.label}
