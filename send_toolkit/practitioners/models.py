"""Practitioner accounts: work identity, approval status, and the council's email-domain allowlist.

A ``PractitionerProfile`` holds only work identity (DESIGN.md section 5): organisation and
role, beside the name and work email on the user account. Status moves
unverified → pending → approved (or rejected), and approved ↔ suspended. Being approved
means being in the practitioners group; a suspended account is made inactive, so
Django stops accepting its sessions on the very next request, and its sessions are ended
for good (``session_revocation``), so reinstating it means logging in again.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from send_toolkit.conf import toolkit_settings
from send_toolkit.domain.access_rules import AccountStatus
from send_toolkit.mail.outbox import send_or_keep
from send_toolkit.practitioners.session_revocation import delete_stored_sessions


class PractitionerRole(models.TextChoices):
    SENCO = "senco", "SENCO"
    TEACHER = "teacher", "Teacher"
    TEACHING_ASSISTANT = "teaching_assistant", "Teaching assistant"
    EARLY_YEARS = "early_years", "Early years practitioner"
    POST_16 = "post_16", "Post-16 practitioner"
    OTHER = "other", "Other"


class PractitionerStatus(models.TextChoices):
    """The statuses of ``domain.access_rules.AccountStatus``: only an approved account passes any restriction."""

    UNVERIFIED = AccountStatus.UNVERIFIED.value, "Email not yet verified"
    PENDING = AccountStatus.PENDING.value, "Awaiting approval"
    APPROVED = AccountStatus.APPROVED.value, "Approved"
    REJECTED = AccountStatus.REJECTED.value, "Not approved"
    SUSPENDED = AccountStatus.SUSPENDED.value, "Suspended"


def _clean_domain(value: str) -> str:
    return value.strip().lower().lstrip("@")


class ApprovedEmailDomain(models.Model):
    """An email domain whose verified addresses are approved without waiting (e.g. the council's schools)."""

    domain = models.CharField(
        max_length=253,
        unique=True,
        help_text="For example oakfield-primary.example. Only addresses at exactly this domain are approved.",
    )
    description = models.CharField(max_length=200, blank=True, help_text="Whose domain this is.")

    class Meta:
        ordering = ["domain"]
        verbose_name = "approved email domain"

    def __str__(self) -> str:
        return self.domain

    def clean(self) -> None:
        self.domain = _clean_domain(self.domain)
        if "." not in self.domain or "@" in self.domain or " " in self.domain:
            raise ValidationError({"domain": "Enter a domain such as oakfield-primary.example, without the @."})

    @classmethod
    def allows(cls, email: str) -> bool:
        domain = _clean_domain(email.rpartition("@")[2])
        return bool(domain) and cls.objects.filter(domain=domain).exists()


class PractitionerProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practitioner_profile")
    organisation = models.CharField(max_length=200, help_text="School, setting or service.")
    role = models.CharField(max_length=30, choices=PractitionerRole.choices)
    status = models.CharField(
        max_length=20, choices=PractitionerStatus.choices, default=PractitionerStatus.UNVERIFIED, db_index=True
    )
    registered_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    sessions_ended_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="Sessions that logged in before this time are ended (set on suspension; see session_revocation).",
    )

    class Meta:
        ordering = ["-registered_at"]
        verbose_name = "practitioner account"

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    @property
    def name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def email(self) -> str:
        return self.user.email

    # Status changes. Each keeps group membership and is_active in step with the status.

    def email_verified(self, base_url: str = "") -> None:
        """The applicant proved they own the address: approve at once if the domain is allowlisted."""
        if self.status != PractitionerStatus.UNVERIFIED:
            return
        if ApprovedEmailDomain.allows(self.email):
            # The page they are on says they are approved, so an approval email that must wait is no news.
            self.approve(base_url)
        else:
            self._set_status(PractitionerStatus.PENDING)

    def approve(self, base_url: str = "") -> bool:
        """Approve, and tell the applicant. ``base_url`` (e.g. https://council.example) makes links absolute.

        Returns whether the email went at once; if not it is kept and tried again (``send_toolkit.mail``)."""
        self._set_status(PractitionerStatus.APPROVED)
        return self._notify("approved", base_url)

    def reject(self, base_url: str = "") -> bool:
        """Reject, and tell the applicant; returns whether the email went at once (as ``approve``)."""
        self._set_status(PractitionerStatus.REJECTED)
        return self._notify("rejected", base_url)

    @transaction.atomic
    def suspend(self) -> None:
        """Suspend, ending every session the account has: reinstating it later does not revive them."""
        self._set_status(PractitionerStatus.SUSPENDED)
        self.sessions_ended_at = timezone.now()
        self.save(update_fields=["sessions_ended_at"])
        delete_stored_sessions(self.user)

    def reinstate(self) -> None:
        self._set_status(PractitionerStatus.APPROVED)

    @transaction.atomic
    def _set_status(self, status: str) -> None:
        self.status = status
        self.status_changed_at = timezone.now()
        self.save(update_fields=["status", "status_changed_at"])
        group, _ = Group.objects.get_or_create(name=toolkit_settings.PRACTITIONER_GROUP)
        user = self.user
        if status == PractitionerStatus.APPROVED:
            user.groups.add(group)
        else:
            user.groups.remove(group)
        # An inactive user's session is refused by Django's authentication middleware.
        active = status != PractitionerStatus.SUSPENDED
        if user.is_active != active:
            user.is_active = active
            user.save(update_fields=["is_active"])

    def _notify(self, outcome: str, base_url: str) -> bool:
        from django.shortcuts import resolve_url

        login_url = base_url.rstrip("/") + resolve_url(settings.LOGIN_URL)
        context = {"profile": self, "outcome": outcome, "login_url": login_url}
        return send_or_keep(
            kind=outcome,
            recipient=self.email,
            subject=render_to_string(f"send_toolkit/accounts/email/{outcome}_subject.txt", context).strip(),
            body=render_to_string(f"send_toolkit/accounts/email/{outcome}.txt", context),
        )
