"""Every UUID the feed gives, derived from something that never changes (plain Python).

- The shared vocabulary (the taxonomies of broad areas of need, key stages, THRIVE tiers and delivery, and their
  terms) is the same in every council's toolkit, so its identifiers are the same in every feed: a consumer
  reading several councils' feeds can filter them all by one term. They are made in ``VOCABULARY``.
- Everything local (services, sub-needs, the council, providers, the parts of a service) is made in the
  installation's own namespace (``models.FeedNamespace``), from integer keys that never change when a record
  is renamed, or from a service's identifier and a fixed part name.
"""

from __future__ import annotations

import uuid

# Fixed for good: changing it would change the identifier of every shared taxonomy and term.
VOCABULARY = uuid.UUID("62d68393-da41-46fd-aee2-c26c3d8dabf9")


def _made(namespace: uuid.UUID, *parts: object) -> uuid.UUID:
    return uuid.uuid5(namespace, "/".join(str(part) for part in parts))


def taxonomy_id(taxonomy: str) -> uuid.UUID:
    """A shared taxonomy's identifier (``taxonomy`` is its fixed key, such as ``"key-stages"``)."""
    return _made(VOCABULARY, "taxonomy", taxonomy)


def vocabulary_term_id(taxonomy: str, value: str) -> uuid.UUID:
    """A term of the shared vocabulary, by its taxonomy's key and the term's stored value (``"ks2"``)."""
    return _made(VOCABULARY, "term", taxonomy, value)


def sub_need_term_id(namespace: uuid.UUID, sub_need_pk: int) -> uuid.UUID:
    return _made(namespace, "sub-need", sub_need_pk)


def service_id(namespace: uuid.UUID, intervention_pk: int) -> uuid.UUID:
    return _made(namespace, "service", intervention_pk)


def council_id(namespace: uuid.UUID, site_pk: int) -> uuid.UUID:
    """The council publishing the toolkit on one Wagtail site."""
    return _made(namespace, "council", site_pk)


def provider_id(namespace: uuid.UUID, provider: str) -> uuid.UUID:
    """A provider named on interventions: the same however its name is capitalised or spaced."""
    return _made(namespace, "provider", " ".join(provider.split()).casefold())


def part_id(service: uuid.UUID, part: str, *keys: object) -> uuid.UUID:
    """One part of a service (a cost option, an attribute, its schedule, its area), made in the service's own id."""
    return _made(service, part, *keys)
