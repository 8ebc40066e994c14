"""A kept email: one the mail server would not take, waiting to be tried again.

It holds only what the message needs: the practitioner's work address, the subject and body the toolkit
wrote (never anything about a child, DESIGN.md section 5), and the record of tries. A message is deleted
as soon as it is delivered, so the table never keeps copies of sign-in links that worked; a message whose
link expired before it could be sent has its body cleared.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from send_toolkit.domain.mail_retry import link_expired


class MailKind(models.TextChoices):
    """Every email the toolkit sends."""

    VERIFY_EMAIL = "verify_email", _("Confirm your email address")
    ALREADY_REGISTERED = "already_registered", _("Already registered")
    PASSWORD_RESET = "password_reset", _("Password reset")
    PASSWORD_RESET_NO_ACCOUNT = "password_reset_no_account", _("Password reset asked for an address with no account")
    APPROVED = "approved", _("Account approved")
    REJECTED = "rejected", _("Account not approved")


class OutboxMessage(models.Model):
    recipient = models.EmailField(_("recipient"), help_text=_("The practitioner's work email address."))
    kind = models.CharField(_("kind"), max_length=40, choices=MailKind.choices)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"), blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(
        _("last error"), max_length=255, blank=True, help_text=_("The kind of failure and the server's short reply.")
    )
    created_at = models.DateTimeField(_("first tried"), default=timezone.now)
    next_attempt_at = models.DateTimeField(
        _("next try"), null=True, blank=True, db_index=True, help_text=_("Empty once no more tries are scheduled.")
    )
    expires_at = models.DateTimeField(
        _("link expires"), null=True, blank=True, help_text=_("When the link in the message stops working.")
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("undelivered email")
        verbose_name_plural = _("undelivered email")
        # Nobody writes or edits a kept message by hand: editors see them, retry them and delete them.
        default_permissions = ("view", "delete")
        permissions = [("retry_outboxmessage", _("Can retry undelivered email"))]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}"

    def link_expired(self, now=None) -> bool:
        return link_expired(self.expires_at, now or timezone.now())
