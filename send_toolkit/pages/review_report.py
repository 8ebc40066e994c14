"""Admin report: toolkit pages past their review date."""

from __future__ import annotations

import datetime

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from send_toolkit.pages.content_review import pages_past_review


class PagesPastReviewView(ReportView):
    page_title = "Toolkit pages past their review date"
    header_icon = "time"
    index_url_name = "send_toolkit_review_due"
    index_results_url_name = "send_toolkit_review_due_results"
    list_export = ["title", "last_reviewed", "next_review_due", "url_path"]
    export_headings = {"title": "Page", "last_reviewed": "Last reviewed", "next_review_due": "Review was due"}
    columns = [
        TitleColumn("title", label="Page", url_name="wagtailadmin_pages:edit"),
        Column("type", label="Type", accessor=lambda page: page._meta.verbose_name.capitalize()),
        DateColumn("last_reviewed", label="Last reviewed"),
        DateColumn("next_review_due", label="Review was due"),
    ]

    def get_queryset(self):
        return pages_past_review(datetime.date.today())
