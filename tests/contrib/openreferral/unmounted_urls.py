"""A host whose urls leave the Open Referral feed out, though the app is installed (for W009)."""

from django.urls import include, path
from wagtail import urls as wagtail_urls

from send_toolkit import urls as send_toolkit_urls

urlpatterns = [path("", include(send_toolkit_urls)), path("", include(wagtail_urls))]
