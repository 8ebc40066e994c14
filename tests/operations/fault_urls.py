"""The example site's URLs and error handlers, plus a view that always raises."""

from django.http import HttpRequest, HttpResponse
from django.urls import path
from example_site.urls import handler404, handler500
from example_site.urls import urlpatterns as site_urlpatterns

SECRET_IN_THE_ERROR = "the message of the exception is for the log only"


def raises(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(SECRET_IN_THE_ERROR)


urlpatterns = [path("test-raises/", raises), *site_urlpatterns]

__all__ = ["handler404", "handler500", "urlpatterns"]
