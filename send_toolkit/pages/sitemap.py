"""sitemap.xml: what an anonymous visitor may see, whoever asks (so it is the same for everyone).

The sections are those of the front-end channels listed in the sitemap (``Channel.sitemap`` in the
register, ``access.channels``): today the pages and the intervention detail pages. Pages go through
``access.visible_pages`` as an anonymous request, and intervention detail pages are listed only for
interventions everyone may see, under a directory everyone may see.
Mounted by ``send_toolkit.urls`` at ``/sitemap.xml``.
"""

from __future__ import annotations

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from send_toolkit.access.channels import registered_channels
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
        self.directory = visible_pages(
            None, InterventionDirectoryPage.objects.descendant_of(root, inclusive=True)
        ).first()
        if self.directory is None:
            return []
        self.directory_url = self.directory.get_full_url(self.request)  # once, not once per intervention
        return list(visible_interventions(None, Intervention.objects.order_by("name")))

    def location(self, obj: Intervention) -> str:
        return self.directory_url + self.directory.reverse_subpage("intervention", kwargs={"slug": obj.slug})

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        # Full URLs from Wagtail's site, as the page section gives, not the request's host; and no last
        # modified date, which an intervention does not keep.
        return [
            {"item": item, "location": self.location(item), "lastmod": None, "alternates": []}
            for item in self.paginator.page(page).object_list
        ]


def toolkit_sitemap(request: HttpRequest) -> HttpResponse:
    sitemaps = {channel.name: channel.sitemap(request) for channel in registered_channels() if channel.sitemap}
    response = django_sitemap(request, sitemaps=sitemaps)
    max_age = toolkit_settings.PUBLIC_CACHE_MAX_AGE
    if max_age:
        patch_cache_control(response, public=True, max_age=max_age)
    response.render()
    return response
