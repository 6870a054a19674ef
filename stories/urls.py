from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import place_views, views
from .feeds import StoriesAtomFeed, StoriesRssFeed

app_name = "stories"

urlpatterns = [
    path("historier/del/", views.submit, name="submit"),
    path("historier/del/takk/", views.submit_thanks, name="submit_thanks"),
    path("historier/innebygd/", views.embed, name="embed"),
    path("historier/eksport.csv", views.export_csv, name="csv"),
    path("historier/feed/rss/", StoriesRssFeed(), name="feed_rss"),
    path("historier/feed/atom/", StoriesAtomFeed(), name="feed_atom"),
    path(_("places/"), place_views.overview, name="places"),
    path(_("places/<slug:county>/"), place_views.county, name="place_county"),
    path(_("places/<slug:county>/<slug:municipality>/"), place_views.municipality, name="place_municipality"),
]
