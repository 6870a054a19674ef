"""The public search index holds only what the public may find. A draft, an unpublished page, a page under a
view restriction (and the pages below it) and a release under embargo are absent from the index itself — the
database's index table, and the documents on the real OpenSearch node — and from the public search page; once
published, restored or lifted they are there. Editors still find a draft in the admin's page search."""

import datetime
import json
import urllib.request

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone
from modelsearch.conf import get_app_config
from wagtail.models import PageViewRestriction

from hub.models import StandardPage
from tests.factories.search import get, page, result_titles

pytestmark = pytest.mark.django_db
URL = "/nb/sok/"
WORD = "kanoutleie"


@pytest.fixture
def nb_home(home):
    from django.core.cache import cache

    cache.clear()  # restricted paths and vocabularies cached by earlier, rolled-back tests
    return home


def database_index():
    """The page ids in the database's own index table (modelsearch's IndexEntry)."""
    entries = get_app_config().get_model("IndexEntry").objects
    kind = ContentType.objects.get_for_model(StandardPage)
    return {int(i) for i in entries.filter(content_type=kind).values_list("object_id", flat=True)}


def engine_index(node):
    """The page ids of the documents on the OpenSearch node that contain the test's word."""
    node.refresh()
    body = json.dumps({"size": 500, "_source": False, "query": {"match": {"hub_text_nb": WORD}}}).encode()
    request = urllib.request.Request(
        f"{node.url}/{node.prefix}*/_search", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return {int(hit["_id"]) for hit in json.load(answer)["hits"]["hits"]}


def not_for_the_public(home, capture):
    """One page of each kind the public may not find, and one it may."""
    pages = {"public": page(home, f"Offentlig {WORD}", WORD), "draft": page(home, f"Kladd {WORD}", WORD, live=False)}
    pages["unpublished"] = page(home, f"Avpublisert {WORD}", WORD)
    pages["unpublished"].unpublish()
    pages["private"] = page(home, f"Privat {WORD}", WORD)
    pages["below_private"] = page(pages["private"], f"Under privat {WORD}", WORD)
    with capture(execute=True):
        PageViewRestriction.objects.create(page=pages["private"], restriction_type=PageViewRestriction.LOGIN)
    embargoed = page(home, f"Embargo {WORD}", WORD, live=False)
    embargoed.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    embargoed.save_revision().publish()
    embargoed.refresh_from_db()
    assert not embargoed.live
    pages["embargoed"] = embargoed
    return pages


def release_everything(pages, capture, clock):
    pages["draft"].save_revision().publish()
    pages["unpublished"].save_revision().publish()
    with capture(execute=True):
        PageViewRestriction.objects.filter(page=pages["private"]).delete()
    clock.advance(datetime.timedelta(hours=1, minutes=1))
    call_command("publish_scheduled", verbosity=0)
    pages["embargoed"].refresh_from_db()
    assert pages["embargoed"].live


def publicly_found(client):
    return set(result_titles(get(client, URL, q=WORD, sprak="alle")))


def admin_finds(admin_client, title):
    response = admin_client.get("/admin/pages/search/", {"q": title})
    assert response.status_code == 200
    return title in response.content.decode()


def test_the_database_index_holds_only_public_pages(
    client, admin_client, nb_home, clock, django_capture_on_commit_callbacks
):
    pages = not_for_the_public(nb_home, django_capture_on_commit_callbacks)
    ids = {kind: p.pk for kind, p in pages.items()}
    assert database_index() & set(ids.values()) == {ids["public"]}
    assert publicly_found(client) == {pages["public"].title}
    assert admin_finds(admin_client, pages["draft"].title)  # the admin searches the pages, drafts included

    release_everything(pages, django_capture_on_commit_callbacks, clock)
    assert database_index() >= set(ids.values())
    assert publicly_found(client) == {p.title for p in pages.values()}

    pages["public"].unpublish()
    assert pages["public"].pk not in database_index()
    assert pages["public"].title not in publicly_found(client)


def test_update_index_writes_only_public_pages(nb_home, django_capture_on_commit_callbacks):
    pages = not_for_the_public(nb_home, django_capture_on_commit_callbacks)
    call_command("update_index", stdout=open("/dev/null", "w"))
    assert database_index() & {p.pk for p in pages.values()} == {pages["public"].pk}


@pytest.mark.opensearch
def test_the_engine_index_holds_only_public_pages(
    client, admin_client, nb_home, opensearch, clock, django_capture_on_commit_callbacks
):
    pages = not_for_the_public(nb_home, django_capture_on_commit_callbacks)
    ids = {kind: p.pk for kind, p in pages.items()}
    assert engine_index(opensearch) == {ids["public"]}
    response = get(client, URL, q=WORD, sprak="alle")
    assert response.context["outcome"].engine == "opensearch"
    assert set(result_titles(response)) == {pages["public"].title}
    assert admin_finds(admin_client, pages["draft"].title)

    release_everything(pages, django_capture_on_commit_callbacks, clock)
    assert engine_index(opensearch) == set(ids.values())
    assert publicly_found(client) == {p.title for p in pages.values()}

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=pages["private"], restriction_type=PageViewRestriction.PASSWORD)
    pages["draft"].refresh_from_db()
    pages["draft"].unpublish()
    assert engine_index(opensearch) == set(ids.values()) - {ids["private"], ids["below_private"], ids["draft"]}

    call_command("update_index", backend_name="public", stdout=open("/dev/null", "w"))  # a rebuild keeps the rule
    assert engine_index(opensearch) == set(ids.values()) - {ids["private"], ids["below_private"], ids["draft"]}
