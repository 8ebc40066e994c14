"""Every front-end response carries the strict Content-Security-Policy and the Permissions-Policy; the Wagtail
admin gets the same policy plus its allowances; the toolkit's pages hold nothing the policy would refuse."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import django
import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from send_toolkit.access.channels import registered_channels
from send_toolkit.conf import DEFAULTS
from send_toolkit.council.models import ToolkitSettings
from send_toolkit.front_end.security_headers import (
    AdminContentSecurityPolicyMiddleware,
    ContentSecurityPolicyMiddleware,
    build_policy,
    with_allowances,
)
from send_toolkit.operations.error_pages import server_error
from send_toolkit.operations.outages import service_unavailable

pytestmark = pytest.mark.django_db

# What a policy without inline exceptions refuses, as it appears in HTML.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def _front_end_urls(site) -> list[str]:
    """Every parameter-free URL of every registered front-end channel, as a path."""
    urls = {urlsplit(url).path for channel in registered_channels() for url in channel.urls(site)}
    return sorted(urls)


@pytest.fixture
def branded(site):
    settings_for_site = ToolkitSettings.for_site(site)
    settings_for_site.brand_colour = "#0b3d2e"
    settings_for_site.accent_colour = "#1d4f91"
    settings_for_site.save()


def test_every_front_end_url_carries_the_strict_policy_and_the_permissions_policy(client, site, branded):
    urls = _front_end_urls(site) + ["/send-toolkit/no-such-page/"]
    assert len(urls) > 20
    for url in urls:
        response = client.get(url)
        policy = response.get("Content-Security-Policy", "")
        assert policy == build_policy(settings.SECURE_CSP), url
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, url
        assert "camera=()" in response.get("Permissions-Policy", ""), url
        assert "geolocation=()" in response["Permissions-Policy"] and "microphone=()" in response["Permissions-Policy"]


def test_logged_in_practitioner_pages_carry_the_strict_policy(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="senco"))
    for url in ("/accounts/", "/accounts/password/change/"):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Security-Policy"] == build_policy(settings.SECURE_CSP), url


def test_toolkit_pages_hold_no_inline_script_style_or_handler(client, site, branded):
    """Fails on any <script> body, on*= handler or style= attribute (the council colours were an inline <style>)."""
    for url in _front_end_urls(site):
        response = client.get(url)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode()
        for pattern in (INLINE_SCRIPT, INLINE_STYLE, INLINE_HANDLER):
            assert not pattern.search(html), f"{url}: {pattern.search(html)[0]}"


def test_the_wagtail_admin_gets_the_site_policy_with_its_allowances(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    expected = with_allowances(settings.SECURE_CSP, DEFAULTS["ADMIN_CSP_ALLOWANCES"])
    assert response["Content-Security-Policy"] == build_policy(expected)
    assert "script-src 'self' 'unsafe-inline';" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_admin_allowances_are_a_setting(admin_client):
    with override_settings(SEND_TOOLKIT_ADMIN_CSP_ALLOWANCES={"img-src": ["https://images.example"]}):
        policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "img-src 'self' https://images.example" in policy and "unsafe-inline" not in policy


def test_policy_is_written_as_django_6_writes_secure_csp():
    directives = {
        "default-src": ["'self'"],
        "img-src": ("'self'", "https://images.example"),
        "upgrade-insecure-requests": True,
        "report-uri": None,
        "sandbox": False,
        "worker-src": [],
    }
    assert build_policy(directives) == (
        "default-src 'self'; img-src 'self' https://images.example; upgrade-insecure-requests"
    )


def test_an_allowance_for_a_directive_the_policy_leaves_to_default_src_starts_from_default_src():
    merged = with_allowances({"default-src": ["'self'"]}, {"connect-src": ["https://api.example"]})
    assert merged["connect-src"] == ["'self'", "https://api.example"]
    assert merged["default-src"] == ["'self'"]


def test_one_middleware_name_on_every_supported_django():
    if django.VERSION >= (6, 0):
        from django.middleware.csp import ContentSecurityPolicyMiddleware as django_middleware

        assert ContentSecurityPolicyMiddleware is django_middleware
    else:
        assert ContentSecurityPolicyMiddleware.__module__ == "send_toolkit.front_end.security_headers"


@pytest.mark.parametrize("middleware", [ContentSecurityPolicyMiddleware, AdminContentSecurityPolicyMiddleware])
def test_a_policy_a_view_set_itself_is_left_alone(middleware):
    def view(request):
        response = HttpResponse()
        response["Content-Security-Policy"] = "default-src 'none'"
        return response

    response = middleware(view)(RequestFactory().get("/admin/"))
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_report_only_policy_is_sent_too():
    with override_settings(SECURE_CSP_REPORT_ONLY={"default-src": ["'none'"]}):
        response = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())(RequestFactory().get("/"))
    assert response["Content-Security-Policy-Report-Only"] == "default-src 'none'"


TEMPLATES = Path(__file__).resolve().parents[2] / "send_toolkit" / "templates" / "send_toolkit"
# Rendered by Wagtail's admin (whose policy allows inline styles), sent as email, or the standalone 500 and 503
# pages (inline styles on purpose, under a policy of their own: test_the_standalone_error_pages_...).
NOT_FRONT_END = ("admin", "accounts/email", "errors/standalone.html")


@pytest.mark.parametrize(
    "template",
    sorted(
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if not str(path.relative_to(TEMPLATES)).startswith(NOT_FRONT_END)
    ),
)
def test_front_end_templates_have_nothing_inline(template):
    source = (TEMPLATES / template).read_text()
    for pattern in (INLINE_SCRIPT, INLINE_STYLE, INLINE_HANDLER):
        assert not pattern.search(source), f"{template}: {pattern.search(source)[0]}"


@pytest.mark.parametrize("page", ["500", "503"])
def test_the_standalone_error_pages_allow_their_inline_styles_and_nothing_else(page):
    """Their styles are inline so that they need no static file; the policy they carry allows no script at all."""
    view = ContentSecurityPolicyMiddleware(
        lambda request: server_error(request) if page == "500" else service_unavailable()
    )
    response = view(RequestFactory().get("/"))
    policy = response["Content-Security-Policy"]
    assert response.status_code == int(page)
    assert policy.startswith("default-src 'none'; style-src 'unsafe-inline';")
    assert "script-src" not in policy and "frame-ancestors 'none'" in policy
    assert INLINE_STYLE.search(response.content.decode())
