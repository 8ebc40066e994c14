"""Front-end URLs the toolkit adds to a site (accounts, the health endpoint and the like).

Include them before Wagtail's own page URLs:

    path("", include("send_toolkit.urls")),
"""

from django.urls import include, path

from send_toolkit.council.brand_stylesheet import brand_stylesheet
from send_toolkit.front_end.reading_preferences import reading_preferences_css, save_reading_preferences
from send_toolkit.operations.health import health
from send_toolkit.pages.sitemap import toolkit_sitemap
from send_toolkit.practitioners import views as accounts
from send_toolkit.tools.provision_map import urls as provision_map_urls

app_name = "send_toolkit"

urlpatterns: list = [
    path("send-toolkit-reading/", save_reading_preferences, name="reading_preferences"),
    path("send-toolkit-reading.css", reading_preferences_css, name="reading_preferences_css"),
    # The council's colours, linked from every page instead of an inline <style> (Content-Security-Policy).
    path("send-toolkit-brand.css", brand_stylesheet, name="brand_stylesheet"),
    # Practitioner accounts (LOGIN_URL is /accounts/login/).
    path("accounts/register/", accounts.register, name="register"),
    path("accounts/register/check-your-email/", accounts.registration_sent, name="registration_sent"),
    path("accounts/register/email-delayed/", accounts.registration_delayed, name="registration_delayed"),
    path("accounts/verify/<str:token>/", accounts.verify_email, name="verify_email"),
    path("accounts/", accounts.account, name="account"),
    path("accounts/login/", accounts.login_view, name="login"),
    path("accounts/logout/", accounts.logout_view, name="logout"),
    path("accounts/password/reset/", accounts.password_reset_view, name="password_reset"),
    path("accounts/password/reset/sent/", accounts.password_reset_done_view, name="password_reset_done"),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        accounts.password_reset_confirm_view,
        name="password_reset_confirm",
    ),
    path("accounts/password/reset/done/", accounts.password_reset_complete_view, name="password_reset_complete"),
    path("accounts/password/change/", accounts.password_change_view, name="password_change"),
    path("accounts/password/change/done/", accounts.password_change_done_view, name="password_change_done"),
    # Practitioner tools (approved practitioners only).
    path("tools/provision-maps/", include(provision_map_urls)),
    # A sitemap of what anonymous visitors may see.
    path("sitemap.xml", toolkit_sitemap, name="sitemap"),
    # Database and cache reachability, for load balancers and monitors (no details, no login).
    path("send-toolkit/health/", health, name="health"),
]
