from django.urls import path

from press import downloads
from press.feeds import PressReleaseAtomFeed, PressReleaseRssFeed

app_name = "press"

urlpatterns = [
    path("pressemeldinger/rss/", PressReleaseRssFeed(), name="feed_rss"),
    path("pressemeldinger/atom/", PressReleaseAtomFeed(), name="feed_atom"),
    path("mediesett/<int:pk>/original/", downloads.download_original, name="media_original"),
    path("mediesett/<int:pk>/nettversjon/", downloads.download_web, name="media_web"),
]
