"""Council settings in the admin, the toolkit's own settings, and the example site's production settings."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from send_toolkit.conf import DEFAULTS, toolkit_settings
from send_toolkit.council.models import ToolkitSettings

EXAMPLE_SITE = Path(__file__).resolve().parent.parent / "example_site"


@pytest.fixture
def admin_client_logged_in(client, db):
    user = get_user_model().objects.create_superuser("settings-admin", "s@example.test", "pw")
    client.force_login(user)
    return client


def _settings_form(site, **changes) -> dict:
    current = ToolkitSettings.for_site(site)
    data = {
        field.name: getattr(current, field.name)
        for field in ToolkitSettings._meta.get_fields()
        if field.concrete and field.name not in ("id", "site")
    }
    data.update(changes)
    return {key: "" if value is None else value for key, value in data.items()}


def test_editor_changes_council_contacts_and_they_show_on_pages(admin_client_logged_in, site, client):
    url = reverse("wagtailsettings:edit", args=("send_toolkit", "toolkitsettings", site.pk))
    response = admin_client_logged_in.post(
        url, _settings_form(site, council_name="Westvale Council", sendiass_phone="01234 567890")
    )
    assert response.status_code == 302
    settings = ToolkitSettings.for_site(site)
    assert settings.council_name == "Westvale Council"
    home = client.get("/send-toolkit/").content.decode()
    assert "Westvale Council" in home


def test_bad_settings_re_render_with_errors_and_change_nothing(admin_client_logged_in, site):
    url = reverse("wagtailsettings:edit", args=("send_toolkit", "toolkitsettings", site.pk))
    response = admin_client_logged_in.post(
        url, _settings_form(site, council_name="Changed", sendiass_email="not-an-email", school_weeks="0")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid email address" in html
    assert "greater than or equal to 1" in html
    assert ToolkitSettings.for_site(site).council_name == "Northmoor Council"


def test_toolkit_settings_have_documented_defaults_and_can_be_overridden():
    assert toolkit_settings.PRACTITIONER_GROUP == DEFAULTS["PRACTITIONER_GROUP"]
    with override_settings(SEND_TOOLKIT_PRACTITIONER_GROUP="School staff"):
        assert toolkit_settings.PRACTITIONER_GROUP == "School staff"
    with pytest.raises(AttributeError, match="no setting called NOPE"):
        toolkit_settings.NOPE  # noqa: B018


def _manage(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=EXAMPLE_SITE,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("DJANGO")}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "example_site.settings.production",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-for-the-check-0123456789abcdef",
    "DJANGO_ALLOWED_HOSTS": "send.northmoor.example",
    "DATABASE_URL": "sqlite:////tmp/send-toolkit-deploy-check.sqlite3",
    # Nothing connects to it: checks, settings and static files never touch the cache.
    "REDIS_URL": "redis://127.0.0.1:6399/0",
}


def _python(code: str, env: dict) -> subprocess.CompletedProcess:
    """Run ``code`` with Django set up under ``env`` (the example site on the path), in a process of its own."""
    return subprocess.run(
        [sys.executable, "-c", f"import django\ndjango.setup()\n{code}"],
        cwd=EXAMPLE_SITE,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("DJANGO")}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check_when_the_environment_is_set():
    result = _manage(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_count_login_attempts_in_redis():
    code = """
from django.conf import settings
from django.core.cache import caches
from django.core.checks import run_checks
print(type(caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]).__name__)
print(settings.CACHES["default"]["LOCATION"])
print(sorted(m.id for m in run_checks(databases=[]) if not m.is_silenced()))
"""
    result = _python(code, PRODUCTION)
    assert result.returncode == 0, result.stderr
    backend, location, messages = result.stdout.splitlines()
    assert backend == "RedisCache"
    assert location == PRODUCTION["REDIS_URL"]
    assert messages == "[]"  # neither send_toolkit.E006 nor django_ratelimit's checks object


def test_production_settings_refuse_to_start_without_redis():
    result = _manage(["check"], {**PRODUCTION, "REDIS_URL": ""})
    assert result.returncode != 0
    assert "Set the REDIS_URL environment variable" in result.stderr


@pytest.mark.slow
def test_production_serves_the_toolkits_static_files_with_hashed_names_and_long_cache_headers(tmp_path):
    env = {**PRODUCTION, "DJANGO_STATIC_ROOT": str(tmp_path)}
    collected = _manage(["collectstatic", "--noinput"], env)
    assert collected.returncode == 0, collected.stderr
    code = """
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
url = staticfiles_storage.url("send_toolkit/css/toolkit.css")
response = Client().get(url, secure=True, headers={"host": "send.northmoor.example", "accept-encoding": "gzip"})
print(url)
print(response.status_code, response.get("Content-Encoding", ""))
print(response["Cache-Control"])
"""
    result = _python(code, env)
    assert result.returncode == 0, result.stderr
    url, status, cache_control = result.stdout.splitlines()
    assert re.fullmatch(r"/static/send_toolkit/css/toolkit\.[0-9a-f]{12}\.css", url)
    assert status == "200 gzip"
    assert "max-age=315360000" in cache_control and "immutable" in cache_control


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _manage(
        ["check"],
        {"DJANGO_SETTINGS_MODULE": "example_site.settings.production", "DJANGO_ALLOWED_HOSTS": "x.example"},
    )
    assert result.returncode != 0
    assert "Set the DJANGO_SECRET_KEY environment variable" in result.stderr


def test_production_settings_refuse_to_start_without_a_database_url():
    result = _manage(
        ["check"],
        {
            "DJANGO_SETTINGS_MODULE": "example_site.settings.production",
            "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-for-the-check-0123456789abcdef",
            "DJANGO_ALLOWED_HOSTS": "x.example",
            "DATABASE_URL": "",
        },
    )
    assert result.returncode != 0
    assert "Set the DATABASE_URL environment variable" in result.stderr
