"""sitemap.xml: what an anonymous visitor may see, whoever asks (so it is the same for everyone).

Pages go through ``access.visible_pages`` as an anonymous request, and the intervention
directory's detail pages are listed only for interventions everyone may see.
Mounted by ``send_toolkit.urls`` at ``/sitemap.xml``.
"""

from __future__ import annotations

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from send_toolkit.access.visibility import visible_interventions, visible_pages
from send_toolkit.conf import toolkit_settings
from send_toolkit.interventions.models import Intervention
from send_toolkit.pages.models import InterventionDirectoryPage


class PublicPageSitemap(WagtailSitemap):
    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return visible_pages(None, pages).order_by("path").defer_streamfields().specific()


class PublicInterventionSitemap(WagtailSitemap):
    """One URL per public intervention, under the (public) intervention directory of this site."""

    def items(self):
        root = self.get_wagtail_site().root_page
        directory = visible_pages(None, InterventionDirectoryPage.objects.descendant_of(root, inclusive=True)).first()
        if directory is None:
            return []
        self.directory_url = directory.get_full_url(self.request)
        return list(visible_interventions(None, Intervention.objects.order_by("name")))

    def location(self, obj):
        return f"{self.directory_url}{obj.slug}/"

    def lastmod(self, obj):
        return None

    def _urls(self, page, protocol, domain):
        return [{"item": item, "location": self.location(item)} for item in self.paginator.page(page).object_list]


def toolkit_sitemap(request: HttpRequest) -> HttpResponse:
    sitemaps = {"pages": PublicPageSitemap(request), "interventions": PublicInterventionSitemap(request)}
    response = django_sitemap(request, sitemaps=sitemaps)
    max_age = toolkit_settings.PUBLIC_CACHE_MAX_AGE
    if max_age:
        patch_cache_control(response, public=True, max_age=max_age)
    response.render()
    return response
