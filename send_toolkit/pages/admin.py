"""Admin for toolkit pages: the "Toolkit pages past review" report and the one-per-parent rule on moves.
Registered by ``send_toolkit/wagtail_hooks.py``."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from send_toolkit.pages.base import BasePage
from send_toolkit.pages.content_review import pages_past_review
from send_toolkit.pages.models import UniqueAmongSiblingsMixin


class PagesPastReviewView(ReportView):
    page_title = _("Toolkit pages past their review date")
    header_icon = "time"
    index_url_name = "send_toolkit_review_due"
    index_results_url_name = "send_toolkit_review_due_results"
    list_export = ["title", "last_reviewed", "next_review_due", "url_path"]
    export_headings = {"title": _("Page"), "last_reviewed": _("Last reviewed"), "next_review_due": _("Review was due")}
    columns = [
        TitleColumn("title", label=_("Page"), url_name="wagtailadmin_pages:edit"),
        Column("type", label=_("Type"), accessor=lambda page: page._meta.verbose_name.capitalize()),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        DateColumn("next_review_due", label=_("Review was due")),
    ]

    def get_queryset(self):
        return pages_past_review(datetime.date.today())


def review_report_urls() -> list[URLPattern]:
    """For the ``register_admin_urls`` hook."""
    return [
        path("reports/send-toolkit-review-due/", PagesPastReviewView.as_view(), name="send_toolkit_review_due"),
        path(
            "reports/send-toolkit-review-due/results/",
            PagesPastReviewView.as_view(results_only=True),
            name="send_toolkit_review_due_results",
        ),
    ]


def review_report_menu_item() -> MenuItem:
    """For the ``register_reports_menu_item`` hook."""
    return MenuItem(
        _("Toolkit pages past review"),
        reverse("send_toolkit_review_due"),
        name="send-toolkit-review-due",
        icon_name="time",
        order=750,
    )


def refuse_move_that_duplicates_a_sibling(
    request: HttpRequest, page_to_move: BasePage, destination: BasePage
) -> HttpResponse | None:
    """For the ``before_move_page`` hook. Wagtail's move saves a plain base page, so the one-per-parent rule is
    checked here instead of in clean(). The destination chooser already greys such parents out
    (can_move_to); this catches a typed URL."""
    if not isinstance(page_to_move, UniqueAmongSiblingsMixin):
        return None
    message = page_to_move.move_clash_message(destination)
    if message is None:
        return None
    messages.error(request, message)
    return redirect("wagtailadmin_pages:move", page_to_move.pk)
