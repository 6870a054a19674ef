"""hub/routing.py routes a URL in one query; it must route exactly as Wagtail's own `Page.route` does."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page

from hub.models import HomePage, StandardPage
from hub.routing import route_in_one_query
from tests.helpers import publish_child

pytestmark = pytest.mark.django_db


def wagtail_route(root, path_components):
    """Wagtail's own walk, one segment at a time (Page.route, not our override)."""
    try:
        result = Page.route(root, None, path_components)
    except Http404:
        return None
    return (result.page.pk, type(result.page), tuple(result.args))


def ours(root, path_components):
    try:
        result = route_in_one_query(root, None, path_components)
    except Http404:
        return None
    return (result.page.pk, type(result.page), tuple(result.args))


def test_every_page_of_every_language_routes_as_wagtail_routes_it():
    checked = 0
    for home in HomePage.objects.all():
        for page in home.get_descendants().specific():
            components = page.url_path[len(home.url_path) :].strip("/").split("/")
            for path in (components, components + ["finnes-ikke"], components[:-1] + ["finnes-ikke"]):
                assert ours(home, path) == wagtail_route(home, path), "/".join(path)
            checked += 1
    assert checked > 50


def test_draft_and_unpublished_pages_are_404_but_their_live_children_route(home):
    parent = publish_child(home, StandardPage(title="Forelder", slug="forelder"))
    child = publish_child(parent, StandardPage(title="Barn", slug="barn"))
    draft = StandardPage(title="Utkast", slug="utkast", live=False)
    parent.add_child(instance=draft)
    parent.unpublish()
    assert ours(home, ["forelder"]) is None
    assert ours(home, ["forelder", "utkast"]) is None
    assert ours(home, ["forelder", "barn"]) == (child.pk, StandardPage, ())
    assert wagtail_route(home, ["forelder", "barn"]) == ours(home, ["forelder", "barn"])


def test_page_type_with_its_own_route_gets_the_rest_of_the_path(home, monkeypatch):
    from wagtail.url_routing import RouteResult

    def route(self, request, path_components):
        return RouteResult(self, args=tuple(path_components))

    monkeypatch.setattr(StandardPage, "route", route)
    about = StandardPage.objects.get(slug="om-prosjektet", locale=home.locale)
    assert ours(home, ["om-prosjektet", "a", "b"]) == (about.pk, StandardPage, ("a", "b"))


def test_routing_a_deep_page_costs_two_queries(django_assert_num_queries):
    home = HomePage.objects.get(locale__language_code="nb")
    step = Page.objects.filter(depth=6, url_path__startswith=home.url_path, live=True).first()
    components = step.url_path[len(home.url_path) :].strip("/").split("/")
    assert len(components) == 4
    route_in_one_query(home, RequestFactory().get("/"), components)  # warm: content types come from their cache
    with django_assert_num_queries(2):  # the pages on the path, then the last one's specific row
        route_in_one_query(home, RequestFactory().get("/"), components)


def test_moved_page_routes_at_its_new_address(client, home):
    page = publish_child(home, StandardPage(title="Flyttes", slug="flyttes"))
    target = StandardPage.objects.get(slug="om-prosjektet", locale=home.locale)
    page.move(target, pos="last-child")
    assert client.get("/nb/om-prosjektet/flyttes/").status_code == 200
    old = client.get("/nb/flyttes/")  # Wagtail's automatic redirect for a moved page
    assert old.status_code == 301 and old["Location"] == "/nb/om-prosjektet/flyttes/"
