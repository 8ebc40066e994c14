"""Admin for glossary terms, in the "SEND toolkit" menu group (registered by ``send_toolkit/wagtail_hooks.py``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from send_toolkit.glossary.models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Glossary")
    list_display = ["term", "aliases", "definition"]
    search_fields = ["term", "aliases", "definition"]
    ordering = ["term"]
