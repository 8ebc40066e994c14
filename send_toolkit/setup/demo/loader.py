"""Loads the fictional demo content into a toolkit skeleton. Fills only what is empty, so it is idempotent."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from send_toolkit.conf import toolkit_settings
from send_toolkit.council.models import ToolkitSettings
from send_toolkit.domain import vocabulary
from send_toolkit.pages.base import search_description_values
from send_toolkit.pages.models import GuidanceKind, GuidancePage, KeyStagePage, RiskSupportPage, TierPage, ToolkitPage
from send_toolkit.setup.demo import access, content, front_end, interventions, provision_map

DEMO_USERS = [
    {
        "role": "editor",
        "username": "editor",
        "password": "northmoor-editor",
        "email": "editor@northmoor.example",
        "first_name": "Edie",
        "last_name": "Tor",
        "group": toolkit_settings.EDITOR_GROUP,
    },
    {
        "role": "practitioner",
        "username": "senco",
        "password": "northmoor-senco",
        "email": "senco@oakfield-primary.example",
        "first_name": "Sam",
        "last_name": "Senco",
        "group": toolkit_settings.PRACTITIONER_GROUP,
    },
]


@dataclass(frozen=True)
class DemoLogin:
    role: str
    username: str
    password: str
    # False when an account with this username existed before and does not use the demo password:
    # it is someone's real account, so the demo leaves it alone and never prints a password for it.
    is_demo_account: bool


REVIEWED = datetime.date(2026, 9, 1)
REVIEW_DUE = datetime.date(2027, 9, 1)


def _publish(page) -> None:
    page.last_reviewed = page.last_reviewed or REVIEWED
    page.next_review_due = page.next_review_due or REVIEW_DUE
    page.save_revision().publish()


def load_demo(toolkit: ToolkitPage, report) -> list[DemoLogin]:
    _settings(toolkit, report)
    _site_home(toolkit, report)
    _toolkit_home(toolkit, report)
    _tiers(toolkit, report)
    interventions.load_interventions(toolkit, report)
    _guidance(toolkit, report)
    _risk(toolkit, report)
    front_end.load_front_end(toolkit, report)
    logins = _users(report)
    demo_usernames = {login.username for login in logins if login.is_demo_account}
    access.load_access(toolkit, report, demo_usernames)
    provision_map.load_provision_map(
        report, access.DEMO_PRACTITIONER_USERNAME if access.DEMO_PRACTITIONER_USERNAME in demo_usernames else None
    )
    _short_address(toolkit, report)
    _review_dates(toolkit, report)
    return logins


SHORT_ADDRESS = "/send"


def _short_address(toolkit: ToolkitPage, report) -> None:
    """A short address for leaflets (``/send/``): an editor-made redirect to the toolkit, when the site has them."""
    if not apps.is_installed("wagtail.contrib.redirects"):
        return
    redirect_model = apps.get_model("wagtailredirects", "Redirect")
    if redirect_model.objects.filter(old_path=SHORT_ADDRESS).exists():
        return
    redirect_model.objects.create(old_path=SHORT_ADDRESS, redirect_page=toolkit, is_permanent=False)
    report.add(f"demo: redirect {SHORT_ADDRESS}/ to the toolkit")


WAGTAIL_DEFAULT_HOME_TITLE = "Welcome to your new Wagtail site!"
DEMO_HOME_TITLE = "Northmoor Council local offer"


def _site_home(toolkit: ToolkitPage, report) -> None:
    """Give the page Wagtail creates on install a fictional council's name; a real home page is left alone."""
    home = toolkit.get_parent().specific
    if home.depth < 2 or home.title != WAGTAIL_DEFAULT_HOME_TITLE:
        return
    home.title = DEMO_HOME_TITLE
    home.draft_title = DEMO_HOME_TITLE
    home.save_revision().publish()
    report.add(f"demo: site home page renamed {DEMO_HOME_TITLE!r}")


def _review_dates(toolkit: ToolkitPage, report) -> None:
    """Every demo page says when it was last reviewed, as a council's published page should.
    Runs last, so it also covers pages the other demo steps created without dates."""
    dated = 0
    for page in toolkit.get_descendants(inclusive=True).specific():
        if not hasattr(page, "last_reviewed") or (page.last_reviewed and page.next_review_due):
            continue
        _publish(page)
        dated += 1
    if dated:
        report.add(f"demo: review dates on {dated} pages")


def _settings(toolkit: ToolkitPage, report) -> None:
    site = toolkit.get_site() or Site.objects.get(is_default_site=True)
    settings = ToolkitSettings.for_site(site)
    if settings.council_name not in ("", "Your council"):
        return
    settings.council_name = "Northmoor Council"
    settings.toolkit_contact_name = "Northmoor SEND Team"
    settings.toolkit_contact_email = "send.team@northmoor.example"
    settings.toolkit_contact_phone = "0300 555 0100"
    settings.sendiass_name = "Northmoor SENDIASS"
    settings.sendiass_phone = "0300 555 0123"
    settings.sendiass_email = "sendiass@northmoor.example"
    settings.sendiass_url = "https://sendiass.northmoor.example/"
    settings.safeguarding_name = "Northmoor Children's Front Door"
    settings.safeguarding_phone = "0300 555 0199"
    settings.safeguarding_out_of_hours_phone = "0300 555 0999"
    settings.safeguarding_email = "frontdoor@northmoor.example"
    settings.safeguarding_url = "https://www.northmoor.example/report-a-concern"
    settings.mental_health_crisis_phone = "0800 555 0111"
    settings.save()
    report.add("demo: council settings for Northmoor Council")


