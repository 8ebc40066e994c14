"""The practitioner account forms: registration (work identity only: DESIGN.md section 5), login, password reset."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.template.loader import render_to_string

from send_toolkit.mail.models import MailKind
from send_toolkit.mail.outbox import send_or_keep
from send_toolkit.practitioners.models import PractitionerRole


class RegistrationForm(forms.Form):
    name = forms.CharField(max_length=150, label="Full name", widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label="Work email address",
        help_text="Use your school or setting address: some are approved straight away.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        max_length=200,
        label="School, setting or service",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.ChoiceField(choices=PractitionerRole.choices, widget=forms.RadioSelect, label="Your role")
    password1 = forms.CharField(
        label="Create a password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Type the password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords do not match.")
        elif first:
            from django.contrib.auth import get_user_model

            candidate = get_user_model()(email=cleaned.get("email", ""), first_name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def split_name(self) -> tuple[str, str]:
        first, _, last = self.cleaned_data["name"].strip().partition(" ")
        return first, last


class LoginForm(AuthenticationForm):
    """Django's login form (its one message for every failure avoids account enumeration), asking for email."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address or username"
        self.fields["username"].widget.attrs["autocomplete"] = "username"

    def clean_username(self) -> str:
        value = (self.cleaned_data.get("username") or "").strip()
        # Self-registered accounts use their (lower-cased) email address as the username.
        return value.lower() if "@" in value else value


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's password reset form, its email sent through the toolkit's outbox, reading the accounts for an
    address once.

    A message the mail server won't take is kept and tried again while its link still works
    (``PASSWORD_RESET_TIMEOUT``). The reply stays the same either way, so saying "we couldn't send it" would
    tell who has an account. The view asks whether there are accounts before Django sends their links, and a
    second query would make a known address answer more slowly.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._users_by_email: dict[str, list] = {}

    def get_users(self, email):
        if email not in self._users_by_email:
            self._users_by_email[email] = list(super().get_users(email))
        return iter(self._users_by_email[email])

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ) -> None:
        send_or_keep(
            kind=MailKind.PASSWORD_RESET,
            recipient=to_email,
            # Email subjects must not contain newlines.
            subject="".join(render_to_string(subject_template_name, context).splitlines()),
            body=render_to_string(email_template_name, context),
            expires_in=timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT),
        )
