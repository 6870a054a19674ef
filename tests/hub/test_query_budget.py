"""What a visitor's page view costs in database queries: every public page type of the demo, the search and the
places pages within 12 queries on the second view, and the lists costing the same with 10 items as with 200.

Measured as in production with a shared cache (the site chrome kept per content generation, hub/chrome.py) and
without the whole-page cache, which would hide the page's own queries. The home page has its own budget
(tests/hub/test_home.py).
"""

import uuid

import pytest
from django.core.cache import cache
from django.db.models import Max
from wagtail.models import Page

pytestmark = pytest.mark.django_db

BUDGET = 12
VIEWS = {
    "search": "/nb/sok/?q=frivillige",
    "places": "/nb/steder/",
    "county": "/nb/steder/innlandet/",
    "municipality": "/nb/steder/innlandet/hamar/",
}


def demo_urls():
    """One live, public Bokmål page of every page type but the home page (the first in tree order), and the
    views that are not pages."""
    urls = {}
    pages = Page.objects.live().public().filter(depth__gt=2, locale__language_code="nb").order_by("path")
    for page in pages:
        specific = page.specific
        urls.setdefault(specific._meta.label, specific.get_url(None))
    return {**urls, **VIEWS}


def queries_of_second_view(client, url, django_assert_max_num_queries, budget):
    client.get(url)  # the first view fills what is kept per process (content types, site root paths, chrome)
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_every_page_type_is_measured():
    names = set(demo_urls())
    for expected in ("methods.MethodPage", "stories.CaseStoryPage", "events.EventPage", "press.PressRoomPage"):
        assert expected in names
    assert "hub.HomePage" not in names


def test_every_public_page_within_budget(client, fragment_cache, django_assert_max_num_queries):
    counts = {}
    for name, url in demo_urls().items():
        counts[name] = queries_of_second_view(client, url, django_assert_max_num_queries, 100)
    over = {name: n for name, n in counts.items() if n > BUDGET}
    assert not over, f"pages above {BUDGET} queries: {over}"


# --- Lists: as many queries with 200 items as with 10 -------------------------------------------------------

# list: (its address, the Bokmål index page's slug, the item type listed there)
LISTS = {
    "method index": ("/nb/startpakken/", "startpakken", "methods.MethodPage"),
    "story index": ("/nb/historier/", "historier", "stories.CaseStoryPage"),
    "event index": ("/nb/arrangementer/", "arrangementer", "events.EventPage"),
    "press room": ("/nb/presse/", "presse", "press.PressReleasePage"),
    "search": ("/nb/sok/?q=frivillige", "historier", "stories.CaseStoryPage"),
    "county": ("/nb/steder/innlandet/", "historier", "stories.CaseStoryPage"),
}


def clone_children(parent, template, n):
    """`n` live copies of `template` (a specific page) under `parent`, in bulk: tree paths after the parent's
    last child, their own slugs and translation keys, the template's many-to-many choices, in the search index."""
    model = type(template)
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).aggregate(m=Max("path"))["m"]
    step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
    copies = []
    for k in range(n):
        copy = model(**{f.attname: getattr(template, f.attname) for f in model._meta.concrete_fields})
        slug = f"mengde-{uuid.uuid4().hex[:10]}"
        copy.id = copy.page_ptr_id = None
        copy.path = Page._get_path(parent.path, parent.depth + 1, step + k)
        copy.depth, copy.numchild = parent.depth + 1, 0
        copy.slug, copy.url_path = slug, f"{parent.url_path}{slug}/"
        copy.title = copy.draft_title = f"{template.title} ({k + 1})"
        copy.translation_key = uuid.uuid4()
        copy.latest_revision_id = copy.live_revision_id = None
        copies.append(copy)
    fields = [f for f in Page._meta.concrete_fields if f.attname != "id"]
    Page.objects.bulk_create([Page(**{f.attname: getattr(c, f.attname) for f in fields}) for c in copies])
    ids = dict(Page.objects.filter(path__in=[c.path for c in copies]).values_list("path", "id"))
    for c in copies:
        c.id = c.page_ptr_id = ids[c.path]
    model._base_manager._insert(copies, fields=list(model._meta.local_concrete_fields))
    for field in model._meta.many_to_many:
        chosen = list(getattr(template, field.name).all())
        for c in copies if chosen else ():
            getattr(c, field.name).set(chosen)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + n)
    for backend_name in get_search_backends_names():
        get_search_backend(backend_name).add_bulk(model, copies)
    return copies


def get_search_backends_names():
    from django.conf import settings

    return list(getattr(settings, "WAGTAILSEARCH_BACKENDS", {"default": {}}))


def get_search_backend(name):
    from modelsearch.backends import get_search_backend as backend

    return backend(name)


def list_with(slug, label, n):
    """The Bokmål list under the index `slug` holding exactly `n` live items of type `label` (demo items kept
    first, copies of the first added)."""
    from django.apps import apps

    model = apps.get_model(label)
    parent = Page.objects.get(locale__language_code="nb", slug=slug, depth=3)
    items = model.objects.live().child_of(parent).order_by("path")
    template = items.first()
    if label == "stories.CaseStoryPage":  # the county page lists stories of Innlandet: make them all from there
        from hub.models import Municipality

        hamar = Municipality.objects.get(slug="hamar")
        template.municipality_id, template.county_id = hamar.pk, hamar.county_id
    have = items.count()
    if have > n:
        Page.objects.filter(pk__in=list(items.values_list("pk", flat=True)[n:])).delete()
    elif have < n:
        clone_children(parent, template, n - have)
    cache.clear()
    return template


@pytest.mark.parametrize("name", sorted(LISTS))
def test_list_costs_the_same_with_200_items_as_with_10(client, fragment_cache, name, django_assert_max_num_queries):
    url, slug, label = LISTS[name]
    list_with(slug, label, 10)
    with_10 = queries_of_second_view(client, url, django_assert_max_num_queries, 100)
    list_with(slug, label, 200)
    with_200 = queries_of_second_view(client, url, django_assert_max_num_queries, 100)
    assert with_200 == with_10, f"{name}: {with_10} queries with 10 items, {with_200} with 200"
