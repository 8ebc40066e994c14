from pathlib import Path

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from send_toolkit import urls as send_toolkit_urls
from send_toolkit.contrib.api.router import api_router
from send_toolkit.contrib.openreferral.api import openreferral_api

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("openreferral/", openreferral_api.urls),
    path("", include(send_toolkit_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Images only: documents are served by Wagtail's view (/documents/<id>/<file name>), which checks collection
    # privacy. Serving the whole media folder would hand out restricted documents to anyone with the path.
    for image_folder in ("images/", "original_images/"):
        urlpatterns += static(settings.MEDIA_URL + image_folder, document_root=Path(settings.MEDIA_ROOT) / image_folder)

urlpatterns += [path("", include(wagtail_urls))]

# The toolkit's error pages: 404 in the council's layout; 500, or 503 when the database is down.
handler404 = "send_toolkit.operations.error_pages.page_not_found"
handler500 = "send_toolkit.operations.error_pages.server_error"
