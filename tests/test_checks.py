"""System checks for the Wagtail settings the toolkit's privacy depends on, and for the cache login limits use."""

from __future__ import annotations

import pytest
from django.core.checks import ERROR, CheckMessage, run_checks
from django.test import override_settings

from tests.dev_urls import load_dev_urls, unload_dev_urls


def _messages(prefix: str = "send_toolkit.E") -> dict[str, CheckMessage]:
    # databases=[]: the static checks only (Django 6.1 reads None as "every database", 5.2 as none).
    # Silenced checks are left out, as `manage.py check` leaves them out (the test settings silence E006).
    return {
        message.id: message
        for message in run_checks(databases=[])
        if message.id.startswith(prefix) and not message.is_silenced()
    }


def test_the_example_site_passes():
    assert _messages() == {}


SHARED_PASSWORD_CHECKS = [
    ("WAGTAIL_PRIVATE_PAGE_OPTIONS", "send_toolkit.E001"),
    ("WAGTAIL_PRIVATE_COLLECTION_OPTIONS", "send_toolkit.E002"),
]


@pytest.mark.parametrize(("setting", "check_id"), SHARED_PASSWORD_CHECKS)
@pytest.mark.parametrize("value", [{"SHARED_PASSWORD": True}, {}, None, "nonsense"])
def test_shared_passwords_must_be_turned_off(settings, setting, check_id, value):
    if value is None:
        delattr(settings, setting)
    else:
        setattr(settings, setting, value)
    messages = _messages()
    assert set(messages) == {check_id}
    assert messages[check_id].level == ERROR
    assert "shared password" in messages[check_id].msg
    assert f'{setting} = {{"SHARED_PASSWORD": False}}' in messages[check_id].hint


@pytest.mark.parametrize("value", ["direct", "redirect", None])
def test_documents_must_be_served_through_the_view(settings, value):
    if value is None:
        del settings.WAGTAILDOCS_SERVE_METHOD
    else:
        settings.WAGTAILDOCS_SERVE_METHOD = value
    messages = _messages()
    assert set(messages) == {"send_toolkit.E003"}
    assert repr(value) in messages["send_toolkit.E003"].msg
    assert 'WAGTAILDOCS_SERVE_METHOD = "serve_view"' in messages["send_toolkit.E003"].hint


def test_serving_the_whole_media_folder_is_an_error(settings):
    settings.ROOT_URLCONF = "tests.media_root_served_urls"
    messages = _messages()
    assert set(messages) == {"send_toolkit.E005"}
    assert messages["send_toolkit.E005"].level == ERROR
    assert "/media/documents/" in messages["send_toolkit.E005"].msg
    assert "serve-documents-safely" in messages["send_toolkit.E005"].hint


def test_the_example_sites_dev_server_urls_pass(settings):
    settings.DEBUG = True
    settings.ROOT_URLCONF = load_dev_urls()
    try:
        assert "send_toolkit.E005" not in _messages()
    finally:
        unload_dev_urls()


def test_media_on_another_host_is_not_djangos_to_serve(settings):
    settings.ROOT_URLCONF = "tests.media_root_served_urls"
    settings.MEDIA_URL = "https://media.council.example/"
    assert "send_toolkit.E005" not in _messages()


LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6399"}}
CHECKED = {"DEBUG": False, "SILENCED_SYSTEM_CHECKS": [], "RATELIMIT_USE_CACHE": "default"}


@pytest.mark.parametrize(
    "backend", ["django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache"]
)
def test_a_live_site_counting_login_attempts_in_one_process_is_refused(backend):
    with override_settings(CACHES={"default": {"BACKEND": backend}}, **CHECKED):
        messages = _messages()
    assert set(messages) == {"send_toolkit.E006"}
    assert messages["send_toolkit.E006"].level == ERROR
    assert "each worker process keeps its own count" in messages["send_toolkit.E006"].msg
    assert "RedisCache" in messages["send_toolkit.E006"].hint


def test_a_shared_cache_for_login_limits_passes():
    with override_settings(CACHES=REDIS, **CHECKED):
        assert _messages() == {}


def test_a_per_process_cache_is_fine_while_debugging():
    with override_settings(CACHES=LOCMEM, DEBUG=True, SILENCED_SYSTEM_CHECKS=[]):
        assert _messages() == {}


def test_the_check_looks_at_the_cache_django_ratelimit_uses():
    caches = {**REDIS, "limits": LOCMEM["default"]}
    with override_settings(CACHES=caches, **{**CHECKED, "RATELIMIT_USE_CACHE": "limits"}):
        messages = _messages()
    assert set(messages) == {"send_toolkit.E006"}
    assert "'limits' cache" in messages["send_toolkit.E006"].msg


def test_django_ratelimits_own_checks_run():
    """django_ratelimit registers its checks only as an installed app; they refuse a per-process cache too."""
    with override_settings(CACHES=LOCMEM, **CHECKED):
        assert "django_ratelimit.E003" in _messages("django_ratelimit.")


@pytest.mark.parametrize("value", [0, -1, "5", 2.5, None])
def test_a_provision_picture_minimum_that_is_not_a_whole_number_of_one_or_more_warns(settings, value):
    settings.SEND_TOOLKIT_PROVISION_PICTURE_MIN_SETTINGS = value
    warning = _messages("send_toolkit.W").get("send_toolkit.W012")
    assert warning is not None and "uses 5 instead" in warning.msg


@pytest.mark.parametrize("value", [1, 5, 10])
def test_a_whole_provision_picture_minimum_passes(settings, value):
    settings.SEND_TOOLKIT_PROVISION_PICTURE_MIN_SETTINGS = value
    assert "send_toolkit.W012" not in _messages("send_toolkit.W")
