"""The toolkit's fixed domain vocabulary (DESIGN.md section 1).

Plain Python, no Django imports: models, templates, the setup command and the
import/export code all read their labels, slugs and meanings from here so that a
tier or key stage is named the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    value: str
    label: str
    slug: str
    description: str = ""
    short_label: str = ""


NEED_AREAS: tuple[Term, ...] = (
    Term(
        "communication_interaction",
        "Communication and Interaction",
        "communication-and-interaction",
        "Speech, language and communication needs, including autism: difficulty saying what "
        "they want to, understanding what is said to them, or using social rules of communication.",
    ),
    Term(
        "cognition_learning",
        "Cognition and Learning",
        "cognition-and-learning",
        "Learning at a slower pace than peers, or specific learning difficulties such as "
        "dyslexia, dyscalculia and dyspraxia.",
    ),
    Term(
        "semh",
        "Social, Emotional and Mental Health",
        "social-emotional-and-mental-health",
        "Difficulties shown through becoming withdrawn or isolated, or through challenging, "
        "disruptive or disturbing behaviour, which may reflect underlying needs.",
        short_label="SEMH",
    ),
    Term(
        "sensory_physical",
        "Sensory and/or Physical",
        "sensory-and-physical",
        "Vision impairment, hearing impairment, multi-sensory impairment or a physical "
        "disability that needs special educational provision.",
    ),
)

KEY_STAGES: tuple[Term, ...] = (
    Term("early_years", "Early Years", "early-years", "Ages 0 to 5, the Early Years Foundation Stage (EYFS).", "EY"),
    Term("ks1", "Key Stage 1", "key-stage-1", "Years 1 and 2, ages 5 to 7.", "KS1"),
    Term("ks2", "Key Stage 2", "key-stage-2", "Years 3 to 6, ages 7 to 11.", "KS2"),
    Term("ks3", "Key Stage 3", "key-stage-3", "Years 7 to 9, ages 11 to 14.", "KS3"),
    Term("ks4", "Key Stage 4", "key-stage-4", "Years 10 and 11, ages 14 to 16.", "KS4"),
    Term("post16", "Post-16", "post-16", "Ages 16 to 25: sixth form, college and training.", "P16"),
)

# The three graduated tiers a key stage page is divided into. "Getting Risk
# Support" is deliberately not here: it is a standalone section (RiskSupportPage).
TIERS: tuple[Term, ...] = (
    Term(
        "getting_advice",
        "Getting Advice",
        "getting-advice",
        "Adjustments in the classroom",
        "Advice",
    ),
    Term(
        "getting_help",
        "Getting Help",
        "getting-help",
        "Targeted interventions",
        "Help",
    ),
    Term(
        "getting_more_help",
        "Getting More Help",
        "getting-more-help",
        "Specialist interventions",
        "More help",
    ),
)

RISK_SUPPORT = Term(
    "getting_risk_support",
    "Getting Risk Support",
    "getting-risk-support",
    "Standalone risk planning, alongside the graduated approach. It is not a replacement for "
    "advice from local safeguarding boards or children's mental health pathways.",
)

SAFEGUARDING_NOTICE = (
    "This guidance supports planning around risk alongside the graduated approach. It is not a "
    "replacement for advice from local safeguarding boards or children's mental health pathways. "
    "If a child is in immediate danger, call 999."
)

STRATEGIES_ARE_SUGGESTIONS = (
    "Strategies are suggestions, not a tick list. Some children need only the first section, "
    "others need the first two, and others need all three."
)


def choices(terms: tuple[Term, ...]) -> list[tuple[str, str]]:
    return [(term.value, term.label) for term in terms]


def by_value(terms: tuple[Term, ...], value: str) -> Term:
    for term in terms:
        if term.value == value:
            return term
    raise KeyError(value)


def find(terms: tuple[Term, ...], text: str) -> Term | None:
    """Match a value, slug, label or short label, ignoring case (for imports and URLs)."""
    wanted = text.strip().casefold()
    for term in terms:
        names = {term.value, term.slug, term.label, term.short_label}
        if wanted in {name.casefold() for name in names if name}:
            return term
    return None


def order_of(terms: tuple[Term, ...], value: str) -> int:
    for index, term in enumerate(terms):
        if term.value == value:
            return index
    return len(terms)
