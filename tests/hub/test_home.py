"""The front page for the four audiences, through HTTP on the demo content: promise and search, a path for each
audience, the next events with their registration state, the newest stories with their place and picture, the
starter pack as a course, live figures and the project description; editors pin and reorder, in every language;
a warm view stays within its query budget."""

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.utils import timezone
from wagtail.models import Page

from events.models import EventIndexPage, Registration
from methods.models import CoursePage, MethodIndexPage, MethodPage
from press.models import PressRoomPage
from stories.models import CaseStoryIndexPage, CaseStoryPage
from tests.factories.pages import event as make_event
from tests.factories.pages import page_in
from tests.factories.pages import story as make_story
from tests.helpers import ui

pytestmark = pytest.mark.django_db

SECTION_CLASSES = [
    "home-intro",
    "home-paths",
    "home-events",
    "home-stories",
    "home-course",
    "home-figures",
    "home-about",
]


class Outline(HTMLParser):
    """Headings (level, text), links (href, text) and the section classes of <main>, in document order."""

    def __init__(self):
        super().__init__()
        self.headings, self.links, self.sections, self.forms = [], [], [], []
        self._in_main = False
        self._heading = self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self._in_main = True
        if not self._in_main:
            return
        if tag == "section":
            self.sections.append((attrs.get("class") or "").split()[-1])
        elif tag == "form":
            self.forms.append(attrs)
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]
        elif tag == "a":
            self._link = [attrs.get("href"), attrs.get("aria-label") or ""]

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False
        elif re.fullmatch(r"h[1-6]", tag) and self._heading:
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None
        elif tag == "a" and self._link:
            self.links.append((self._link[0], self._link[1].strip()))
            self._link = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading[1] += data
        if self._link is not None:
            self._link[1] += data


def outline(html):
    parser = Outline()
    parser.feed(html)
    return parser


def section(html, name):
    """The HTML of the home section with class `name` (e.g. "home-events")."""
    match = re.search(rf'<section class="[^"]*\b{name}\b.*?</section>', html, re.S)
    assert match, name
    return match.group(0)


def get(client, url="/nb/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def publish_sections(home, sections):
    home.sections = sections
    home.save_revision().publish()


@pytest.fixture
def events_index(home):
    return EventIndexPage.objects.get(locale=home.locale, slug="arrangementer")


def test_default_sections_in_order_with_one_h1_and_headings_in_order(client, home):
    assert not home.sections  # the demo relies on the automatic default order
    page = outline(get(client))
    assert page.sections == SECTION_CLASSES
    levels = [level for level, _text in page.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), page.headings
    assert page.headings[0][1] == home.title
    assert all(text for _href, text in page.links), [href for href, text in page.links if not text]


def test_search_box_is_a_plain_get_form_to_the_search_page(client):
    html = section(get(client), "home-intro")
    assert 'method="get" action="/nb/sok/"' in html and 'name="q"' in html and 'type="submit"' in html
    assert '<label class="ds-label" for="home-intro-q">' in html
    results = client.get("/nb/sok/", {"q": "bibliotek"})
    assert results.status_code == 200


def test_a_path_for_each_audience_into_the_right_part_of_the_site(client, home):
    html = section(get(client), "home-paths")
    cards = re.findall(r'<li class="hub-card ds-card home-path home-path--(\w+)">(.*?)</ul>\s*</li>', html, re.S)
    by_audience = dict(cards)
    assert list(by_audience) == ["library_staff", "volunteers", "municipalities", "press"]
    url = {model: model.objects.live().get(locale=home.locale).url for model in (MethodIndexPage, PressRoomPage)}
    stories = CaseStoryIndexPage.objects.live().get(locale=home.locale, slug="historier").url
    events = EventIndexPage.objects.live().get(locale=home.locale, slug="arrangementer").url
    assert f'href="{url[MethodIndexPage]}"' in by_audience["library_staff"]
    assert f'href="{events}"' in by_audience["library_staff"]
    assert f'href="{stories}"' in by_audience["volunteers"] and 'href="/nb/historier/del/"' in by_audience["volunteers"]
    assert f'href="{stories}"' in by_audience["municipalities"]
    assert f'href="{url[PressRoomPage]}"' in by_audience["press"]


def test_next_event_shows_with_its_registration_state(
    client, events_index, fragment_cache, django_capture_on_commit_callbacks
):
    soon = make_event(
        events_index, "Samling i morgen", kind="gathering", days_from_now=0.5, capacity=1, registration_enabled=True
    )
    closed = make_event(
        events_index,
        "Stengt samling",
        kind="gathering",
        days_from_now=0.6,
        registration_closes=timezone.now() - dt.timedelta(hours=1),
    )
    html = section(get(client), "home-events")
    assert html.index(soon.title) < html.index(closed.title)  # the next first
    first_card = html.split("</li>")[0]
    assert soon.url in first_card and timezone.localtime(soon.start).date().isoformat() in first_card
    assert ui("Registration open") in first_card
    assert ui("Registration closed") in html.split("</li>")[1]

    # One seat, taken through the public form: the cached home page shows the waiting list at once.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/nb/arrangement/{soon.pk}/pamelding/", {"name": "Kari", "email": "kari@example.com", "consent": "on"}
        )
    assert response.status_code == 302
    assert Registration.objects.filter(event=soon, status="confirmed").count() == 1
    html = section(get(client), "home-events")
    assert ui("Full – waiting list") in html.split("</li>")[0]


