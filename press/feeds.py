"""RSS 2.0 and Atom feeds of press releases in the visitor's language. Live releases only (no embargoed ones)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from press import queries
from press.models import PressRoomPage

FEED_SIZE = 30


class PressReleaseRssFeed(Feed):
    def get_object(self, request):
        locale = Locale.get_active()
        return PressRoomPage.objects.live().filter(locale=locale).first() or PressRoomPage.objects.live().first()

    def title(self, room):
        return _("Press releases – Co-creation hub")

    def description(self, room):
        return _("Press releases from the project “Co-creation – from plans to everyday practice”.")

    def link(self, room):
        return room.url if room else "/"

    def items(self, room):
        return queries.live_releases(Locale.get_active()).defer_streamfields()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.url  # relative; the syndication framework adds the domain

    def item_pubdate(self, item):
        return item.released_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return _("Co-creation hub")


class PressReleaseAtomFeed(PressReleaseRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, room):
        return self.description(room)
