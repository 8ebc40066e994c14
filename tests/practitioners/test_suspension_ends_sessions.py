"""Suspending a practitioner ends their sessions for good: reinstating them does not revive an old one.

Run with the database session backend and with a cache-only one (the production settings' choice),
where sessions cannot be listed and only the "sessions ended at" time can stop them.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client

from send_toolkit.pages.models import GuidancePage

pytestmark = pytest.mark.django_db

PASSWORD = "northmoor-senco"  # the demo SENCO's password


@pytest.fixture(
    params=["django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cache"], ids=["db", "cache"]
)
def session_engine(request, settings):
    settings.SESSION_ENGINE = request.param
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return request.param


@pytest.fixture
def practitioner_section(toolkit) -> GuidancePage:
    return GuidancePage.objects.get(slug="for-practitioners")


def _log_in(client: Client) -> None:
    response = client.post("/accounts/login/", {"username": "senco", "password": PASSWORD})
    assert response.status_code == 302, response.status_code


def test_a_session_from_before_a_suspension_stays_ended_after_reinstatement(session_engine, practitioner_section):
    senco = get_user_model().objects.get(username="senco")
    old_device, new_device = Client(), Client()
    _log_in(old_device)
    assert old_device.get(practitioner_section.url).status_code == 200

    senco.practitioner_profile.suspend()
    senco.practitioner_profile.reinstate()  # before the old device makes another request

    response = old_device.get(practitioner_section.url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in old_device.session
    # A fresh login, even straight after the reinstatement, works.
    _log_in(new_device)
    assert new_device.get(practitioner_section.url).status_code == 200
    assert new_device.get(practitioner_section.url).status_code == 200


def test_database_sessions_are_deleted_at_once(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    senco = get_user_model().objects.get(username="senco")
    client = Client()
    _log_in(client)
    key = client.session.session_key
    assert Session.objects.filter(session_key=key).exists()
    senco.practitioner_profile.suspend()
    assert not Session.objects.filter(session_key=key).exists()


def test_other_practitioners_sessions_are_untouched(session_engine, practitioner_section):
    other = get_user_model().objects.create_user(username="other@school.example", password="another-pass-123")
    from send_toolkit.practitioners.models import PractitionerProfile

    other_profile = PractitionerProfile.objects.create(user=other, organisation="School", role="teacher")
    other_profile.approve()
    client = Client()
    client.post("/accounts/login/", {"username": "other@school.example", "password": "another-pass-123"})
    get_user_model().objects.get(username="senco").practitioner_profile.suspend()
    assert client.get(practitioner_section.url).status_code == 200
