"""A host's URL configuration that serves the whole media folder from disk, as ``static()`` does under DEBUG."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve
from example_site.urls import urlpatterns as example_site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *example_site_urlpatterns,
]
