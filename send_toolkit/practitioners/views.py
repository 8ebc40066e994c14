"""Practitioner accounts on the front end: register, verify email, log in and out, passwords.

Django's own auth views do the security-sensitive work; these add the toolkit's templates,
rate limits (django-ratelimit) and registration. Messages never say whether an address
already has an account.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.hashers import make_password
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_ratelimit.core import is_ratelimited

from send_toolkit.conf import toolkit_settings
from send_toolkit.front_end.layout import ToolkitLayoutMixin, render
from send_toolkit.practitioners import email_verification
from send_toolkit.practitioners.forms import LoginForm, PasswordResetForm, RegistrationForm
from send_toolkit.practitioners.login_limits import login_paused
from send_toolkit.practitioners.models import PractitionerProfile, PractitionerStatus

TEMPLATE_DIR = "send_toolkit/accounts"
TOO_MANY_ATTEMPTS = "Too many attempts from here. Please wait a few minutes and try again."


def _safe_next(request: HttpRequest, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(value, {request.get_host()}, request.is_secure()):
        return value
    return ""


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _limited(request: HttpRequest, group: str, rate: str, keys: list[str]) -> bool:
    """Count this POST against each key; True once any of them is over the rate."""
    limited = False
    for key in keys:
        limited |= is_ratelimited(request, group=group, key=key, rate=rate, method="POST", increment=True)
    return limited


# --- Registration and verification -----------------------------------------------------------------------


@never_cache
@sensitive_post_parameters("password1", "password2")
def register(request: HttpRequest) -> HttpResponse:
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    form = RegistrationForm(request.POST or None)
    if request.method == "POST":
        if _limited(request, "send_toolkit.register", toolkit_settings.REGISTRATION_RATE, ["ip"]):
            form.add_error(None, TOO_MANY_ATTEMPTS)
            return render(request, f"{TEMPLATE_DIR}/register.html", {"form": form, "next": next_url}, status=429)
        if form.is_valid():
            _register(request, form, next_url)
            # The same page whether or not the address already had an account.
            return redirect(reverse("send_toolkit:registration_sent"))
    return render(request, f"{TEMPLATE_DIR}/register.html", {"form": form, "next": next_url})


def _register(request: HttpRequest, form: RegistrationForm, next_url: str) -> None:
    User = get_user_model()
    email = form.cleaned_data["email"]
    existing = User.objects.filter(email__iexact=email).first() or User.objects.filter(username__iexact=email).first()
    if existing is not None:
        # Hash the password anyway, as creating an account would, so that the time taken to
        # answer does not tell whether the address already has an account.
        make_password(form.cleaned_data["password1"])
        _send(request, "already_registered", existing.email or email, {"user": existing})
        return
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
    send_verification_email(request, user, next_url)


def send_verification_email(request: HttpRequest, user, next_url: str = "") -> None:
    path = reverse("send_toolkit:verify_email", args=[email_verification.make_token(user)])
    if next_url:
        path += "?" + urlencode({"next": next_url})
    hours = toolkit_settings.EMAIL_VERIFICATION_MAX_AGE // 3600
    _send(
        request,
        "verify_email",
        user.email,
        {"user": user, "verify_url": request.build_absolute_uri(path), "hours": hours},
    )


def _send(request: HttpRequest, template: str, to: str, context: dict) -> None:
    context = {**context, "base_url": _base_url(request)}
    send_mail(
        subject=render_to_string(f"{TEMPLATE_DIR}/email/{template}_subject.txt", context).strip(),
        message=render_to_string(f"{TEMPLATE_DIR}/email/{template}.txt", context),
        from_email=None,
        recipient_list=[to],
    )


@never_cache
def registration_sent(request: HttpRequest) -> HttpResponse:
    return render(request, f"{TEMPLATE_DIR}/registration_sent.html")


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
        if not _limited(request, "send_toolkit.resend", toolkit_settings.REGISTRATION_RATE, ["user"]):
            send_verification_email(request, request.user)
        messages.info(request, "We have sent a new verification link to your email address.")
        return redirect("send_toolkit:account")
    return render(request, f"{TEMPLATE_DIR}/account.html", {"profile": profile, "statuses": PractitionerStatus})


# --- Django's auth views with the toolkit's templates ------------------------------------------------------


class LoginView(ToolkitLayoutMixin, auth_views.LoginView):
    """Django's login view. Guessing is limited by ``login_limits.RateLimitedModelBackend``."""

    template_name = f"{TEMPLATE_DIR}/login.html"
    authentication_form = LoginForm

    def form_invalid(self, form):
        if login_paused(self.request):
            form = self.get_form_class()(request=self.request, initial={"username": form.data.get("username", "")})
            context = self.get_context_data(form=form, rate_limited=TOO_MANY_ATTEMPTS)
            return self.render_to_response(context, status=429)
        return super().form_invalid(form)

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
        if _limited(request, "send_toolkit.password_reset", toolkit_settings.REGISTRATION_RATE, ["ip"]):
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
