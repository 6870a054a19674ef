"""Every figure of the goals report, from fixtures with known answers (measured as the change the fixtures make,
so the tests hold whichever demo content the session loaded)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from cockpit import figures
from cockpit.conversations import save_entry
from cockpit.models import GoalTargets
from hub.models import Municipality
from hub.roles import COUNTY_EDITOR, EDITOR
from hub.translation import translate
from tests.factories.pages import (
    attend,
    event,
    event_index,
    method,
    method_index,
    registration,
    series,
    story,
    story_index,
)
from tests.helpers import ui

pytestmark = pytest.mark.django_db


def by_key():
    with translation.override("en"):  # labels as English msgids, whatever the UI language
        return {f["key"]: f for f in figures.all_figures()}


def breakdown(figure):
    with translation.override("en"):  # lazy labels are rendered here
        return dict((str(label), value) for label, value in figure["breakdown"])


def delta(before, after, key, part=None):
    if part is None:
        return (after[key]["value"] or 0) - (before[key]["value"] or 0)
    return breakdown(after[key]).get(part, 0) - breakdown(before[key]).get(part, 0)


def test_course_series_registrations_attendance_and_completion(home):
    before = by_key()
    s = series("kurs-tall")
    index = event_index(home)
    sessions = [event(index, f"Samling {i}", series=s, days_from_now=-30 + i) for i in range(3)]
    r1, r2, r3 = (registration(s, f"p{i}@bibliotek.example") for i in range(3))
    registration(s, "venter@bibliotek.example", status="waiting")
    registration(s, "avmeldt@bibliotek.example", status="cancelled")
    attend(r1, *sessions)
    attend(r2, sessions[0])
    after = by_key()
    assert delta(before, after, "course_series") == 1
    assert delta(before, after, "course_series", "Registered") == 3
    assert delta(before, after, "course_series", "Attended at least one session") == 2
    assert delta(before, after, "course_series", "Completed every session") == 1
    assert after["course_series"]["target"] == 50


def test_conversations_per_participant_against_three(home):
    s = series("kurs-samtaler-tall")
    municipality = Municipality.objects.first()
    before = by_key()
    r1, r2, _r3 = (registration(s, f"s{i}@bibliotek.example") for i in range(3))
    for day in (1, 2, 3):
        save_entry(
            r1,
            {
                "organisation_name": f"Lag {day}",
                "org_type": "culture",
                "municipality": municipality,
                "held_on": dt.date(2022, 10, day),
                "challenge_categories": ["reach"],
            },
        )
    save_entry(
        r2,
        {
            "organisation_name": "Lag 9",
            "org_type": "sports",
            "municipality": municipality,
            "held_on": dt.date(2022, 10, 9),
            "challenge_categories": [],
        },
    )
    after = by_key()
    assert delta(before, after, "conversations", "Participants") == 3
    assert delta(before, after, "conversations", "Conversations recorded") == 4
    assert delta(before, after, "conversations", "Participants who reached the target") == 1
    assert after["conversations"]["target"] == 3
    if not breakdown(before["conversations"]).get("Participants"):
        assert after["conversations"]["value"] == round(4 / 3, 1)


def test_launches_held_count_past_published_launches_once_per_translation(home):
    before = by_key()
    index = event_index(home)
    first = event(index, "Lansering en", kind="launch", days_from_now=-40, audience="everyone")
    event(index, "Lansering to", kind="launch", days_from_now=-5, audience="everyone")
    event(index, "Lansering tre", kind="launch", days_from_now=20, audience="everyone")  # not held yet
    draft = event(index, "Lansering fire", kind="launch", days_from_now=-3, audience="everyone")
    draft.unpublish()
    translate(first, "nn", {"Lansering en": "Lansering ein"})
    event(index, "Samling for frivillige", kind="gathering", audience="volunteers", days_from_now=-2)
    after = by_key()
    assert delta(before, after, "launches") == 2
    assert after["launches"]["target"] == 2
    assert delta(before, after, "volunteer_gatherings") == 1


def test_methods_published_original_new_and_digital(home):
    before = by_key()
    index = method_index(home)
    method(index, "Metode gammel en")
    method(index, "Metode gammel to")
    method(index, "Metode ny en", is_new=True)
    method(index, "Metode ny digital", is_new=True, digital=True)
    method(index, "Metode utkast", publish=False)
    after = by_key()
    assert delta(before, after, "methods_original") == 2
    assert delta(before, after, "methods_new") == 2
    assert delta(before, after, "methods_digital") == 1
    assert (after["methods_original"]["target"], after["methods_new"]["target"]) == (9, 5)


def test_stories_per_county_and_organisation_type(home):
    from stories.models import VolunteerOrganisation

    hamar = Municipality.objects.get(name="Hamar")
    bergen = Municipality.objects.get(name="Bergen")
    sports = VolunteerOrganisation.objects.create(name="Idrettslaget", org_type="sports", locale=home.locale)
    culture = VolunteerOrganisation.objects.create(name="Korpset", org_type="culture", locale=home.locale)
    before = by_key()
    index = story_index(home)
    story(index, "Historie en", hamar, [sports])
    story(index, "Historie to", hamar, [sports, culture])
    story(index, "Historie tre", bergen)
    after = by_key()
    assert delta(before, after, "stories_county") == 3
    assert delta(before, after, "stories_county", hamar.county.name) == 2
    assert delta(before, after, "stories_county", bergen.county.name) == 1
    assert delta(before, after, "stories_org_type", "Sports") == 2
    assert delta(before, after, "stories_org_type", "Culture") == 1


def test_feedback_count_and_average_per_method(home):
    from methods.models import MethodFeedback

    m = method(method_index(home), "Metode med tilbakemelding")
    before = by_key()
    MethodFeedback.objects.create(method=m, rating=4)
    MethodFeedback.objects.create(method=m, rating=5)
    after = by_key()
    assert delta(before, after, "feedback") == 2
    assert breakdown(after["feedback"])["Metode med tilbakemelding (average 4.5)"] == 2


def test_coverage_items(home):
    from press.models import CoverageItem

    before = by_key()
    for i in range(3):
        CoverageItem.objects.create(
            outlet="Hamar Arbeiderblad", date=dt.date(2023, 1, i + 1), title=f"Sak {i}", link=f"https://ha.example/{i}"
        )
    after = by_key()
    assert delta(before, after, "coverage") == 3
    assert delta(before, after, "coverage", "2023") == 3


def test_editors_set_the_targets(client, make_user):
    targets = GoalTargets.load()
    targets.course_completions = 40
    targets.save()
    assert by_key()["course_series"]["target"] == 40
    client.force_login(make_user("red-mål", EDITOR))
    response = client.get(reverse("wagtailsettings:edit", args=["cockpit", "goaltargets"]), follow=True)
    assert response.status_code == 200 and "course_completions" in response.content.decode()


def test_goals_report_csv_and_dashboard_panel_for_editors(client, make_user):
    client.force_login(make_user("red-rapport", EDITOR))
    report = client.get(reverse("cockpit_goals"))
    assert report.status_code == 200
    html = report.content.decode()
    assert 'role="img"' in html and "<title" in html and "<script" not in html.split("cockpit-figure", 1)[1]
    csv_response = client.get(reverse("cockpit_goals_csv"))
    assert csv_response["Content-Type"].startswith("text/csv")
    body = csv_response.content.decode("utf-8-sig")
    assert ui("Digital launches held") in body and "2.6" in body
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert "cockpit-goals-heading" in dashboard.content.decode()


def test_missing_model_shows_a_dash_instead_of_failing(monkeypatch):
    def boom(*args):
        raise LookupError("no such model")

    monkeypatch.setattr(figures, "launches", boom)
    launch = by_key()["launches"]
    assert launch["value"] is None and launch["note"]


def test_county_editor_sees_no_cockpit(client, make_user):
    client.force_login(make_user("fylke-f", COUNTY_EDITOR))
    for name in ("cockpit_goals", "cockpit_goals_csv", "cockpit_health", "cockpit_translations"):
        assert client.get(reverse(name)).status_code in (302, 403), name
    assert "cockpit-goals-heading" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_introduction_courses_held_count_past_published_intro_courses(home):
    before = by_key()
    index = event_index(home)
    event(index, "Introkurs i samskaping", kind="intro_course", days_from_now=-60, audience="library_staff")
    event(index, "Introkurs nummer to", kind="intro_course", days_from_now=14, audience="library_staff")  # not held yet
    after = by_key()
    assert delta(before, after, "intro_courses") == 1
    assert after["intro_courses"]["goal"] == "1.1" and after["intro_courses"]["target"] == 1