def _toolkit_home(toolkit: ToolkitPage, report) -> None:
    if toolkit.introduction:
        return
    toolkit.introduction = (
        "<p>Northmoor's Graduated Approach Toolkit helps schools, settings and families make sure children and "
        "young people with special educational needs and disabilities (SEND) get the right support at the right time.</p>"
    )
    toolkit.how_to_use = (
        "<p>The toolkit has three parts: the <b>best practice walkthrough</b>, the <b>main THRIVE tool</b> organised "
        "by area of need and key stage, and <b>Getting Risk Support</b>.</p>"
        "<ul><li>Getting Advice: adjustments in the classroom</li><li>Getting Help: targeted interventions</li>"
        "<li>Getting More Help: specialist interventions</li></ul>"
        f"<p>{vocabulary.STRATEGIES_ARE_SUGGESTIONS}</p>"
    )
    _publish(toolkit)
    report.add("demo: toolkit home introduction")


def _strategy_list(need_area: str, tier: str, key_stage: str) -> dict:
    strategies = [
        {"title": title, "description": f"<p>{description}</p>", "for_parents": parents, "at_home": home}
        for title, description, parents, home in content.STRATEGIES[need_area][tier]
    ]
    note = content.KEY_STAGE_NOTES[key_stage]
    return {"heading": "Strategies", "introduction": f"<p>{note}</p>", "strategies": strategies}


def _tiers(toolkit: ToolkitPage, report) -> None:
    filled = 0
    for tier in TierPage.objects.descendant_of(toolkit).specific():
        if tier.body:
            continue
        stage = tier.get_parent().specific
        area = stage.get_parent().specific
        tier.introduction = (
            f"<p>{tier.tier_term.label} means {tier.tier_term.description.lower()} for children and young people "
            f"with {area.title.lower()} needs in {stage.title}.</p>"
        )
        tier.body = [("strategy_list", _strategy_list(area.need_area, tier.tier, stage.key_stage))]
        _publish(tier)
        filled += 1
    for stage in KeyStagePage.objects.descendant_of(toolkit).specific():
        if stage.introduction:
            continue
        stage.introduction = f"<p>{content.KEY_STAGE_NOTES[stage.key_stage]}</p>"
        _publish(stage)
    if filled:
        report.add(f"demo: strategies on {filled} tier pages")


def _guidance(toolkit: ToolkitPage, report) -> None:
    walkthrough = GuidancePage.objects.child_of(toolkit).filter(kind=GuidanceKind.WALKTHROUGH).first()
    if walkthrough is None:
        return
    if not walkthrough.introduction:
        walkthrough.introduction = (
            "<p>An overview of special educational needs (SEN) and the graduated approach, with guides for parents "
            "and carers.</p>"
        )
        _publish(walkthrough)
    if GuidancePage.objects.child_of(walkthrough).filter(kind=GuidanceKind.APDR).exists():
        return
    body = [("rich_text", f"<h2>{heading}</h2>{text}") for heading, text in content.APDR_STEPS]
    # Next steps, what parents can expect and the SENDIASS contact are in the guide's template.
    apdr = GuidancePage(
        title="The graduated approach: a guide for parents and carers",
        slug="graduated-approach-for-parents",
        kind=GuidanceKind.APDR,
        **search_description_values(
            "How schools Assess, Plan, Do and Review support for your child, and what you can expect."
        ),
        introduction=(
            "<p>The graduated approach is a four-step cycle – Assess, Plan, Do, Review – that makes sure children "
            "with special educational needs get the right support at the right time.</p>"
        ),
        body=body,
    )
    walkthrough.add_child(instance=apdr)
    _publish(apdr)
    report.add("demo: parent guide to the graduated approach")


def _risk(toolkit: ToolkitPage, report) -> None:
    risk = RiskSupportPage.objects.child_of(toolkit).first()
    if risk is None or risk.body:
        return
    risk.introduction = (
        "<p>This standalone section helps schools and settings plan for children and young people whose needs "
        "mean they need specialist support to be safe. Use it at any point, alongside the graduated approach.</p>"
    )
    risk.body = [
        (
            "risk_guidance",
            {
                "title": title,
                "what_it_may_look_like": looks_like,
                "immediate_actions": actions,
                "who_to_contact": contact,
                "planning_template": None,
                "planning_template_link": "",
            },
        )
        for title, looks_like, actions, contact in content.RISKS
    ]
    _publish(risk)
    report.add("demo: risk guidance")


def _users(report) -> list[DemoLogin]:
    User = get_user_model()
    logins = []
    for spec in DEMO_USERS:
        user = User.objects.filter(username=spec["username"]).first()
        if user is None:
            user = User.objects.create_user(
                username=spec["username"],
                password=spec["password"],
                email=spec["email"],
                first_name=spec["first_name"],
                last_name=spec["last_name"],
            )
            user.groups.add(Group.objects.get(name=spec["group"]))
            report.add(f"demo user: {spec['username']} ({spec['role']})")
            is_demo_account = True
        else:
            # Still the demo password: made by an earlier run, so its login is worth printing again.
            is_demo_account = user.check_password(spec["password"])
        logins.append(DemoLogin(spec["role"], spec["username"], spec["password"], is_demo_account))
    return logins
