"""Practitioner accounts on the front end: register, verify email, log in and out, passwords.

Django's own auth views do the security-sensitive work; these add the toolkit's templates,
rate limits (django-ratelimit) and registration. Messages never say whether an address
already has an account. While the cache holding sessions and attempt counts is down, logging in,
registering and password resets are refused with a 503 and a plain message, never let through uncounted.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from send_toolkit.access.visibility import request_viewer
from send_toolkit.conf import toolkit_settings
from send_toolkit.front_end.layout import ToolkitLayoutMixin, render
from send_toolkit.mail.outbox import send_or_keep
from send_toolkit.operations.outages import CACHE_UNAVAILABLE
from send_toolkit.practitioners import email_verification
from send_toolkit.practitioners.forms import LoginForm, PasswordResetForm, RegistrationForm
from send_toolkit.practitioners.login_limits import LimitsUnavailable, count_attempt, login_paused, login_unavailable
from send_toolkit.practitioners.models import PractitionerProfile, PractitionerStatus
from send_toolkit.tools.registry import TOOLS

TEMPLATE_DIR = "send_toolkit/accounts"
TOO_MANY_ATTEMPTS = "Too many attempts from here. Please wait a few minutes and try again."
# While the cache holding sessions and attempt counts can't be reached (503).
SIGN_IN_UNAVAILABLE = gettext_lazy("Signing in is unavailable just now. Please try again shortly.")
REGISTRATION_UNAVAILABLE = gettext_lazy("Registering is unavailable just now. Please try again shortly.")
PASSWORD_RESET_UNAVAILABLE = gettext_lazy("Resetting passwords is unavailable just now. Please try again shortly.")
RESEND_UNAVAILABLE = gettext_lazy("We could not send a new verification link just now. Please try again shortly.")
EMAIL_DELAYED = gettext_lazy(
    "We couldn't send the email just now. We have kept it and will keep trying for the next few hours, "
    "so please check your inbox later."
)


def _safe_next(request: HttpRequest, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(value, {request.get_host()}, request.is_secure()):
        return value
    return ""


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _limited(request: HttpRequest, group: str, rate: str, keys: list[str]) -> bool:
    """Count this POST against each key; True once any of them is over the rate.

    LimitsUnavailable when the count can't be kept: the caller refuses.
    """
    limited = False
    for key in keys:
        limited |= count_attempt(request, group, key, rate, method="POST")
    return limited


# --- Registration and verification -----------------------------------------------------------------------


@never_cache
@sensitive_post_parameters("password1", "password2")
def register(request: HttpRequest) -> HttpResponse:
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    form = RegistrationForm(request.POST or None)
    if request.method == "POST":
        try:
            limited = _limited(request, "send_toolkit.register", toolkit_settings.REGISTRATION_RATE, ["ip"])
        except LimitsUnavailable:
            form.add_error(None, REGISTRATION_UNAVAILABLE)
            return render(request, f"{TEMPLATE_DIR}/register.html", {"form": form, "next": next_url}, status=503)
        if limited:
            form.add_error(None, TOO_MANY_ATTEMPTS)
            return render(request, f"{TEMPLATE_DIR}/register.html", {"form": form, "next": next_url}, status=429)
        if form.is_valid():
            sent = _register(request, form, next_url)
            # The same pages whether or not the address already had an account: each is sent an email.
            return redirect(reverse("send_toolkit:registration_sent" if sent else "send_toolkit:registration_delayed"))
    return render(request, f"{TEMPLATE_DIR}/register.html", {"form": form, "next": next_url})


def _register(request: HttpRequest, form: RegistrationForm, next_url: str) -> bool:
    """Register (or, for an address that has an account, tell its owner); whether the email went at once."""
    User = get_user_model()
    email = form.cleaned_data["email"]
    existing = User.objects.filter(email__iexact=email).first() or User.objects.filter(username__iexact=email).first()
    if existing is not None:
        # Hash the password anyway, as creating an account would, so that the time taken to
        # answer does not tell whether the address already has an account.
        make_password(form.cleaned_data["password1"])
        return _send(request, "already_registered", existing.email or email, {"user": existing})
    first_name, last_name = form.split_name()
    with transaction.atomic():
        user = User.objects.create_user(
            username=email,
            email=email,
            password=form.cleaned_data["password1"],
            first_name=first_name,
            last_name=last_name,
        )
        PractitionerProfile.objects.create(
            user=user, organisation=form.cleaned_data["organisation"], role=form.cleaned_data["role"]
        )
    return send_verification_email(request, user, next_url)


def send_verification_email(request: HttpRequest, user, next_url: str = "") -> bool:
    path = reverse("send_toolkit:verify_email", args=[email_verification.make_token(user)])
    if next_url:
        path += "?" + urlencode({"next": next_url})
    hours = toolkit_settings.EMAIL_VERIFICATION_MAX_AGE // 3600
    return _send(
        request,
        "verify_email",
        user.email,
        {"user": user, "verify_url": request.build_absolute_uri(path), "hours": hours},
        expires_in=timedelta(seconds=toolkit_settings.EMAIL_VERIFICATION_MAX_AGE),
    )


def _send(request: HttpRequest, kind: str, to: str, context: dict, expires_in: timedelta | None = None) -> bool:
    """Send one of the account emails (its templates are named after its kind); whether it went at once."""
    context = {**context, "base_url": _base_url(request)}
    return send_or_keep(
        kind=kind,
        recipient=to,
        subject=render_to_string(f"{TEMPLATE_DIR}/email/{kind}_subject.txt", context).strip(),
        body=render_to_string(f"{TEMPLATE_DIR}/email/{kind}.txt", context),
        expires_in=expires_in,
    )


@never_cache
def registration_sent(request: HttpRequest) -> HttpResponse:
    return render(request, f"{TEMPLATE_DIR}/registration_sent.html")


@never_cache
def registration_delayed(request: HttpRequest) -> HttpResponse:
    """Registered, but the mail server would not take the email just now: it is kept and tried again."""
    return render(request, f"{TEMPLATE_DIR}/registration_delayed.html")


@never_cache
def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    user = email_verification.user_for_token(token)
    profile = PractitionerProfile.objects.filter(user=user).first() if user is not None else None
    if profile is None:
        return render(request, f"{TEMPLATE_DIR}/verify_failed.html", status=400)
    profile.email_verified(_base_url(request))
    profile.refresh_from_db()
    next_url = _safe_next(request, request.GET.get("next"))
    return render(
        request, f"{TEMPLATE_DIR}/verified.html", {"profile": profile, "next": next_url, "statuses": PractitionerStatus}
    )


@never_cache
@login_required
def account(request: HttpRequest) -> HttpResponse:
    profile = PractitionerProfile.objects.filter(user=request.user).first()
    if request.method == "POST" and profile and profile.status == PractitionerStatus.UNVERIFIED:
        try:
            limited = _limited(request, "send_toolkit.resend", toolkit_settings.REGISTRATION_RATE, ["user"])
        except LimitsUnavailable:
            messages.error(request, RESEND_UNAVAILABLE)  # nothing sent uncounted
            return redirect("send_toolkit:account")
        if limited or send_verification_email(request, request.user):
            messages.info(request, _("We have sent a new verification link to your email address."))
        else:
            messages.warning(request, EMAIL_DELAYED)
        return redirect("send_toolkit:account")
    tools = TOOLS if request_viewer(request).uses_practitioner_tools else ()
    return render(
        request,
        f"{TEMPLATE_DIR}/account.html",
        {
            "profile": profile,
            "statuses": PractitionerStatus,
            "tools": [(tool, reverse(tool.url_name)) for tool in tools],
        },
    )


# --- Django's auth views with the toolkit's templates ------------------------------------------------------


class LoginView(ToolkitLayoutMixin, auth_views.LoginView):
    """Django's login view. Guessing is limited by ``login_limits.RateLimitedModelBackend``."""

    template_name = f"{TEMPLATE_DIR}/login.html"
    authentication_form = LoginForm

    def form_invalid(self, form):
        if login_unavailable(self.request):
            return self._refused(form, SIGN_IN_UNAVAILABLE, status=503)
        if login_paused(self.request):
            return self._refused(form, TOO_MANY_ATTEMPTS, status=429)
        return super().form_invalid(form)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except CACHE_UNAVAILABLE:
            # The password was right but the session can't be stored: not signed in, and nothing half-saved
            # (a fresh, empty session is never written back).
            self.request.session = type(self.request.session)()
            self.request.user = AnonymousUser()
            return self._refused(form, SIGN_IN_UNAVAILABLE, status=503)

    def _refused(self, form, message, status: int):
        form = self.get_form_class()(request=self.request, initial={"username": form.data.get("username", "")})
        context = self.get_context_data(form=form, rate_limited=message)
        return self.render_to_response(context, status=status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        next_url = _safe_next(self.request, self.get_redirect_url())
        context["register_url"] = reverse("send_toolkit:register") + (
            "?" + urlencode({"next": next_url}) if next_url else ""
        )
        return context


class LogoutView(ToolkitLayoutMixin, auth_views.LogoutView):
    template_name = f"{TEMPLATE_DIR}/logged_out.html"


class PasswordResetView(ToolkitLayoutMixin, auth_views.PasswordResetView):
    template_name = f"{TEMPLATE_DIR}/password_reset.html"
    form_class = PasswordResetForm
    email_template_name = f"{TEMPLATE_DIR}/email/password_reset.txt"
    subject_template_name = f"{TEMPLATE_DIR}/email/password_reset_subject.txt"
    success_url = reverse_lazy("send_toolkit:password_reset_done")

    def post(self, request, *args, **kwargs):
        try:
            limited = _limited(request, "send_toolkit.password_reset", toolkit_settings.REGISTRATION_RATE, ["ip"])
        except LimitsUnavailable:
            form = self.get_form()
            form.add_error(None, PASSWORD_RESET_UNAVAILABLE)
            return self.render_to_response(self.get_context_data(form=form), status=503)
        if limited:
            # Say the same as a successful request: nothing to learn from the reply.
            return redirect(self.success_url)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if next(iter(form.get_users(email)), None) is not None:
            return super().form_valid(form)  # Django emails the reset link
        # As registration does for an address that already has an account: send one email whatever
        # the address, so the time taken to answer does not tell whether it has an account.
        _send(self.request, "password_reset_no_account", email, {"email": email})
        return redirect(self.get_success_url())


class PasswordResetDoneView(ToolkitLayoutMixin, auth_views.PasswordResetDoneView):
    template_name = f"{TEMPLATE_DIR}/password_reset_done.html"


class PasswordResetConfirmView(ToolkitLayoutMixin, auth_views.PasswordResetConfirmView):
    template_name = f"{TEMPLATE_DIR}/password_reset_confirm.html"
    success_url = reverse_lazy("send_toolkit:password_reset_complete")


class PasswordResetCompleteView(ToolkitLayoutMixin, auth_views.PasswordResetCompleteView):
    template_name = f"{TEMPLATE_DIR}/password_reset_complete.html"


class PasswordChangeView(ToolkitLayoutMixin, auth_views.PasswordChangeView):
    template_name = f"{TEMPLATE_DIR}/password_change.html"
    success_url = reverse_lazy("send_toolkit:password_change_done")


class PasswordChangeDoneView(ToolkitLayoutMixin, auth_views.PasswordChangeDoneView):
    template_name = f"{TEMPLATE_DIR}/password_change_done.html"


login_view = LoginView.as_view()
logout_view = LogoutView.as_view()
password_reset_view = PasswordResetView.as_view()
password_reset_done_view = PasswordResetDoneView.as_view()
password_reset_confirm_view = PasswordResetConfirmView.as_view()
password_reset_complete_view = PasswordResetCompleteView.as_view()
password_change_view = PasswordChangeView.as_view()
password_change_done_view = PasswordChangeDoneView.as_view()
