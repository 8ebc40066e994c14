"""Which toolkit pages are past their review date (shown to editors as an admin report)."""

from __future__ import annotations

import datetime

from django.apps import apps

from send_toolkit.pages.models import ToolkitPageMixin


def toolkit_page_models() -> list[type]:
    return [model for model in apps.get_app_config("send_toolkit").get_models() if issubclass(model, ToolkitPageMixin)]


def pages_past_review(today: datetime.date) -> list:
    """Every toolkit page (draft or live) whose next review date has passed, most overdue first."""
    overdue = []
    for model in toolkit_page_models():
        overdue.extend(model.objects.filter(next_review_due__lt=today))
    return sorted(overdue, key=lambda page: (page.next_review_due, page.title))
