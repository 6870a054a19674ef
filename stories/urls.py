from django.urls import path

from . import views
from .feeds import StoriesAtomFeed, StoriesRssFeed

app_name = "stories"

urlpatterns = [
    path("historier/del/", views.submit, name="submit"),
    path("historier/del/takk/", views.submit_thanks, name="submit_thanks"),
    path("historier/innebygd/", views.embed, name="embed"),
    path("historier/eksport.csv", views.export_csv, name="csv"),
    path("historier/feed/rss/", StoriesRssFeed(), name="feed_rss"),
    path("historier/feed/atom/", StoriesAtomFeed(), name="feed_atom"),
]
