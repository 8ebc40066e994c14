"""Redis down: signing in, registering and password resets are refused with a clear 503, never let through.

Sessions and login limits live in the "accounts" cache, a plain RedisCache (example_site/settings/production.py).
While it can't be reached nothing can be counted, so the limits fail closed
(practitioners/login_limits.py), and a session can't be stored, so nobody is half signed in
(practitioners/views.py). Redis is genuinely unreachable: a closed port on 127.0.0.1; the Redis running
on this machine is the positive control.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings

from send_toolkit.practitioners.models import PractitionerProfile, PractitionerStatus
from tests.operations import redis_outage
from tests.operations.redis_outage import live_redis  # noqa: F401 (a fixture)

SENCO = {"username": "senco", "password": "northmoor-senco"}  # the demo's approved practitioner
SIGN_IN_UNAVAILABLE = "Signing in is unavailable just now"


def _signed_in(client) -> bool:
    return client.get("/accounts/", follow=False).status_code == 200


@pytest.mark.django_db
def test_logging_in_is_refused_plainly_while_redis_is_down(client):
    with override_settings(**redis_outage.down()):
        response = client.post("/accounts/login/", SENCO)
        assert response.status_code == 503
        assert SIGN_IN_UNAVAILABLE in response.text
        assert "Traceback" not in response.text
        assert not _signed_in(client)


@pytest.mark.django_db
def test_no_number_of_attempts_gets_through_while_the_limits_cannot_count(client):
    with override_settings(**redis_outage.down()):
        for attempt in range(30):
            wrong = client.post("/accounts/login/", {"username": "senco", "password": f"guess-{attempt}"})
            assert wrong.status_code == 503
        assert client.post("/accounts/login/", SENCO).status_code == 503
        assert not _signed_in(client)


@pytest.mark.django_db
def test_a_session_that_cannot_be_stored_signs_nobody_in(client):
    # The limits can count (per-process cache) but the sessions' Redis is down.
    settings = redis_outage.down()
    settings["CACHES"]["limits"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    settings["RATELIMIT_USE_CACHE"] = "limits"
    with override_settings(**settings):
        response = client.post("/accounts/login/", SENCO)
        assert response.status_code == 503
        assert SIGN_IN_UNAVAILABLE in response.text
        assert "sessionid" not in response.cookies
        assert not _signed_in(client)


@pytest.mark.django_db
def test_registering_is_refused_plainly_while_redis_is_down(client):
    accounts = get_user_model().objects.count()
    with override_settings(**redis_outage.down()):
        response = client.post(
            "/accounts/register/",
            {
                "name": "Pat Example",
                "email": "pat@hillside.example",
                "organisation": "Hillside Primary",
                "role": "teacher",
                "password1": "a-long-unusual-passphrase",
                "password2": "a-long-unusual-passphrase",
            },
        )
    assert response.status_code == 503
    assert "Registering is unavailable just now" in response.text
    assert get_user_model().objects.count() == accounts
    assert mail.outbox == []


@pytest.mark.django_db
def test_password_resets_are_refused_plainly_while_redis_is_down(client):
    with override_settings(**redis_outage.down()):
        response = client.post("/accounts/password/reset/", {"email": "senco@northmoor.example"})
    assert response.status_code == 503
    assert "Resetting passwords is unavailable just now" in response.text
    assert mail.outbox == []


@pytest.mark.django_db
def test_no_verification_link_is_sent_uncounted_while_redis_is_down(client, django_user_model):
    user = django_user_model.objects.create_user("pat@hillside.example", "pat@hillside.example", "a-passphrase")
    PractitionerProfile.objects.create(
        user=user, organisation="Hillside Primary", role="teacher", status=PractitionerStatus.UNVERIFIED
    )
    client.force_login(user)  # a database session: only the attempt counts are in the Redis that is down
    settings = {**redis_outage.down(), "SESSION_ENGINE": "django.contrib.sessions.backends.db"}
    with override_settings(**settings):
        response = client.post("/accounts/", follow=True)
    assert "We could not send a new verification link just now" in response.text
    assert "We have sent a new verification link" not in response.text
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.usefixtures("live_redis")
def test_with_redis_up_logging_in_works_and_is_counted(client):
    response = client.post("/accounts/login/", SENCO)
    assert response.status_code == 302
    assert _signed_in(client)
    client.logout()
    for attempt in range(9):  # with the login above, SEND_TOOLKIT_LOGIN_RATE's 10 per username
        wrong = client.post("/accounts/login/", {"username": "senco", "password": f"guess-{attempt}"})
        assert wrong.status_code == 200  # the form again, saying the details are wrong
    assert client.post("/accounts/login/", SENCO).status_code == 429