def test_past_events_are_left_out_even_when_pinned(client, home, events_index):
    past = make_event(events_index, "Samling i fjor", kind="gathering", days_from_now=-300)
    publish_sections(home, [("events", {"heading": "Neste", "pinned": [past], "count": 3})])
    html = section(get(client), "home-events")
    assert past.title not in html and "<li" in html


def test_newest_story_shows_with_its_place_and_the_pictures_with_alt_text(client, home):
    from hub.models import Municipality

    index = CaseStoryIndexPage.objects.get(locale=home.locale, slug="historier")
    hamar = Municipality.objects.select_related("county").get(number="3403")
    newest = make_story(index, "Strikkekafé på biblioteket", hamar)
    html = section(get(client), "home-stories")
    cards = html.split("</li>")
    assert newest.title in cards[0]
    assert f">{hamar.name}</a>" in cards[0] and f">{hamar.county.name}</a>" in cards[0]
    assert "<img" not in cards[0]  # no picture, no empty frame
    pictured = CaseStoryPage.objects.live().filter(locale=home.locale, images__isnull=False).distinct()
    assert pictured.exists()
    shown = [story for story in pictured if story.title in html]
    assert shown, "a demo story with a picture is among the newest"
    alt = shown[0].images.first().alt_text
    assert f'alt="{alt}"' in html and "<picture" in html


def test_course_shows_the_starter_pack_and_links_its_first_step(client, home):
    course = CoursePage.objects.live().get(locale=home.locale)
    first_step = Page.objects.live().descendant_of(course).filter(depth=course.depth + 2).order_by("path").first()
    html = section(get(client), "home-course")
    assert f'href="{course.url}"' in html
    assert f'href="{first_step.url}"' in html and first_step.title in html


def test_figures_equal_the_counts_in_the_database(client, home, events_index):
    event = make_event(events_index, "Telles", kind="gathering", days_from_now=3)
    for n in range(3):
        Registration.objects.create(event=event, name=f"N{n}", email=f"n{n}@example.com", status="confirmed")
    Registration.objects.create(event=event, name="V", email="v@example.com", status="waitlisted")
    stories = CaseStoryPage.objects.live()
    expected = {
        "stories": stories.values("translation_key").distinct().count(),
        "municipalities": stories.values("municipality").distinct().count(),
        "counties": stories.values("county").distinct().count(),
        "methods": MethodPage.objects.live().values("translation_key").distinct().count(),
        "participants": Registration.objects.filter(status="confirmed").count(),
    }
    assert expected["participants"] >= 3 and expected["stories"] > 0
    html = section(get(client), "home-figures")
    shown = dict(re.findall(r'data-figure="(\w+)"><span class="home-figure__number">(\d+)</span>', html))
    assert {key: int(n) for key, n in shown.items()} == expected


def test_project_description_comes_last(client, home):
    html = get(client)
    about = section(html, "home-about")
    assert home.partners.first().name in about and ui("Main goals") in about
    assert html.index("home-figures") < html.index("home-about")


