"""Story pages (structured data, contact consent), the cross-link for methods, editorial roles and the demo."""

import datetime as dt
import json
import re

import pytest
from django.utils.translation import gettext as _
from wagtail.models import Locale

from hub.roles import COUNTY_EDITOR
from infrastructure import relations
from stories import queries
from stories.demo_data import METHOD_SLUGS, STORIES
from stories.models import CaseStoryIndexPage, CaseStoryPage
from tests.factories.stories import make_story, org, theme
from tests.helpers import missing, ui

pytestmark = pytest.mark.django_db


def json_ld(html):
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_story_page_has_article_json_ld_and_open_graph(client, story_index):
    page = make_story(
        story_index,
        "Lesing i klubbhuset",
        "3403",
        [org("Hamar IL", "sports")],
        [theme("lesing")],
        ["lesing"],
        lead="Biblioteket og klubben leste sammen.",
    )
    html = client.get(page.get_url()).content.decode()
    data = json_ld(html)
    article = next(d for d in data if d["@type"] == "Article")
    assert article["headline"] == "Lesing i klubbhuset"
    assert article["contentLocation"]["address"]["addressRegion"] == "Innlandet"
    assert article["author"]["name"] == "Testbiblioteket"
    assert "datePublished" in article
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="article:tag" content="lesing">' in html
    assert '<meta property="og:description" content="Biblioteket og klubben leste sammen.">' in html


def test_contact_person_is_shown_only_with_recorded_consent(client, story_index):
    hidden = make_story(story_index, "Uten samtykke", contact_name="Per Hemmelig", contact_email="per@example.com")
    shown = make_story(
        story_index,
        "Med samtykke",
        contact_name="Kari Åpen",
        contact_email="kari@example.com",
        contact_consent=True,
        contact_consent_date=dt.date(2024, 1, 1),
    )
    assert "Per Hemmelig" not in client.get(hidden.get_url()).content.decode()
    assert "per@example.com" not in client.get(hidden.get_url()).content.decode()
    assert "Kari Åpen" in client.get(shown.get_url()).content.decode()


def test_consent_without_date_is_refused_by_the_database(story_index):
    from django.db import IntegrityError, transaction

    page = make_story(story_index, "Dato mangler")
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseStoryPage.objects.filter(pk=page.pk).update(contact_consent=True, contact_consent_date=None)


def test_county_is_derived_from_the_municipality(story_index):
    page = make_story(story_index, "Bergen", "4601")
    assert page.county.name == "Vestland"


@pytest.fixture
def method_page(home):
    from django.apps import apps

    MethodIndexPage = apps.get_model("methods", "MethodIndexPage")
    MethodPage = apps.get_model("methods", "MethodPage")
    index = MethodIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = MethodIndexPage(title="Startpakke", slug="startpakke-test")
        home.add_child(instance=index)
    method = MethodPage(title="Utforskende samtaler (test)", slug="utforskende-samtaler-test")
    # The methods app grows in parallel: fill whatever required text fields it has.
    for field in MethodPage._meta.concrete_fields:
        if (
            field.get_internal_type() in ("TextField", "CharField")
            and not field.blank
            and not getattr(method, field.attname)
        ):
            setattr(method, field.attname, "Test")
    index.add_child(instance=method)
    method.save_revision().publish()
    return method


def test_method_page_relations_list_published_stories_in_same_locale(story_index, method_page):
    used = make_story(story_index, "Brukte metoden", methods=[method_page])
    make_story(story_index, "Utkast med metoden", methods=[method_page], publish=False)
    make_story(story_index, "Annen historie")
    assert [s.title for s in queries.for_method(method_page)] == ["Brukte metoden"]
    sections = relations.related_sections("method", method_page)
    section = next(s for s in sections if used in s["items"])
    assert str(section["heading"]) == str(_("Stories that used this method"))


def test_method_facet_filters_by_method(client, story_index, method_page):
    make_story(story_index, "Med metode", methods=[method_page])
    make_story(story_index, "Uten metode")
    response = client.get(f"/nb/historier/?metode={method_page.slug}")
    assert [s.title for s in response.context["stories"]] == ["Med metode"]


def test_county_editor_can_add_and_edit_stories_but_not_publish(client, story_index, make_user):
    user = make_user("fylke", COUNTY_EDITOR)
    perms = story_index.permissions_for_user(user)
    assert perms.can_add_subpage()
    assert not perms.can_publish_subpage()
    story = make_story(story_index, "Redigerbar")
    story_perms = story.permissions_for_user(user)
    assert story_perms.can_edit() and not story_perms.can_publish()
    client.force_login(user)
    add_url = f"/admin/pages/add/stories/casestorypage/{story_index.pk}/"
    assert client.get(add_url).status_code == 200
    assert client.get(f"/admin/pages/{story.pk}/edit/").status_code == 200


def test_demo_has_sample_stories_from_many_counties_with_translations():
    nb = Locale.objects.get(language_code="nb")
    stories = CaseStoryPage.objects.live().filter(locale=nb)
    assert stories.count() >= 12
    assert stories.values("county").distinct().count() >= 10
    assert stories.values("organisations__org_type").distinct().count() >= 5
    assert all("Eksempelinnhold" in s.search_description for s in stories)
    translated = [s for s in stories if s.get_translations().live().count() >= 2]
    assert len(translated) >= 2
    assert CaseStoryIndexPage.objects.live().count() == 3  # nb, nn, en


def _stories_section(html):
    """The <section> of a method page headed "Stories that used this method", or None."""
    heading = re.escape(ui("Stories that used this method"))
    match = re.search(r"<section[^>]*>\s*<h2[^>]*>\s*" + heading + r"\s*</h2>(.*?)</section>", html, re.S)
    return match.group(1) if match else None


def _demo_method(slug):
    from django.apps import apps

    method = (
        apps.get_model("methods", "MethodPage").objects.live().filter(slug=slug, locale__language_code="nb").first()
    )
    if method is None:
        missing("the methods demo is not loaded (HUB_DEMO_APPS without methods)")
    return method


def test_demo_stories_each_use_one_to_three_demo_methods_and_most_methods_are_used():
    _demo_method("utforskende-samtale")
    stories = CaseStoryPage.objects.live().filter(locale__language_code="nb", slug__in=[r[0] for r in STORIES])
    assert stories.count() == len(STORIES)
    used = set()
    for story in stories.prefetch_related("methods_used"):
        slugs = {m.slug for m in story.methods_used.all()}
        assert 1 <= len(slugs) <= 3, story.slug
        assert slugs <= set(METHOD_SLUGS), story.slug
        used |= slugs
    assert len(used) >= len(METHOD_SLUGS) - 2


def test_method_page_lists_the_stories_that_used_it(client):
    method = _demo_method("utforskende-samtale")
    section = _stories_section(client.get(method.get_url()).content.decode())
    assert section is not None
    for title in ("Leseombud i idrettslaget", "Leksehjelp med Røde Kors", "Bokbad i moskeen"):
        assert title in section
    assert "Sjakk for alle" not in section


def test_method_page_without_stories_has_no_stories_section(client, method_page):
    html = client.get(method_page.get_url()).content.decode()
    assert method_page.title in html
    assert _stories_section(html) is None
    assert ui("Stories that used this method") not in html
