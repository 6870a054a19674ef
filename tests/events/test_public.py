"""Public side: index states and filters without per-card queries, JSON-LD, iCal, the form, cancellation links,
and the join link never leaving the private side."""

import json
import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Page

from events.models import EventIndexPage, EventPage, Registration
from events.registration import register
from events.tokens import SALT, make_cancel_token
from tests.helpers import publish_child, ui

pytestmark = pytest.mark.django_db
SECRET = "https://zoom.example/j/superhemmelig-4711"


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()


@pytest.fixture
def index():
    return EventIndexPage.objects.get(slug="arrangementer", locale__language_code="nb")


@pytest.fixture
def event(index):
    now = timezone.now()
    return publish_child(
        index,
        EventPage(
            title="Offentlig test",
            slug="offentlig-test",
            lead="Superhemmelig møte om samskaping",
            capacity=1,
            start=now + timedelta(days=4),
            end=now + timedelta(days=4, hours=2),
            join_url=SECRET,
            platform="Zoom",
        ),
    )


def _form(n=1, **extra):
    return {"name": f"Navn {n}", "email": f"navn{n}@example.com", "consent": "on", **extra}


def test_index_shows_upcoming_and_past_with_states_without_per_card_queries(
    client, index, event, django_assert_max_num_queries
):
    register(event, name="A", email="a@example.com")
    with django_assert_max_num_queries(40):
        html = client.get("/nb/arrangementer/").content.decode()
    assert "Offentlig test" in html and "Digital lansering av Startpakke" in html
    upcoming, past = html.split('id="past-heading"')
    assert "Digital lansering av Startpakke" in past and "Offentlig test" in upcoming
    assert "hub-event-state--full" in upcoming  # capacity 1, one confirmed
    assert "hub-event-state--open" in upcoming
    # more events do not mean more queries
    for i in range(5):
        now = timezone.now()
        publish_child(
            index,
            EventPage(
                title=f"Ekstra {i}",
                slug=f"ekstra-{i}",
                start=now + timedelta(days=20 + i),
                end=now + timedelta(days=20 + i, hours=1),
            ),
        )
    with django_assert_max_num_queries(40):
        client.get("/nb/arrangementer/")


def test_index_filters_by_kind_and_audience(client, event):
    html = client.get("/nb/arrangementer/?type=course_session").content.decode()
    assert "Kursdag 1" in html and "Offentlig test" not in html
    html = client.get("/nb/arrangementer/?malgruppe=volunteers").content.decode()
    assert "Digital samling for frivillige" in html and "Kursdag 1" not in html
    assert client.get("/nb/arrangementer/?type=bogus&malgruppe=<x>").status_code == 200


def test_index_shows_not_yet_open_and_closed(client, index):
    now = timezone.now()
    publish_child(
        index,
        EventPage(
            title="Snart",
            slug="snart",
            start=now + timedelta(days=9),
            end=now + timedelta(days=9, hours=1),
            registration_opens=now + timedelta(days=2),
        ),
    )
    publish_child(
        index,
        EventPage(
            title="Stengt",
            slug="stengt",
            start=now + timedelta(days=9),
            end=now + timedelta(days=9, hours=1),
            registration_closes=now - timedelta(hours=1),
        ),
    )
    html = client.get("/nb/arrangementer/").content.decode()
    assert "hub-event-state--not_open" in html and "hub-event-state--closed" in html


