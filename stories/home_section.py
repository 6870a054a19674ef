"""The home page's "newest stories" section and the stories, municipalities and counties figures (registered in
stories/wagtail_hooks.py): the newest stories of the home page's language, pinned ones first, each with its place
and first picture."""

from django.db.models import Prefetch

from hub.home_sections import count_of, in_site, pinned_first, public
from stories.models import CaseStoryImage, CaseStoryPage


def newest_stories(request, home, value):
    stories = (
        public(CaseStoryPage.objects.live())
        .descendant_of(home)
        .filter(locale_id=home.locale_id)
        .select_related("municipality", "county")
        .prefetch_related(
            Prefetch("images", queryset=CaseStoryImage.objects.select_related("image").order_by("sort_order"))
        )
        .order_by("-first_published_at", "-pk")
    )
    stories = pinned_first(stories, value.get("pinned"), value.get("count") or 3)
    for story in stories:
        story.card_picture = next(iter(story.images.all()), None)
    return {"stories": stories}


def figures(home):
    """Stories told (a story and its translations count once), and the municipalities and counties they are from."""
    stories = public(in_site(CaseStoryPage.objects.live(), home))
    return {
        "stories": count_of(stories, "translation_key", distinct=True),
        "municipalities": count_of(stories, "municipality", distinct=True),
        "counties": count_of(stories, "county", distinct=True),
    }
