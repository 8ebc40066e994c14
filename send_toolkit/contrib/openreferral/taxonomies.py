"""The five taxonomies the feed classifies services by, and their terms.

Broad areas of need, key stages, THRIVE tiers and delivery are the toolkit's fixed vocabulary
(``domain.vocabulary`` and ``Intervention.Delivery``): the same terms, with the same identifiers, in every
council's feed. Sub-needs are each council's own, so their terms are read from its ``SubNeed`` rows, and only
those that a public intervention carries are offered: a sub-need only practitioner-only interventions have
is not in the feed at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from django.utils.translation import gettext_lazy as _

from send_toolkit.contrib.openreferral.identifiers import sub_need_term_id, taxonomy_id, vocabulary_term_id
from send_toolkit.domain import vocabulary
from send_toolkit.interventions.models import Delivery, SubNeed

NEED_AREAS = "need-areas"
SUB_NEEDS = "sub-needs"
KEY_STAGES = "key-stages"
TIERS = "thrive-tiers"
DELIVERY = "delivery"


@dataclass(frozen=True)
class Taxonomy:
    key: str  # fixed: the identifier is made from it
    name: str
    description: str
    uri: str = ""

    @property
    def id(self) -> UUID:
        return taxonomy_id(self.key)


@dataclass(frozen=True)
class Term:
    """One term, with what it means in the toolkit's own records (``field`` of Intervention = ``value``)."""

    id: UUID
    name: str
    description: str
    taxonomy: Taxonomy
    value: str | int


def taxonomies() -> tuple[Taxonomy, ...]:
    """The taxonomies, in the order the feed lists them (names in the language of the request)."""
    return (
        Taxonomy(
            NEED_AREAS,
            str(_("Broad areas of need")),
            str(_("The four broad areas of need of the SEND Code of Practice: 0 to 25 years (2015), 6.28 to 6.35.")),
            "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
        ),
        Taxonomy(
            SUB_NEEDS,
            str(_("Specific needs")),
            str(_("The council's own division of the broad areas of need, such as autism or hearing impairment.")),
        ),
        Taxonomy(
            KEY_STAGES,
            str(_("Phases and key stages")),
            str(_("The phase of education an intervention is for, from the early years to post-16.")),
        ),
        Taxonomy(
            TIERS,
            str(_("THRIVE tiers")),
            str(
                _(
                    "The THRIVE Framework grouping an intervention belongs to in the graduated approach: "
                    "Getting Advice, Getting Help or Getting More Help."
                )
            ),
        ),
        Taxonomy(
            DELIVERY, str(_("Delivery")), str(_("How an intervention is delivered: to a class, a group or one pupil."))
        ),
    )


def taxonomy(key: str) -> Taxonomy:
    return next(each for each in taxonomies() if each.key == key)


DELIVERY_DESCRIPTIONS = {
    Delivery.WHOLE_CLASS: _("Delivered to a whole class."),
    Delivery.SMALL_GROUP: _("Delivered to a small group of pupils."),
    Delivery.ONE_TO_ONE: _("Delivered to one pupil at a time."),
}


def _vocabulary_terms(key: str, terms: Iterable[vocabulary.Term]) -> list[Term]:
    owner = taxonomy(key)
    return [
        Term(vocabulary_term_id(key, term.value), term.label, term.description or term.label, owner, term.value)
        for term in terms
    ]


def fixed_terms() -> list[Term]:
    """Every term of the four fixed taxonomies."""
    delivery = taxonomy(DELIVERY)
    return [
        *_vocabulary_terms(NEED_AREAS, vocabulary.NEED_AREAS),
        *_vocabulary_terms(KEY_STAGES, vocabulary.KEY_STAGES),
        *_vocabulary_terms(TIERS, vocabulary.TIERS),
        *(
            Term(vocabulary_term_id(DELIVERY, value), str(label), str(DELIVERY_DESCRIPTIONS[value]), delivery, value)
            for value, label in Delivery.choices
        ),
    ]


def sub_need_term(namespace: UUID, sub_need: SubNeed) -> Term:
    area = vocabulary.find(vocabulary.NEED_AREAS, sub_need.need_area)
    fallback = _("Part of %(area)s.") % {"area": area.label} if area else _("A specific need.")
    description = sub_need.description.strip() or str(fallback)
    return Term(sub_need_term_id(namespace, sub_need.pk), sub_need.name, description, taxonomy(SUB_NEEDS), sub_need.pk)


# The ages of each phase (their descriptions in ``domain.vocabulary`` say the same: tests check they agree).
KEY_STAGE_AGES: dict[str, tuple[int, int]] = {
    "early_years": (0, 5),
    "ks1": (5, 7),
    "ks2": (7, 11),
    "ks3": (11, 14),
    "ks4": (14, 16),
    "post16": (16, 25),
}


def age_range(key_stages: Iterable[str]) -> tuple[int, int] | None:
    """The youngest and oldest ages of ``key_stages`` (their stored values), None for none."""
    ranges = [KEY_STAGE_AGES[value] for value in key_stages if value in KEY_STAGE_AGES]
    if not ranges:
        return None
    return min(low for low, _high in ranges), max(high for _low, high in ranges)
