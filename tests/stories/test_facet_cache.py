"""The story index's facet counts kept in the shared cache under the index page's version (stories/listing.py,
with the fragment cache on): one aggregate fewer per view, and never stale — a new story, a withdrawn story and a
renamed or withdrawn method show in the counts on the very next view."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.stories import make_method, make_story, org, theme

pytestmark = pytest.mark.django_db
URL = "/nb/historier/"


def view(client, url=URL):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    counts = {f["param"]: {value: n for value, _label, n in f["options"]} for f in response.context["facets"]}
    labels = {f["param"]: [label for _value, label, _n in f["options"]] for f in response.context["facets"]}
    return len(ctx.captured_queries), counts, labels


@pytest.fixture
def stories(story_index):
    sports, reading = org("Hamar IL", "sports"), theme("lesing", "Lesing")
    make_story(story_index, "Alfa", "3403", [sports], [reading], ["lesing"])
    make_story(story_index, "Bravo", "0301", [sports], [], ["idrett"])
    return story_index


def test_cached_counts_save_the_aggregate_and_equal_the_counted_ones(client, settings, stories):
    settings.HUB_FRAGMENT_CACHE = False
    client.get(URL)
    plain_queries, plain_counts, plain_labels = view(client)
    settings.HUB_FRAGMENT_CACHE = True
    cache.clear()
    view(client)  # counts and keeps them
    cached_queries, cached_counts, cached_labels = view(client)
    assert cached_counts == plain_counts and cached_labels == plain_labels
    assert plain_counts["fylke"] == {"innlandet": 1, "oslo": 1}
    assert cached_queries < plain_queries
    filtered = view(client, URL + "?fylke=innlandet")[1]  # each choice of filters is kept apart
    assert filtered["emne"] == {"lesing": 1}


def test_a_published_or_withdrawn_story_shows_in_the_counts_at_once(
    client, fragment_cache, stories, django_capture_on_commit_callbacks
):
    assert view(client)[1]["fylke"] == {"innlandet": 1, "oslo": 1}
    with django_capture_on_commit_callbacks(execute=True):
        charlie = make_story(stories, "Charlie", "4601", [], [], [])
    assert view(client)[1]["fylke"] == {"innlandet": 1, "oslo": 1, "vestland": 1}
    with django_capture_on_commit_callbacks(execute=True):
        charlie.unpublish()
    assert view(client)[1]["fylke"] == {"innlandet": 1, "oslo": 1}


def test_a_renamed_or_withdrawn_method_shows_in_the_method_filter_at_once(
    client, fragment_cache, stories, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        method = make_method("Fortellerkafé")
        make_story(stories, "Delta", "3403", [], [], [], methods=[method])
    assert "Fortellerkafé" in view(client)[2]["metode"]
    method.title = "Fortellerkafeen"
    with django_capture_on_commit_callbacks(execute=True):
        method.save_revision().publish()
    offered = view(client)[2]["metode"]
    assert "Fortellerkafeen" in offered and "Fortellerkafé" not in offered
    with django_capture_on_commit_callbacks(execute=True):
        method.unpublish()
    assert "Fortellerkafeen" not in view(client)[2]["metode"]
