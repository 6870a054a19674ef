"""Content health: missing alt text and transcripts, broken internal links, unreviewed methods and past events
still open for registration — each listed with a link to the page's edit view."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cockpit import health
from hub.roles import EDITOR
from tests.factories.pages import event, event_index, method, method_index, standard_page
from tests.helpers import ui

pytestmark = pytest.mark.django_db


def ids(kind):
    return {row["page_id"] for row in health.report()[kind]}


def test_image_without_alt_text_and_video_without_transcript_are_listed(home):
    image = Image.objects.create(title="Bilde", file=get_test_image_file())
    bad = standard_page(
        home,
        "Mangler alt",
        body=json.dumps(
            [
                {
                    "type": "image",
                    "value": {"image": image.pk, "alt_text": "", "decorative": False, "caption": "", "credit": ""},
                },
                {
                    "type": "video",
                    "value": {
                        "title": "Film",
                        "url": "https://v.example/1",
                        "video_file": None,
                        "captions": None,
                        "transcript": "<p></p>",
                    },
                },
            ]
        ),
    )
    good = standard_page(
        home,
        "Har alt",
        body=json.dumps(
            [
                {
                    "type": "image",
                    "value": {"image": image.pk, "alt_text": "", "decorative": True, "caption": "", "credit": ""},
                },
                {
                    "type": "image",
                    "value": {
                        "image": image.pk,
                        "alt_text": "To personer",
                        "decorative": False,
                        "caption": "",
                        "credit": "",
                    },
                },
                {
                    "type": "video",
                    "value": {
                        "title": "Film",
                        "url": "https://v.example/1",
                        "video_file": None,
                        "captions": None,
                        "transcript": "<p>Tekst</p>",
                    },
                },
            ]
        ),
    )
    assert bad.pk in ids("alt_text") and bad.pk in ids("transcript")
    assert good.pk not in ids("alt_text") and good.pk not in ids("transcript")
    row = next(r for r in health.report()["alt_text"] if r["page_id"] == bad.pk)
    assert row["edit_url"] == reverse("wagtailadmin_pages:edit", args=[bad.pk])


def test_links_to_unpublished_and_deleted_pages_are_broken(home):
    hidden = standard_page(home, "Skjult side")
    gone = standard_page(home, "Borte side")
    fine = standard_page(home, "Levende side")
    linking = standard_page(
        home,
        "Lenker",
        body=json.dumps(
            [
                {
                    "type": "paragraph",
                    "value": (
                        f'<p><a linktype="page" id="{hidden.pk}">skjult</a> '
                        f'<a linktype="page" id="{gone.pk}">borte</a> '
                        f'<a linktype="page" id="{fine.pk}">fin</a></p>'
                    ),
                }
            ]
        ),
    )
    assert linking.pk not in ids("broken_link")
    hidden.unpublish()
    gone_id = gone.pk
    gone.delete()
    rows = [r for r in health.report()["broken_link"] if r["page_id"] == linking.pk]
    details = " ".join(r["detail"] for r in rows)
    assert len(rows) == 2
    assert ui("Links to a page that was deleted (page id %(id)d)", id=gone_id) in details and "Skjult side" in details


def test_methods_not_reviewed_in_twelve_months(home):
    index = method_index(home)
    old = method(index, "Gammel gjennomgang", last_reviewed=timezone.localdate() - dt.timedelta(days=400))
    recent = method(index, "Fersk gjennomgang", last_reviewed=timezone.localdate() - dt.timedelta(days=30))
    never_new = method(index, "Aldri gjennomgått ny")  # published today: not due yet
    assert old.pk in ids("unreviewed")
    assert recent.pk not in ids("unreviewed") and never_new.pk not in ids("unreviewed")


def test_past_events_still_open_for_registration(home):
    index = event_index(home)
    open_past = event(
        index, "Over men åpen", days_from_now=-5, registration_closes=timezone.now() + dt.timedelta(days=3)
    )
    closed_past = event(
        index, "Over og lukket", days_from_now=-5, registration_closes=timezone.now() - dt.timedelta(days=6)
    )
    future = event(index, "Kommer", days_from_now=5, registration_closes=timezone.now() + dt.timedelta(days=4))
    found = ids("past_event_open")
    assert open_past.pk in found and closed_past.pk not in found and future.pk not in found


def test_health_page_links_each_problem_to_its_edit_view(client, make_user, home):
    index = method_index(home)
    old = method(index, "Gammel metode", last_reviewed=dt.date(2020, 1, 1))
    client.force_login(make_user("red-h", EDITOR))
    response = client.get(reverse("cockpit_health"))
    assert response.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=[old.pk]) in response.content.decode()


def test_health_report_query_count_does_not_grow_per_page(home, django_assert_max_num_queries):
    for i in range(8):
        standard_page(home, f"Side {i}")
    health.report()
    with django_assert_max_num_queries(60):
        health.report()
