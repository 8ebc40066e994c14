"""Fictional demo content for the front end: glossary terms, an Easy Read summary and an accessibility statement.

Fills only what is missing, so running setup twice changes nothing.
"""

from __future__ import annotations

import datetime

from send_toolkit.glossary.models import GlossaryTerm
from send_toolkit.pages.models import AccessibilityStatementPage, KeyStagePage, NeedAreaPage, ToolkitPage

# (term, aliases, plain-English definition)
GLOSSARY = [
    (
        "SENCO",
        "SENCo; special educational needs co-ordinator",
        "The teacher in a school or setting who makes sure children with special educational needs get the right "
        "support. Every mainstream school must have one.",
    ),
    (
        "SEN",
        "special educational needs",
        "A child has special educational needs if they have a learning difficulty or disability that needs "
        "support different from, or extra to, what most children of the same age get.",
    ),
    (
        "SEND",
        "special educational needs and disabilities",
        "Special educational needs and disabilities: the name for the support system for children and young "
        "people aged 0 to 25 who need extra help to learn.",
    ),
    (
        "SEN Support",
        "",
        "Extra help a school or setting gives a child with special educational needs from its own resources, "
        "planned and reviewed with parents using the graduated approach.",
    ),
    (
        "EHCP",
        "EHC plan; Education, Health and Care plan",
        "A legal document from the council describing a child's needs and the support they must get. It is for "
        "children who need more help than SEN Support can give.",
    ),
    (
        "EHC needs assessment",
        "Education, Health and Care needs assessment",
        "The council's detailed look at a child's needs to decide whether they need an EHCP. Parents and schools "
        "can ask for one.",
    ),
    (
        "APDR",
        "Assess, Plan, Do, Review cycle",
        "The four-step cycle schools use to plan and check support for a child: Assess needs, Plan support, Do it, "
        "then Review how well it worked.",
    ),
    (
        "Graduated approach",
        "",
        "Giving support in steps that increase with a child's needs, using the Assess, Plan, Do, Review cycle.",
    ),
    (
        "SENDIASS",
        "SEND Information, Advice and Support Service",
        "A free, confidential and impartial service that gives advice to parents, carers, children and young "
        "people about special educational needs and disabilities.",
    ),
    (
        "Educational psychologist",
        "EP",
        "A specialist who assesses how a child learns and advises schools and families on how to help.",
    ),
    (
        "THRIVE",
        "THRIVE Framework",
        "A way of grouping support by need: Thriving, Getting Advice, Getting Help, Getting More Help and Getting "
        "Risk Support. This toolkit uses its groupings.",
    ),
    (
        "Intervention",
        "interventions",
        "A planned programme of extra help, for example a small reading group, that runs for a set time and is "
        "checked to see if it worked.",
    ),
]

EASY_READ = (
    "<ul><li>Some children find talking and listening hard.</li>"
    "<li>School can help in lots of ways.</li>"
    "<li>Pictures and short sentences help many children.</li>"
    "<li>You know your child best. Tell school what helps at home.</li>"
    "<li>You can ask for a meeting at any time.</li></ul>"
)


def load_front_end(toolkit: ToolkitPage, report) -> None:
    added = 0
    for term, aliases, definition in GLOSSARY:
        _, created = GlossaryTerm.objects.get_or_create(
            term=term, defaults={"aliases": aliases, "definition": definition}
        )
        added += created
    if added:
        report.add(f"demo: {added} glossary terms")
    _easy_read(toolkit, report)
    _accessibility_statement(toolkit, report)


def _easy_read(toolkit: ToolkitPage, report) -> None:
    area = NeedAreaPage.objects.child_of(toolkit).filter(need_area="communication_interaction").first()
    if area is None:
        return
    for page in [area, *KeyStagePage.objects.child_of(area).filter(key_stage="ks1")]:
        if page.easy_read_summary:
            continue
        page.easy_read_summary = EASY_READ
        page.save_revision().publish()
        report.add(f"demo: Easy Read summary on {page.title}")


def _accessibility_statement(toolkit: ToolkitPage, report) -> None:
    statement = AccessibilityStatementPage.objects.child_of(toolkit).first()
    if statement is None:
        statement = AccessibilityStatementPage(title="Accessibility statement", slug="accessibility")
        toolkit.add_child(instance=statement)
    if statement.testing_method:
        return
    statement.compliance_status = "partial"
    statement.non_accessible_content = (
        "<p>Some older downloadable documents are not fully accessible. We are replacing them with web pages by "
        "the end of the school year.</p>"
    )
    statement.testing_method = (
        "<p>Every page type is tested automatically with axe-core in a real browser, and by keyboard, at 320 pixels "
        "wide and at 200% zoom.</p>"
    )
    statement.statement_prepared = datetime.date(2026, 9, 1)
    statement.last_tested = datetime.date(2026, 9, 1)
    statement.save_revision().publish()
    report.add("demo: accessibility statement")
