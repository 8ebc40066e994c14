"""The "Undelivered email" listing under SEND toolkit in the Wagtail admin, with a "Retry now" button.

Editors see whom each kept message is for, what kind it is, how many tries have failed and why, and when
the next try is; never its body, which may hold someone's sign-in link. Nobody adds or edits a kept message:
the permission policy refuses both, to superusers too. Registered by ``send_toolkit/wagtail_hooks.py``.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import URLPattern, path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from send_toolkit.mail.delivery import Outcome
from send_toolkit.mail.models import OutboxMessage
from send_toolkit.mail.outbox import retry_now

URL_NAMESPACE = "send_toolkit_undelivered_email"


class UndeliveredEmailPermissionPolicy(ModelPermissionPolicy):
    """View, delete and the model's own "retry" permission; "add" and "change" for nobody."""

    REFUSED = frozenset({"add", "change"})

    def user_has_permission(self, user, action):
        return action not in self.REFUSED and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action not in self.REFUSED])


# Registered for the model by wagtail_hooks.py, so Wagtail's views and the retry view ask the same policy.
POLICY = UndeliveredEmailPermissionPolicy(OutboxMessage)


def delivery_status(message: OutboxMessage) -> str:
    """What happens next to a kept message, in words."""
    if message.link_expired():
        return gettext("Not sent: its link has expired. The person needs to ask for a new one.")
    if message.next_attempt_at is None:
        return gettext("No more automatic tries. Retry now, or delete it.")
    when = formats.date_format(timezone.localtime(message.next_attempt_at), "DATETIME_FORMAT")
    return gettext("Next try %(when)s") % {"when": when}


class StatusColumn(Column):
    def get_value(self, instance):
        return delivery_status(instance)


class RetryColumn(Column):
    """A POST "Retry now" button, for those allowed to retry, on messages whose link still works."""

    cell_template_name = "send_toolkit/admin/retry_email_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        allowed = request is not None and POLICY.user_has_permission(request.user, "retry")
        context["retry_url"] = (
            reverse(f"{URL_NAMESPACE}:retry", args=[instance.pk]) if allowed and not instance.link_expired() else ""
        )
        context["csrf_token"] = get_token(request) if request is not None else ""
        return context


OUTCOME_MESSAGES = {
    Outcome.DELIVERED: (messages.SUCCESS, _("The email to {recipient} has been sent.")),
    Outcome.FAILED: (messages.ERROR, _("The email to {recipient} still couldn't be sent ({error}).")),
    Outcome.EXPIRED: (
        messages.WARNING,
        _("The email to {recipient} was not sent: its link has expired. They need to ask for a new one."),
    ),
    Outcome.SKIPPED: (messages.INFO, _("The email to {recipient} is being tried already; look again in a minute.")),
}


@require_POST
def retry_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not POLICY.user_has_permission(request.user, "retry"):
        raise PermissionDenied
    message = get_object_or_404(OutboxMessage, pk=pk)
    recipient = message.recipient
    outcome = retry_now(message)
    level, text = OUTCOME_MESSAGES[outcome]
    messages.add_message(request, level, str(text).format(recipient=recipient, error=message.last_error))
    return redirect(f"{URL_NAMESPACE}:index")


class UndeliveredEmailViewSet(ModelViewSet):
    model = OutboxMessage
    name = URL_NAMESPACE
    url_prefix = "send-toolkit/undelivered-email"
    icon = "mail"
    menu_label = _("Undelivered email")
    list_display = [
        "recipient",
        "kind",
        "attempts",
        "last_error",
        "created_at",
        StatusColumn("status", label=_("What happens next")),
        RetryColumn("retry", label=_("Retry")),
    ]
    list_filter = ["kind"]
    ordering = ["created_at"]
    copy_view_enabled = False
    inspect_view_enabled = False
    # The add and edit views are never served (below, and the policy refuses them); Wagtail still builds them.
    form_fields = ["recipient"]

    def get_urlpatterns(self) -> list[URLPattern]:
        kept = [pattern for pattern in super().get_urlpatterns() if pattern.name not in ("add", "edit")]
        return kept + [path("<int:pk>/retry/", retry_view, name="retry")]


class UndeliveredEmailSummaryItem(SummaryItem):
    """On the admin dashboard, while any email is waiting: how many, linking to the listing."""

    order = 260
    template_name = "send_toolkit/admin/undelivered_email_summary.html"

    def get_context_data(self, parent_context):
        return {"undelivered": OutboxMessage.objects.count(), "url": reverse(f"{URL_NAMESPACE}:index")}

    def is_shown(self) -> bool:
        return POLICY.user_has_permission(self.request.user, "view") and OutboxMessage.objects.exists()


def add_undelivered_email_summary(request: HttpRequest, items: list[SummaryItem]) -> None:
    """For the ``construct_homepage_summary_items`` hook."""
    items.append(UndeliveredEmailSummaryItem(request))
