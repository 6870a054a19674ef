"""A publish renews only the cached pages that show the changed page (infrastructure/cache_invalidation.py): its own
URLs in
every language, the index listing it, the pages that link to it or that it lists, the home page when it shows
it, the place pages of its municipality — while every other cached page is still served from the cache."""

import pytest
from django.core.cache import cache
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from events.models import EventPage
from methods.models import MethodIndexPage, MethodPage
from stories.models import CaseStoryPage
from tests.helpers import browser

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    """A front-end cache that notes which URLs Wagtail's front-end cache module asked it to refresh."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def page_cache(settings):
    settings.HUB_PAGE_CACHE_SECONDS = 300
    settings.HUB_FRONTEND_MAX_AGE = 120
    settings.HUB_FRAGMENT_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def frontend(settings):
    settings.WAGTAILFRONTENDCACHE = {"nginx": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()
    yield PURGED
    PURGED.clear()


def cached(visitor, *urls):
    """View each URL until it is served from the page cache."""
    for url in urls:
        visitor.get(url)
        assert visitor.get(url)["X-Hub-Page-Cache"] == "hit", url


def state(visitor, url):
    return visitor.get(url).get("X-Hub-Page-Cache", "not stored")


def publish(page, capture, **changes):
    with capture(execute=True):
        for name, value in changes.items():
            setattr(page, name, value)
        page.save_revision().publish()


def method(slug="utforskende-samtale"):
    return MethodPage.objects.get(slug=slug, locale__language_code="nb")


def translations(page):
    return {p.locale.language_code: p for p in page.get_translations(inclusive=True).select_related("locale")}


def unrelated_story():
    return CaseStoryPage.objects.get(slug="strikkekafe-blir-moteplass", locale__language_code="nb")


def test_publishing_a_method_renews_its_languages_and_index_and_leaves_other_pages_cached(
    page_cache, django_capture_on_commit_callbacks
):
    page = method()
    own = translations(page)
    assert set(own) == {"nb", "nn", "en"}
    indexes = {code: MethodIndexPage.objects.get(locale__language_code=code).url for code in own}
    story, visitor = unrelated_story(), browser()
    cached(visitor, *[p.url for p in own.values()], *indexes.values(), story.url, "/nb/")

    publish(page, django_capture_on_commit_callbacks, title="Utforskende samtale – ny tittel")

    for code, translation in own.items():
        assert state(visitor, translation.url) == "miss", code
        assert state(visitor, indexes[code]) == "miss", code
    assert "Utforskende samtale – ny tittel" in visitor.get(page.url).content.decode()
    assert "Utforskende samtale – ny tittel" in visitor.get(indexes["nb"]).content.decode()
    assert state(visitor, story.url) == "hit"  # a story that does not use the method
    assert state(visitor, "/nb/") == "hit"  # the home page shows no method by name


def test_pages_linking_to_a_method_show_its_new_title(page_cache, django_capture_on_commit_callbacks):
    page = method()
    event = EventPage.objects.get(slug="kursdag-1", locale__language_code="nb")  # teaches it (reference index)
    story = CaseStoryPage.objects.get(slug="leseombud-i-idrettslaget", locale__language_code="nb")  # used it
    assert event.related_methods.filter(method=page).exists() and story.methods_used.filter(pk=page.pk).exists()
    visitor = browser()
    cached(visitor, event.url, story.url, unrelated_story().url)

    publish(page, django_capture_on_commit_callbacks, title="Samtalen som utforsker")

    for url in (event.url, story.url):
        response = visitor.get(url)
        assert response["X-Hub-Page-Cache"] == "miss", url
        assert "Samtalen som utforsker" in response.content.decode(), url
    assert state(visitor, unrelated_story().url) == "hit"


def test_a_story_that_stops_using_a_method_leaves_that_method_page_at_once(
    page_cache, django_capture_on_commit_callbacks
):
    """Both the version before the publish and the new one count: the method it no longer uses is renewed too."""
    story = CaseStoryPage.objects.get(slug="leseombud-i-idrettslaget", locale__language_code="nb")
    dropped, kept, other = method(), method("idemyldring"), method("brukerreise")
    visitor = browser()
    cached(visitor, dropped.url, kept.url, other.url)
    assert story.title in visitor.get(dropped.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        story.methods_used.set([kept])
        story.save_revision().publish()

    fresh = visitor.get(dropped.url)
    assert fresh["X-Hub-Page-Cache"] == "miss" and story.title not in fresh.content.decode()
    assert state(visitor, kept.url) == "miss"
    assert state(visitor, other.url) == "hit"


def test_home_page_is_renewed_when_it_shows_the_published_story(page_cache, django_capture_on_commit_callbacks):
    newest = CaseStoryPage.objects.live().filter(locale__language_code="nb").order_by("-first_published_at").first()
    visitor = browser()
    cached(visitor, "/nb/", unrelated_story().url)
    assert newest.title in visitor.get("/nb/").content.decode()

    publish(newest, django_capture_on_commit_callbacks, title="Den nyeste historien, omskrevet")

    home = visitor.get("/nb/")
    assert home["X-Hub-Page-Cache"] == "miss" and "Den nyeste historien, omskrevet" in home.content.decode()
    assert state(visitor, unrelated_story().url) == "hit"


def test_unpublished_method_leaves_its_index_and_the_pages_that_listed_it(
    page_cache, django_capture_on_commit_callbacks
):
    page = method()
    index = MethodIndexPage.objects.get(locale__language_code="nb")
    story = CaseStoryPage.objects.get(slug="leseombud-i-idrettslaget", locale__language_code="nb")
    visitor = browser()
    cached(visitor, page.url, index.url, story.url, unrelated_story().url)
    assert f'href="{page.url}"' in visitor.get(index.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    assert visitor.get(page.url).status_code == 404
    assert f'href="{page.url}"' not in visitor.get(index.url).content.decode()
    assert f'href="{page.url}"' not in visitor.get(story.url).content.decode()
    assert state(visitor, unrelated_story().url) == "hit"


def test_new_slug_renews_the_former_url(page_cache, django_capture_on_commit_callbacks):
    page = method("personas")
    former = page.url
    visitor = browser()
    cached(visitor, former)
    publish(page, django_capture_on_commit_callbacks, slug="personaer")
    moved = visitor.get(former)
    assert moved.get("X-Hub-Page-Cache") != "hit"
    assert moved.status_code in (301, 302, 404), moved.status_code  # the old copy is never served
    assert visitor.get("/nb/startpakken/personaer/").status_code == 200


def test_published_story_renews_its_place_pages_only(page_cache, django_capture_on_commit_callbacks):
    story = CaseStoryPage.objects.get(slug="leseombud-i-idrettslaget", locale__language_code="nb")
    hamar = f"/nb/steder/{story.county.slug}/{story.municipality.slug}/"
    other = unrelated_story()
    elsewhere = f"/nb/steder/{other.county.slug}/{other.municipality.slug}/"
    visitor = browser()
    cached(visitor, hamar, elsewhere)

    publish(story, django_capture_on_commit_callbacks, title="Leseombud i idrettslaget på Hamar")

    fresh = visitor.get(hamar)
    assert fresh["X-Hub-Page-Cache"] == "miss" and "Leseombud i idrettslaget på Hamar" in fresh.content.decode()
    assert state(visitor, elsewhere) == "hit"


def test_nginx_is_asked_to_refresh_the_same_pages(page_cache, frontend, django_capture_on_commit_callbacks):
    page = method()
    visitor = browser()
    index = MethodIndexPage.objects.get(locale__language_code="nb")
    cached(visitor, unrelated_story().url)

    publish(page, django_capture_on_commit_callbacks, title="Utforskende samtale – for nginx")

    paths = {url.removeprefix("http://localhost").removeprefix("http://testserver") for url in frontend}
    assert page.url in paths and index.url in paths
    assert {p.url for p in translations(page).values()} <= paths
    assert unrelated_story().url not in paths
    for path in paths:  # whatever nginx refreshes, the page cache renewed too
        response = visitor.get(path)
        assert response.get("X-Hub-Page-Cache") != "hit", path


def test_renamed_menu_target_renews_every_page(page_cache, django_capture_on_commit_callbacks):
    """The starter pack is in the main menu, shown on every page: all of them are renewed."""
    index = MethodIndexPage.objects.get(locale__language_code="nb")
    visitor = browser()
    cached(visitor, unrelated_story().url)
    publish(index, django_capture_on_commit_callbacks, title="Startpakken for samskaping")
    fresh = visitor.get(unrelated_story().url)
    assert fresh["X-Hub-Page-Cache"] == "miss" and "Startpakken for samskaping" in fresh.content.decode()


def test_published_translation_shows_in_the_cached_page_language_switcher(
    page_cache, django_capture_on_commit_callbacks
):
    from hub.translation import translate

    page = method("brukerreise")
    assert not page.get_translations().exists()
    visitor = browser()
    cached(visitor, page.url, unrelated_story().url)

    with django_capture_on_commit_callbacks(execute=True):
        translate(page, "nn", {page.title: "Brukarreise"})

    nynorsk = MethodPage.objects.get(translation_key=page.translation_key, locale__language_code="nn")
    fresh = visitor.get(page.url)
    assert fresh["X-Hub-Page-Cache"] == "miss" and f'href="{nynorsk.url}"' in fresh.content.decode()
    nn_index = MethodIndexPage.objects.get(locale__language_code="nn")
    assert "Brukarreise" in visitor.get(nn_index.url).content.decode()
    assert state(visitor, unrelated_story().url) == "hit"


def test_deleted_method_leaves_its_index(page_cache, django_capture_on_commit_callbacks):
    page = method("personas")
    url = page.url
    index = MethodIndexPage.objects.get(locale__language_code="nb")
    visitor = browser()
    cached(visitor, index.url, unrelated_story().url)
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert f'href="{url}"' not in visitor.get(index.url).content.decode()
    assert state(visitor, unrelated_story().url) == "hit"
