"""A sitemap over every language: the live, public pages under each locale's home page."""

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page


class HubSitemap(WagtailSitemap):
    def items(self):
        site_root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=site_root.translation_key)
        query = Page.objects.none()
        for home in homes:
            query = query | Page.objects.descendant_of(home, inclusive=True)
        return query.live().public().order_by("path").defer_streamfields().specific()
