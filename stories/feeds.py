"""RSS and Atom feeds of any filtered story list, e.g. ?fylke=innlandet&tema=lesing."""

import copy

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import facets
from .listing import describe, filter_query, filtered, index_for_locale, published

FEED_SIZE = 30


class StoriesRssFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        feed = copy.copy(self)  # the URLconf holds one instance; keep the request per call
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def get_object(self, request):
        chosen, qs = filtered(request.GET, published())
        qs = qs.order_by("-first_published_at", "-pk")
        return {"chosen": chosen, "items": list(facets.for_list(qs)[:FEED_SIZE]), "index": index_for_locale()}

    def title(self, obj):
        description = describe(obj["chosen"])
        return _("New stories") + (f" – {description}" if description else "") + " – " + _("Co-creation hub")

    def link(self, obj):
        base = obj["index"].get_url(self.request) if obj["index"] else "/"
        query = filter_query(obj["chosen"])
        return base + (f"?{query}" if query else "")

    def description(self, obj):
        return _("Case stories from libraries and volunteer organisations.")

    def feed_url(self, obj):
        query = filter_query(obj["chosen"])
        return reverse(self.url_name) + (f"?{query}" if query else "")

    url_name = "stories:feed_rss"

    def items(self, obj):
        return obj["items"]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.library_name

    def item_categories(self, item):
        return [item.county.name, item.municipality.name] + [t.name for t in item.tags.all()]


class StoriesAtomFeed(StoriesRssFeed):
    feed_type = Atom1Feed
    url_name = "stories:feed_atom"

    def subtitle(self, obj):
        return self.description(obj)
