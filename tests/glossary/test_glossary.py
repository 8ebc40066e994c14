"""Glossary: terms in page text link to a plain-English definition; the glossary page lists every term."""

import pytest

from send_toolkit.domain.glossary_linking import TermLinker, TermNames, glossary_link
from send_toolkit.glossary.models import GlossaryTerm
from send_toolkit.pages.models import GuidanceKind, GuidancePage

pytestmark = pytest.mark.django_db


def _linker():
    terms = [
        TermNames("senco", ("SENCO", "SENCo")),
        TermNames("send", ("SEND",)),
        TermNames("ehc", ("EHC needs assessment",)),
    ]
    return TermLinker(terms, lambda slug, text: glossary_link("/g/", slug, text))


def test_only_the_first_use_on_a_page_is_linked():
    linker = _linker()
    first = linker.link("<p>Ask the SENCO.</p>")
    second = linker.link("<p>The SENCO will reply.</p>")
    assert 'href="/g/#senco"' in first and "<a" not in second


def test_acronyms_match_only_in_capitals_so_ordinary_words_are_left_alone():
    html = _linker().link("<p>Please send the form to school.</p>")
    assert "<a" not in html


def test_multi_word_terms_match_in_any_case():
    html = _linker().link("<p>You can request an ehc needs assessment.</p>")
    assert 'href="/g/#ehc"' in html and ">ehc needs assessment</a>" in html


def test_text_inside_links_and_headings_is_never_relinked():
    html = _linker().link('<h2>SENCO</h2><p><a href="/x">SENCO</a> and SEND</p>')
    assert html.count("<a") == 2 and 'href="/g/#send"' in html


def test_glossary_page_lists_demo_terms_with_anchors(client, toolkit):
    html = client.get(f"{toolkit.url}glossary/").content.decode()
    for term in ("SENCO", "EHCP", "APDR", "SEN Support", "SENDIASS", "EHC needs assessment"):
        assert GlossaryTerm.objects.filter(term=term).exists()
        assert f"<dfn>{term}</dfn>" in html
    assert 'id="senco"' in html


def test_terms_in_page_text_link_to_the_glossary_with_the_definition_on_the_page(client, toolkit, site):
    guide = GuidancePage.objects.get(kind=GuidanceKind.APDR)
    html = client.get(guide.url).content.decode()
    assert f'href="{toolkit.relative_url(site)}glossary/#senco"' in html
    assert 'aria-describedby="glossary-definition-senco"' in html
    assert 'id="glossary-definition-senco"' in html
    assert "Words used on this page" in html


def test_editors_manage_glossary_terms_in_the_admin(admin_client):
    from django.urls import reverse

    response = admin_client.get(reverse("wagtailsnippets_send_toolkit_glossaryterm:list"))
    assert response.status_code == 200 and "SENCO" in response.content.decode()
    add_url = reverse("wagtailsnippets_send_toolkit_glossaryterm:add")
    response = admin_client.post(add_url, {"term": "Annual review", "definition": "", "aliases": "", "slug": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert not GlossaryTerm.objects.filter(term="Annual review").exists()
