"""Template tags for toolkit templates: council details, breadcrumbs and notices."""

from __future__ import annotations

from decimal import InvalidOperation
from functools import partial

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import AbstractPage, Site

from send_toolkit.access.request_state import recall, remember
from send_toolkit.access.visibility import visible_pages
from send_toolkit.council.brand_stylesheet import brand_css, fingerprint
from send_toolkit.council.models import ToolkitSettings, settings_for_request
from send_toolkit.domain import reading_preferences, vocabulary
from send_toolkit.domain.costing import format_money
from send_toolkit.domain.glossary_linking import TermLinker, TermNames, glossary_link
from send_toolkit.glossary.models import GlossaryTerm
from send_toolkit.pages.models import ToolkitPage, ToolkitPageMixin
from send_toolkit.tools.provision_map.forms import RowForm

register = template.Library()


def _toolkit_settings(context) -> ToolkitSettings | None:
    return settings_for_request(context.get("request"))


@register.simple_tag(takes_context=True)
def toolkit_settings(context) -> ToolkitSettings | None:
    return _toolkit_settings(context)


@register.simple_tag(takes_context=True)
def toolkit_council_name(context) -> str:
    settings = _toolkit_settings(context)
    return settings.council_name if settings else ""


@register.simple_tag(takes_context=True)
def toolkit_home_url(context) -> str:
    return toolkit_links(context)["home"]


HOME_CRUMB_LABEL = "Home"


@register.inclusion_tag("send_toolkit/components/breadcrumbs.html", takes_context=True)
def toolkit_breadcrumbs(context, page) -> dict[str, object]:
    """From the site's home page (labelled "Home", whatever its title says) down to ``page``.
    Pages above the site's root, such as Wagtail's own root, never appear."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    ancestors = list(visible_pages(request, page.get_ancestors().filter(depth__gt=1)))
    root_index = next((i for i, a in enumerate(ancestors) if site and a.pk == site.root_page_id), None)
    if root_index is not None:
        ancestors = ancestors[root_index:]
    crumbs = []
    for ancestor in ancestors:
        title = ancestor.title
        # A toolkit that is itself the site's home keeps its own name; any other home page is "Home".
        if site and ancestor.pk == site.root_page_id and not issubclass(ancestor.specific_class, ToolkitPage):
            title = HOME_CRUMB_LABEL
        crumbs.append({"title": title, "url": ancestor.get_url(request)})
    crumbs = [crumb for crumb in crumbs if crumb["url"]]
    return {"crumbs": crumbs, "current": page}


@register.inclusion_tag("send_toolkit/components/safeguarding_notice.html", takes_context=True)
def safeguarding_notice(context) -> dict[str, object]:
    """The notice and emergency contacts every risk page carries; editors cannot remove it."""
    return {"notice": vocabulary.SAFEGUARDING_NOTICE, "settings": _toolkit_settings(context)}


@register.inclusion_tag("send_toolkit/components/tier_label.html")
def tier_label(value: str) -> dict[str, vocabulary.Term]:
    return {"term": vocabulary.by_value(vocabulary.TIERS, value)}


@register.simple_tag
def risk_support_term() -> vocabulary.Term:
    """Getting Risk Support's name and meaning, so templates never restate them in their own words."""
    return vocabulary.RISK_SUPPORT


def _toolkit_for(context):
    page = context.get("page")
    home = None
    if isinstance(page, ToolkitPageMixin):
        home = page.toolkit()
    elif isinstance(page, AbstractPage):  # any page model, including a custom WAGTAIL_PAGE_MODEL
        home = ToolkitPage.objects.ancestor_of(page, inclusive=True).live().last()
    if home is None:
        home = visible_pages(context.get("request"), ToolkitPage.objects.all()).first()
    return home


@register.simple_tag(takes_context=True)
def toolkit_links(context) -> dict[str, str]:
    """URLs of the toolkit's home, search and glossary (worked out once per request)."""
    return remember(context.get("request"), "toolkit_links", lambda: _links_of(_toolkit_for(context), context))


def _links_of(home: ToolkitPage | None, context) -> dict[str, str]:
    if home is None:
        return {"home": "/", "search": "", "glossary": "", "accessibility": ""}
    url = home.get_url(context.get("request")) or "/"
    # Sub-route addresses come from the page's own routes, never hand-built.
    return {
        "home": url,
        "search": url + home.reverse_subpage("search"),
        "glossary": url + home.reverse_subpage("glossary"),
        "accessibility": url + home.reverse_subpage("accessibility_statement"),
    }


@register.simple_tag(takes_context=True)
def toolkit_brand_style(context) -> str:
    """A link to the council's colours (council/brand_stylesheet.py), or nothing when none is set."""
    css = brand_css(_toolkit_settings(context))
    if not css:
        return ""
    href = f"{reverse('send_toolkit:brand_stylesheet')}?v={fingerprint(css)}"
    return format_html('<link rel="stylesheet" href="{}">', href)


@register.simple_tag
def reading_preference_options() -> tuple[reading_preferences.Preference, ...]:
    return reading_preferences.PREFERENCES


def _glossary_linker(context):
    """One linker per request, so each term is linked at its first use on the page only."""
    return remember(context.get("request"), "glossary_linker", lambda: _new_glossary_linker(context))


def _new_glossary_linker(context) -> TermLinker:
    glossary_url = toolkit_links(context)["glossary"]
    terms = list(GlossaryTerm.objects.all()) if glossary_url else []
    linker = TermLinker([TermNames(t.slug, tuple(t.names)) for t in terms], partial(glossary_link, glossary_url))
    linker.terms_by_slug = {term.slug: term for term in terms}
    return linker


@register.simple_tag(takes_context=True)
def glossary_terms(context, html) -> str:
    """Rendered HTML with the first use of each glossary term linked to its definition.

    Rendered rich text arrives marked safe and is linked as it is; anything else is escaped first, so no text a
    template passes in becomes markup."""
    safe_html: SafeString = conditional_escape(html)
    # The linker only wraps words of already-safe HTML in escaped <a> elements, so its output stays safe.
    return mark_safe(_glossary_linker(context).link(safe_html))  # noqa: S308


@register.simple_tag(takes_context=True)
def glossary_terms_used(context) -> list:
    """Glossary terms linked so far on this page, in the order they first appeared."""
    linker = recall(context.get("request"), "glossary_linker")
    if linker is None or not linker.used:
        return []
    return [linker.terms_by_slug[slug] for slug in linker.used if slug in linker.terms_by_slug]


@register.inclusion_tag("send_toolkit/components/sendiass_contact.html", takes_context=True)
def sendiass_contact(context, heading_level: int = 2) -> dict[str, object]:
    return {"settings": _toolkit_settings(context), "heading_level": heading_level}


@register.filter
def money(amount: object) -> str:
    """A sum of money, shown the one way the toolkit shows money: ``{{ costing.total_cost|money }}`` → "£1,234.50".

    None, or anything that is not a number, shows nothing rather than an error.
    """
    try:
        return format_money(amount)
    except (InvalidOperation, TypeError, ValueError):
        return ""


@register.filter
def figure_names(names: object) -> str:
    """A provision map row's figures, named as its form names them: ``("weeks", "adults")`` → "Weeks, Adults in
    each session" (to say where a row differs from its intervention)."""
    labels = RowForm._meta.labels
    return ", ".join(str(labels.get(name, name)) for name in names or ())
