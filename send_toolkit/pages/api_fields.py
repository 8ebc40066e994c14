"""Serializer fields the page types' ``api_fields`` use, for the Wagtail API (``send_toolkit.contrib.api``).

A page type lists its fields on its mixin, so a site's own base page model gets them too
(``models.ToolkitPageMixin.api_fields`` and the rest). Rich text goes through
``access.api_rich_text.APIRichTextField`` (only what the reader may see); StreamField bodies through each
block's ``get_api_representation``, which checks the reader in the same way.
"""

from __future__ import annotations

from rest_framework.fields import Field

from send_toolkit.domain import vocabulary
from send_toolkit.interventions.representation import choice, term


class VocabularyField(Field):
    """A value of the toolkit's fixed vocabulary with its label: ``{"value": "semh", "label": "Social, ..."}``."""

    def __init__(self, terms: tuple[vocabulary.Term, ...], **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)
        self.terms = terms

    def to_representation(self, value: str) -> dict[str, str]:
        return term(self.terms, value)


class ChoiceLabelField(Field):
    """A model choice with its label: ``{"value": "apdr", "label": "Assess, Plan, Do, Review explainer"}``."""

    def __init__(self, choices: list[tuple[str, str]], **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)
        self.choices = choices

    def to_representation(self, value: str) -> dict[str, str]:
        return choice(self.choices, value)
