"""The admin's "Undelivered email" listing and its "Retry now" button (send_toolkit/mail/admin.py), driven
through the Wagtail admin's own URLs with the Django test client."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone

from send_toolkit.mail.models import MailKind, OutboxMessage
from send_toolkit.mail.outbox import send_or_keep
from tests.admin_sidebar import labels_and_urls, main_menu, submenu
from tests.mail_servers import bring_mail_server_back, take_mail_server_down

pytestmark = pytest.mark.django_db

LISTING = "/admin/send-toolkit/undelivered-email/"
ADDRESS = "pat@hillside.example"
SECRET_LINK = "http://testserver/accounts/password/reset/MQ/a-sign-in-token/"


@pytest.fixture
def kept(settings) -> OutboxMessage:
    take_mail_server_down(settings)
    assert not send_or_keep(
        MailKind.PASSWORD_RESET, ADDRESS, "Reset your password", f"Open {SECRET_LINK}", expires_in=timedelta(days=3)
    )
    return OutboxMessage.objects.get()


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.get(username="editor"))


def text(response) -> str:
    return html.unescape(response.text)


def test_editors_see_what_was_not_delivered_and_why_but_never_the_link_in_it(client, kept, editor):
    response = client.get(LISTING)
    assert response.status_code == 200
    page = text(response)
    for shown in (ADDRESS, "Password reset", "ConnectionRefusedError", "Next try", "Retry now"):
        assert shown in page, shown
    assert SECRET_LINK not in page and "a-sign-in-token" not in page
    assert f"{LISTING}delete/{kept.pk}/" in page  # in the row's menu
    menu = labels_and_urls(submenu(main_menu(client.get("/admin/").text), "SEND toolkit"))
    assert ("Undelivered email", LISTING) in menu


def test_retry_now_delivers_once_the_server_is_back_and_the_message_leaves_the_list(client, kept, editor, settings):
    bring_mail_server_back(settings)
    response = client.post(f"{LISTING}{kept.pk}/retry/", follow=True)
    assert response.status_code == 200
    assert f"The email to {ADDRESS} has been sent." in text(response)
    assert mail.outbox[-1].to == [ADDRESS] and SECRET_LINK in mail.outbox[-1].body
    assert not OutboxMessage.objects.exists()
    assert ADDRESS not in text(client.get(LISTING))


def test_retry_now_while_the_server_is_still_down_says_so_and_counts_the_try(client, kept, editor):
    response = client.post(f"{LISTING}{kept.pk}/retry/", follow=True)
    assert response.status_code == 200 and "Traceback" not in response.text
    assert f"The email to {ADDRESS} still couldn't be sent (ConnectionRefusedError" in text(response)
    kept.refresh_from_db()
    assert kept.attempts == 2 and kept.next_attempt_at > timezone.now()


def test_a_message_whose_link_expired_offers_no_retry_and_says_to_ask_again(client, kept, editor):
    OutboxMessage.objects.filter(pk=kept.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    page = text(client.get(LISTING))
    assert "its link has expired" in page and "Retry now" not in page
    response = client.post(f"{LISTING}{kept.pk}/retry/", follow=True)
    assert "was not sent: its link has expired" in text(response)
    kept.refresh_from_db()
    assert kept.body == "" and not mail.outbox


def test_retrying_needs_a_post(client, kept, editor):
    assert client.get(f"{LISTING}{kept.pk}/retry/").status_code == 405


def test_retrying_a_message_that_is_gone_is_not_found(client, editor):
    assert client.post(f"{LISTING}987654/retry/").status_code == 404


def test_editors_may_delete_a_message_they_do_not_want_sent(client, kept, editor):
    response = client.post(f"{LISTING}delete/{kept.pk}/")
    assert response.status_code == 302 and not OutboxMessage.objects.exists()


def test_nobody_adds_or_edits_a_kept_message_not_even_a_superuser(client, kept):
    get_user_model().objects.create_superuser("root", "root@council.example", "a-long-enough-Passphrase-42")
    client.login(username="root", password="a-long-enough-Passphrase-42")
    page = client.get(LISTING)
    assert page.status_code == 200 and "Retry now" in page.text
    assert f"{LISTING}new/" not in page.text and f"{LISTING}edit/" not in page.text
    assert client.get(f"{LISTING}new/").status_code == 404
    assert client.get(f"{LISTING}edit/{kept.pk}/").status_code == 404


@pytest.mark.parametrize("who", ["practitioner", "admin user without the permissions"])
def test_people_without_the_permissions_can_neither_see_nor_retry(client, kept, settings, who):
    if who == "practitioner":
        user = get_user_model().objects.get(username="senco")
    else:
        user = get_user_model().objects.create_user("moderator", "moderator@council.example", "x")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    listing = client.get(LISTING)
    assert listing.status_code in (302, 403) and ADDRESS not in listing.text
    bring_mail_server_back(settings)
    assert client.post(f"{LISTING}{kept.pk}/retry/").status_code in (302, 403)
    assert client.post(f"{LISTING}delete/{kept.pk}/").status_code in (302, 403)
    assert OutboxMessage.objects.get().attempts == 1 and not mail.outbox


def test_the_dashboard_tells_editors_while_email_is_waiting(client, kept, editor):
    page = text(client.get("/admin/"))
    assert "1 email couldn't be sent yet" in page and f'href="{LISTING}"' in page
    kept.delete()
    assert "couldn't be sent yet" not in text(client.get("/admin/"))


def test_the_dashboard_says_nothing_to_those_who_may_not_see_the_listing(client, kept):
    user = get_user_model().objects.create_user("moderator", "moderator@council.example", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert "couldn't be sent yet" not in text(client.get("/admin/"))
