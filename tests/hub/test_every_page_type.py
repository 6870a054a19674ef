"""Every page type of the hub, in the demo tree: it sits under a parent it allows, renders in all three languages,
and its page costs a pinned number of queries (a list or a related section that queries per item would grow it).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, get_page_models

from hub.translation import translate

pytestmark = pytest.mark.django_db
LANGUAGES = ("nb", "nn", "en")

# Queries for an anonymous visitor's second view of a demo page of each type (the first warms per-process caches).
# Pinned from measurement: raise one only with a reason in the commit (a new section on the page, say).
# -1 everywhere: hub/chrome.py finds the locale homes from the request's site in one query; -1 again: the menu
# and footer pages chosen in the site settings come in one query (was two for the footer). The event page's place
# link (+1) and the story page's place links keep those two where they were.
# -2 everywhere: the view restriction check is one query and `.public()` lists share one read of the restrictions
# per page view (hub/view_restrictions.py); the site's root page needs no query to route (hub/routing.py).
# The starter pack counts all its fixed filters and the result total in one aggregate (methods/filters.py).
QUERY_PINS = {
    # +1 on every page without a picture of its own: the site's default share picture (cached with the chrome
    # in production, where tests/hub/test_query_budget.py measures).
    "hub.HomePage": 19,  # next events, newest stories, the course and the figures (12 with the fragment cache)
    "hub.StandardPage": 10,
    "methods.MethodIndexPage": 16,
    "methods.MethodPage": 15,  # its picture and phase come with the page (HubPage.serve_select_related)
    "methods.CoursePage": 11,
    "methods.CourseModulePage": 11,
    "methods.CourseLessonPage": 11,
    "methods.CourseMethodStepPage": 15,  # the course found among the pages routing read (hub/routing.py)
    "stories.CaseStoryIndexPage": 15,  # every facet counted in one query; cards prefetch only what they show
    "stories.CaseStoryPage": 15,
    "events.EventIndexPage": 16,
    "events.EventPage": 16,
    "press.PressRoomPage": 17,
    "press.PressReleasePage": 14,
}


def label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def concrete_page_models():
    return [m for m in get_page_models() if m is not Page and not m._meta.abstract]


def demo_page(model):
    return model.objects.live().public().filter(locale__language_code="nb").order_by("path").first()


def test_every_page_type_has_a_demo_page_under_an_allowed_parent():
    missing = [label(m) for m in concrete_page_models() if demo_page(m) is None]
    assert not missing, f"page types without demo content: {missing}"
    for model in concrete_page_models():
        page = demo_page(model)
        parent = page.get_parent().specific
        assert type(parent) in model.allowed_parent_page_models(), f"{label(model)} not allowed under {parent}"
        assert model in type(parent).allowed_subpage_models(), f"{type(parent).__name__} does not list {label(model)}"


def test_every_page_type_has_a_query_pin():
    assert sorted(label(m) for m in concrete_page_models()) == sorted(QUERY_PINS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_type_renders_in_every_language(client, lang):
    locale = Locale.objects.get(language_code=lang)
    for model in concrete_page_models():
        source = demo_page(model)
        page = source.get_translation_or_none(locale)
        if page is None:
            translate(source, lang, {})  # untranslated strings fall back to the Bokmål text
            page = source.get_translation(locale)
        page = page.specific
        response = client.get(page.url)
        assert response.status_code == 200, f"{label(model)} in {lang}: {response.status_code}"
        assert f'<html lang="{lang}"' in response.content.decode(), label(model)


@pytest.mark.parametrize("name", sorted(QUERY_PINS))
def test_page_query_count_is_pinned(client, name):
    model = next(m for m in concrete_page_models() if label(m) == name)
    url = demo_page(model).url
    client.get(url)  # warm what is cached per process (content types, site root paths, settings)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) == QUERY_PINS[name], f"{name} ({url}): {len(queries)} queries, pinned at {QUERY_PINS[name]}"
