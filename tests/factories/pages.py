"""Factories shared by the cockpit tests (no tests here). Each creates real pages/rows the way the admin does."""

import datetime as dt

from django.utils import timezone
from wagtail.models import Page

from tests.helpers import publish_child


def child_of_type(parent, model):
    return model.objects.child_of(parent).first()


def get_or_publish(parent, model, **fields):
    existing = child_of_type(parent, model)
    if existing is not None:
        return existing
    return publish_child(parent, model(**fields))


def standard_page(parent, title, slug=None, **fields):
    from hub.models import StandardPage

    return publish_child(parent, StandardPage(title=title, slug=slug or title.lower().replace(" ", "-"), **fields))


def method_index(home):
    from methods.models import MethodIndexPage

    return get_or_publish(home, MethodIndexPage, title="Startpakke", slug="startpakke-test")


def method(index, title, is_new=False, digital=False, last_reviewed=None, publish=True):
    from methods.models import MethodPage

    page = MethodPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        summary=f"Om {title}.",
        is_new=is_new,
        digital_suitable=digital,
        online_tools="<p>Padlet</p>" if digital else "",
        last_reviewed=last_reviewed,
    )
    if publish:
        return publish_child(index, page)
    page.live = False
    index.add_child(instance=page)
    return page


def event_index(home):
    from events.models import EventIndexPage

    return get_or_publish(home, EventIndexPage, title="Arrangementer", slug="arrangementer-test")


def event(index, title, kind="course_session", days_from_now=-10, series=None, audience="library_staff", **fields):
    from events.models import EventPage

    start = timezone.now() + dt.timedelta(days=days_from_now)
    return publish_child(
        index,
        EventPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            kind=kind,
            start=start,
            end=start + dt.timedelta(hours=3),
            series=series,
            audience=audience,
            **fields,
        ),
    )


def series(slug="kursrekke-test"):
    from events.models import EventSeries

    return EventSeries.objects.create(title=f"Kursrekke {slug}", slug=slug)


def registration(target_series, email, name="Kari Nordmann", status="confirmed"):
    from events.models import Registration

    return Registration.objects.create(series=target_series, email=email, name=name, status=status)


def attend(reg, *events):
    from events.models import Attendance

    for e in events:
        Attendance.objects.create(registration=reg, event=e)


def story_index(home):
    from stories.models import CaseStoryIndexPage

    return get_or_publish(home, CaseStoryIndexPage, title="Historier", slug="historier-test")


def story(index, title, municipality, organisations=()):
    from stories.models import CaseStoryPage

    page = CaseStoryPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        lead="Kort.",
        library_name="Biblioteket",
        municipality=municipality,
        period_start=dt.date(2022, 9, 1),
    )
    index.add_child(instance=page)
    page.organisations.set(organisations)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def nb_home():
    from hub.models import HomePage

    return HomePage.objects.get(locale__language_code="nb", depth=2)


def page_in(code, page):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code).specific