def test_event_page_has_event_json_ld_and_no_join_link(client, event):
    html = client.get(event.url).content.decode()
    blocks = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    ld = [b for b in blocks if b.get("@type") == "Event"][0]
    assert ld["name"] == "Offentlig test"
    assert ld["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert ld["startDate"].endswith("+01:00") or ld["startDate"].endswith("+02:00")  # Europe/Oslo
    assert "offers" in ld
    assert "superhemmelig-4711" not in html


def _assert_no_join_link(text, where):
    for fragment in (SECRET, "superhemmelig-4711", "zoom.example/j"):
        assert fragment not in text, f"{fragment!r} in {where}"


def test_join_link_never_in_pages_feeds_api_or_search(client, event):
    event_html = client.get(event.url).content.decode()
    assert "Offentlig test" in event_html
    _assert_no_join_link(event_html, "event page")
    index_html = client.get("/nb/arrangementer/").content.decode()
    assert "Offentlig test" in index_html
    _assert_no_join_link(index_html, "event index")
    feed = client.get("/nb/arrangement/kalender.ics").content.decode()
    assert "Offentlig test" in feed
    _assert_no_join_link(feed, "iCal feed")
    single = client.get(f"/nb/arrangement/{event.pk}.ics").content.decode()
    assert "Offentlig test" in single
    _assert_no_join_link(single, "event .ics")

    listing = client.get("/api/v2/pages/?type=events.EventPage&fields=*").content.decode()
    assert "Offentlig test" in listing
    _assert_no_join_link(listing, "API listing")
    detail = client.get(f"/api/v2/pages/{event.pk}/")
    assert detail.status_code == 200 and detail.json()["title"] == "Offentlig test"
    assert "join_url" not in detail.json()
    _assert_no_join_link(detail.content.decode(), "API detail")
    assert client.get(f"/api/v2/pages/{event.pk}/?fields=join_url").status_code == 400

    found = client.get("/nb/sok/", {"q": "superhemmelig"})  # a word of the lead: the event is searchable
    assert found.status_code == 200
    assert "Offentlig test" in [r.page.title for r in found.context["outcome"].results]
    _assert_no_join_link(found.content.decode(), "search page")
    by_link = client.get("/nb/sok/", {"q": "4711"})  # only in the join link, which is not indexed
    assert "Offentlig test" not in [
        r.page.title for r in (by_link.context["outcome"].results if by_link.context["outcome"] else [])
    ]
    _assert_no_join_link(by_link.content.decode(), "search page")
    suggestions = client.get("/nb/sok/forslag/", {"q": "Offentlig"})
    assert "Offentlig test" in [s["title"] for s in suggestions.json()["suggestions"]]
    _assert_no_join_link(suggestions.content.decode(), "autocomplete")
    assert "Offentlig test" not in client.get("/nb/sok/forslag/", {"q": "4711"}).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    _assert_no_join_link(sitemap, "sitemap")


def test_ical_feed_and_event_file_parse_back(client, event):
    feed = Calendar.from_ical(client.get("/nb/arrangement/kalender.ics").content)
    events = feed.walk("VEVENT")
    upcoming = EventPage.objects.live().filter(locale__language_code="nb", end__gte=timezone.now()).count()
    assert len(events) == upcoming
    single = client.get(f"/nb/arrangement/{event.pk}.ics")
    assert single["Content-Type"].startswith("text/calendar")
    vevent = Calendar.from_ical(single.content).walk("VEVENT")[0]
    assert str(vevent["summary"]) == "Offentlig test"
    assert vevent.decoded("dtstart") == event.start.replace(microsecond=0)
    assert vevent.decoded("dtend") == event.end.replace(microsecond=0)


def test_form_shows_errors_and_saves_nothing(client, event):
    response = client.post(f"/nb/arrangement/{event.pk}/pamelding/", {"name": "", "email": "nope"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "ds-error-summary" in html and 'aria-invalid="true"' in html and "aria-describedby" in html
    privacy = Page.objects.get(slug="personvern", locale__language_code="nb")
    assert f'<a class="ds-link" href="{privacy.url}">' in html  # the consent links to the privacy page
    assert not Registration.objects.filter(event=event).exists()


def test_honeypot_rejects_bots(client, event):
    response = client.post(f"/nb/arrangement/{event.pk}/pamelding/", _form(website_url="http://spam"))
    assert response.status_code == 400 and not Registration.objects.filter(event=event).exists()
    assert 'name="website_url" id="id_website_url" value=""' in response.content.decode()  # sent again, empty


def test_register_through_form_then_the_e_mail_then_cancel(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/nb/arrangement/{event.pk}/pamelding/", _form(needs="Tegnspråktolk"))
    registration = Registration.objects.get(event=event)
    assert response.status_code == 302 and response["Location"] == f"/nb/arrangement/{event.pk}/pamelding/sendt/"
    assert registration.needs == "Tegnspråktolk" and registration.consent_at
    page = client.get(response["Location"]).content.decode()
    assert ui("Check your e-mail") in page and "navn1@example.com" not in page and "superhemmelig" not in page
    assert [m.to for m in mail.outbox] == [["navn1@example.com"]]
    body = mail.outbox[0].body
    assert ui("You are registered. Welcome!") in body and "superhemmelig-4711" in body
    cancel_link = re.search(r"https?://[^/\s]+(/nb/arrangement/avmelding/\S+)", body).group(1)
    assert client.get(cancel_link).status_code == 200
    assert client.post(cancel_link).status_code == 200
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    reused = client.post(cancel_link)
    assert reused.status_code == 410


def test_no_page_shows_a_registration_by_its_reference(client, event):
    registration = register(event, name="Privat", email="privat@example.com").registration
    assert client.get(f"/nb/arrangement/pamelding/{registration.reference}/").status_code == 404


def test_tampered_cancel_link_is_refused(client, event):
    registration = register(event, name="T", email="t@example.com").registration
    token = make_cancel_token(registration)
    response = client.get(f"/nb/arrangement/avmelding/{token[:-2]}xx/")
    assert response.status_code == 400
    forged = signing.TimestampSigner(salt="other").sign(str(registration.reference))
    assert client.post(f"/nb/arrangement/avmelding/{forged}/").status_code == 400
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_expired_cancel_link_is_refused(client, event, settings):
    registration = register(event, name="E", email="e@example.com").registration
    token = signing.TimestampSigner(salt=SALT).sign(str(registration.reference))
    settings.REGISTRATION_CANCEL_LINK_MAX_AGE = timedelta(seconds=-1)
    response = client.post(f"/nb/arrangement/avmelding/{token}/")
    assert response.status_code == 410
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_full_event_offers_waiting_list_and_closed_event_refuses(
    client, index, event, django_capture_on_commit_callbacks
):
    register(event, name="F", email="f@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/nb/arrangement/{event.pk}/pamelding/", _form(2))
    assert Registration.objects.get(email="navn2@example.com").status == "waiting"
    assert "superhemmelig" not in mail.outbox[-1].body
    now = timezone.now()
    closed = publish_child(
        index,
        EventPage(
            title="Lukket",
            slug="lukket",
            start=now + timedelta(days=3),
            end=now + timedelta(days=3, hours=1),
            registration_closes=now - timedelta(minutes=5),
        ),
    )
    response = client.post(f"/nb/arrangement/{closed.pk}/pamelding/", _form(3))
    assert response.status_code == 409 and not Registration.objects.filter(event=closed).exists()


def test_method_pages_get_upcoming_events_that_teach_them(index):
    from django.apps import apps

    from events.models import EventPageRelatedMethod
    from infrastructure import relations

    MethodPage = apps.get_model("methods", "MethodPage")
    method = MethodPage.objects.filter(locale__language_code="nb").first()
    if method is None:  # demo loaded without the methods app: hang a bare method page on the index
        method = publish_child(
            index,
            MethodPage(
                title="Utforskende samtaler",
                slug="utforskende-samtaler-test",
                summary="Samtaler med lag og foreninger.",
            ),
        )
    now = timezone.now()
    event = EventPage(
        title="Lærer metoden",
        slug="laerer-metoden",
        start=now + timedelta(days=8),
        end=now + timedelta(days=8, hours=1),
    )
    event.related_methods.add(EventPageRelatedMethod(method=method))
    publish_child(index, event)
    sections = relations.related_sections("method", method)
    assert any(event.pk in [p.pk for p in s["items"]] for s in sections)
