"""Glossary terms: one plain-English definition per term, linked from page text and listed on the glossary page."""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class GlossaryTerm(index.Indexed, models.Model):
    term = models.CharField(max_length=120, unique=True, help_text="As readers see it, for example 'SENCO'.")
    slug = models.SlugField(max_length=120, unique=True, blank=True)
    definition = models.TextField(help_text="Plain English, one or two sentences, without other jargon.")
    aliases = models.CharField(
        max_length=255,
        blank=True,
        help_text="Other ways the term is written, separated by semicolons, for example 'SENCo; SEN coordinator'.",
    )

    panels = [FieldPanel("term"), FieldPanel("definition"), FieldPanel("aliases"), FieldPanel("slug")]
    search_fields = [
        index.SearchField("term", boost=3),
        index.SearchField("aliases", boost=2),
        index.SearchField("definition"),
        index.AutocompleteField("term"),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = "glossary term"

    def __str__(self) -> str:
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.term)[:120]
        super().save(*args, **kwargs)

    @property
    def alias_list(self) -> list[str]:
        return [alias.strip() for alias in self.aliases.split(";") if alias.strip()]

    @property
    def names(self) -> list[str]:
        return [self.term, *self.alias_list]