def test_pinned_story_comes_first(client, home):
    oldest = CaseStoryPage.objects.live().filter(locale=home.locale).order_by("first_published_at").first()
    before = section(get(client), "home-stories")
    assert oldest.title not in before
    publish_sections(home, [("stories", {"heading": "Utvalgte historier", "pinned": [oldest], "count": 3})])
    html = section(get(client), "home-stories")
    assert "Utvalgte historier" in html
    cards = html.split("</li>")
    assert oldest.title in cards[0] and len(re.findall(r'<li class="hub-card', html)) == 3


def test_pinned_story_shows_in_the_visitors_language(client, home):
    nb_story = CaseStoryPage.objects.live().filter(locale=home.locale).order_by("first_published_at").first()
    nn_story = page_in("nn", nb_story)
    nn_home = page_in("nn", home)
    publish_sections(nn_home, [("stories", {"heading": "Utvalde forteljingar", "pinned": [nb_story], "count": 2})])
    html = section(get(client, "/nn/"), "home-stories")
    first = html.split("</li>")[0]
    assert nn_story.url in first and nn_story.title in first


def test_reordered_sections_show_in_the_editors_order(client, home):
    publish_sections(
        home,
        [
            ("intro", {"promise": "Samskaping som virker", "text": "", "show_search": False}),
            ("figures", {"heading": "Tallene", "figures": ["stories", "methods"]}),
            ("stories", {"heading": "Historier", "pinned": [], "count": 2}),
        ],
    )
    html = get(client)
    page = outline(html)
    assert page.sections == ["home-intro", "home-figures", "home-stories"]
    assert page.headings[0] == (1, "Samskaping som virker") and not page.forms
    assert re.findall(r'data-figure="(\w+)"', html) == ["stories", "methods"]


def test_sections_without_a_promise_still_have_the_h1_and_the_search(client, home):
    publish_sections(home, [("stories", {"heading": "Historier", "pinned": [], "count": 2})])
    page = outline(get(client))
    assert page.sections == ["home-intro", "home-stories"]
    assert page.headings[0] == (1, home.title)


@pytest.mark.parametrize("code", ["nn", "en"])
def test_nynorsk_and_english_home_pages_are_in_their_own_language(client, home, code):
    translated = page_in(code, home)
    html = get(client, f"/{code}/")
    assert f'<html lang="{code}"' in html
    page = outline(html)
    assert page.headings[0] == (1, translated.title)
    headings = [text for _level, text in page.headings]
    for msgid in ("Next events", "Newest stories", "About the project"):
        assert ui(msgid, code) in headings, (msgid, headings)
    assert ui("Next events", code) != ui("Next events", "nb")
    stories = section(html, "home-stories")
    links = re.findall(r'href="(/[a-z]{2}/[^"]*)"', stories)
    assert links and all(link.startswith(f"/{code}/") for link in links)
    assert f'action="/{code}/sok/"' in section(html, "home-intro")


def test_home_page_stays_within_twelve_queries_warm(client, fragment_cache, django_assert_max_num_queries):
    client.get("/nb/")  # warm: per-process caches (content types, site root paths) and the sections
    with django_assert_max_num_queries(12):
        assert client.get("/nb/").status_code == 200


def test_home_page_without_fragment_cache_does_not_grow_with_content(client, home, django_assert_max_num_queries):
    """Every section rendered from the database: a fixed number of queries, however many stories and events."""
    index = CaseStoryIndexPage.objects.get(locale=home.locale, slug="historier")
    from hub.models import Municipality

    for n, municipality in enumerate(Municipality.objects.all()[:5]):
        make_story(index, f"Ekstra historie {n}", municipality)
    client.get("/nb/")
    with django_assert_max_num_queries(20):
        assert client.get("/nb/").status_code == 200


def test_editors_find_the_sections_in_the_admin(admin_client, home):
    response = admin_client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-contentpath="sections"' in html and ui("Pinned stories") in html


def test_a_figure_of_nothing_yet_is_left_out(client, home):
    Registration.objects.filter(status="confirmed").update(status="cancelled")
    html = section(get(client), "home-figures")
    assert 'data-figure="participants"' not in html and 'data-figure="stories"' in html
