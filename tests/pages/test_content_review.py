"""Content review: readers see when a page was last reviewed; editors see pages past their review date."""

import datetime

import pytest
from django.urls import reverse

from send_toolkit.pages.content_review import pages_past_review
from send_toolkit.pages.models import AccessibilityStatementPage, TierPage
from tests.admin_sidebar import labels_and_urls, main_menu, submenu

pytestmark = pytest.mark.django_db


def test_each_page_shows_when_it_was_last_reviewed(client, toolkit):
    assert "Last reviewed: <time" in client.get(toolkit.url).content.decode()


def test_report_lists_only_pages_past_their_review_date(admin_client):
    overdue = TierPage.objects.first()
    TierPage.objects.filter(pk=overdue.pk).update(next_review_due=datetime.date(2020, 1, 1))
    assert [page.pk for page in pages_past_review(datetime.date(2026, 1, 1))] == [overdue.pk]
    html = admin_client.get(reverse("send_toolkit_review_due")).content.decode()
    assert overdue.title in html and "Review was due" in html


def test_accessibility_statement_shows_status_and_placeholders_for_missing_sections(client, toolkit):
    statement = AccessibilityStatementPage.objects.get()
    statement.testing_method = ""
    statement.save_revision().publish()
    html = client.get(statement.url).content.decode()
    assert "partially compliant" in html and "WCAG" in html
    assert "To be completed by Northmoor Council" in html


def test_every_page_links_to_the_accessibility_statement_in_the_footer(client, toolkit):
    statement = AccessibilityStatementPage.objects.get()
    html = client.get(toolkit.url).content.decode()
    assert 'href="/send-toolkit/accessibility-statement/">Accessibility statement</a>' in html
    response = client.get("/send-toolkit/accessibility-statement/")
    assert response.status_code == 302 and response["Location"].endswith(statement.url_path.split("/", 2)[-1])


def test_the_report_is_in_the_admin_reports_menu(admin_client):
    reports = submenu(main_menu(admin_client.get(reverse("wagtailadmin_home")).text), "Reports")
    assert ("Toolkit pages past review", reverse("send_toolkit_review_due")) in labels_and_urls(reports)
