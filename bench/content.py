"""Bench content: many published case stories made fast, and a capped event for the registration bench.

`ensure_stories(n)` brings the Bokmål story index (slug "historier", from stories/demo.py) up to n live stories:
treebeard paths are computed here and the rows are written in bulk (base page rows, the specific rows, one
published revision each), see STACK-NOTES. Idempotent: nothing is made when the index already has n. The search
index is not updated (the story index lists from the database; `manage.py update_index` indexes them if needed).
Needs Django set up (bench/pages.py does that).
"""

import datetime as dt
import itertools
import time
import uuid

STORY_SLUG_PREFIX = "bench-historie-"
EVENT_SLUG = "bench-pamelding"


def story_index():
    from wagtail.models import Locale

    from stories.models import CaseStoryIndexPage

    locale = Locale.objects.filter(language_code="nb").first()
    return CaseStoryIndexPage.objects.filter(locale=locale, slug="historier").first()


def ensure_stories(n):
    """Returns (index, live stories before, made, seconds); index is None when the demo index is missing."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page, Revision

    from hub.models import Municipality
    from stories.models import CaseStoryPage

    index = story_index()
    if index is None:
        return None, 0, 0, 0.0
    have = CaseStoryPage.objects.child_of(index).live().count()
    missing = n - have
    if missing <= 0:
        return index, have, 0, 0.0
    start = time.perf_counter()
    municipalities = list(Municipality.objects.order_by("pk")[:50])
    ct = ContentType.objects.get_for_model(CaseStoryPage)
    page_ct = ContentType.objects.get_for_model(Page)
    now = timezone.now()
    with transaction.atomic():
        index = type(index).objects.select_for_update().get(pk=index.pk)
        last = index.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        taken = set(
            Page.objects.filter(slug__startswith=STORY_SLUG_PREFIX, path__startswith=index.path).values_list(
                "slug", flat=True
            )
        )
        numbers = (i for i in itertools.count(1) if f"{STORY_SLUG_PREFIX}{i}" not in taken)
        stories = []
        for k, number in zip(range(missing), numbers, strict=False):  # numbers is endless
            muni = municipalities[k % len(municipalities)]
            slug = f"{STORY_SLUG_PREFIX}{number}"
            published = now - dt.timedelta(hours=k + 1)
            title = f"Samskaping i {muni.name} nr. {number}"
            stories.append(
                CaseStoryPage(
                    path=Page._get_path(index.path, index.depth + 1, step + k),
                    depth=index.depth + 1,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    url_path=f"{index.url_path}{slug}/",
                    content_type=ct,
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    seo_title="",
                    search_description="",
                    lead=f"Biblioteket og frivillige i {muni.name} samskapte et tilbud (benchmark-innhold).",
                    library_name=f"{muni.name} bibliotek",
                    municipality_id=muni.pk,
                    county_id=muni.county_id,
                    shared_challenge="<p>En felles utfordring.</p>",
                    what_they_did=[("paragraph", "<p>Det de gjorde sammen.</p>")],
                    outcomes="<p>Flere møtte opp.</p>",
                    lessons_learned="<p>Start smått.</p>",
                    period_start=dt.date(2020 + k % 5, 1 + k % 12, 1),
                    status=CaseStoryPage.FINISHED,
                )
            )
        Page.objects.bulk_create(
            [
                Page(**{f.attname: getattr(s, f.attname) for f in Page._meta.concrete_fields if f.attname != "id"})
                for s in stories
            ],
            batch_size=500,
        )
        ids = dict(Page.objects.filter(path__in=[s.path for s in stories]).values_list("path", "id"))
        for s in stories:
            s.id = s.page_ptr_id = ids[s.path]
        local = [f for f in CaseStoryPage._meta.local_concrete_fields]
        for batch in range(0, len(stories), 500):
            CaseStoryPage._base_manager._insert(stories[batch : batch + 500], fields=local)
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=ct,
                    base_content_type=page_ct,
                    object_id=str(s.pk),
                    object_str=s.title,
                    content=s.serializable_data(),
                    created_at=s.last_published_at,
                )
                for s in stories
            ],
            batch_size=500,
        )
        for s, rev in zip(stories, revisions, strict=True):
            s.latest_revision_id = s.live_revision_id = rev.pk
        Page.objects.bulk_update(
            [
                Page(id=s.id, latest_revision_id=rev.pk, live_revision_id=rev.pk)
                for s, rev in zip(stories, revisions, strict=True)
            ],
            ["latest_revision", "live_revision"],
            batch_size=500,
        )
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(stories))
    return index, have, len(stories), time.perf_counter() - start


def ensure_event(capacity):
    """A published Bokmål event with open registration and `capacity` seats, its registrations removed (so each
    run starts empty). Returns the event page, or None without an event index."""
    from django.utils import timezone
    from wagtail.models import Locale

    from events.models import EventIndexPage, EventPage, Registration

    locale = Locale.objects.filter(language_code="nb").first()
    parent = EventIndexPage.objects.filter(locale=locale).first()
    if parent is None:
        return None
    start = timezone.now() + dt.timedelta(days=30)
    event = EventPage.objects.filter(locale=locale, slug=EVENT_SLUG).first()
    if event is None:
        event = EventPage(
            title="Benchmark: påmelding under last",
            slug=EVENT_SLUG,
            locale=locale,
            start=start,
            end=start + dt.timedelta(hours=2),
            capacity=capacity,
            registration_enabled=True,
        )
        parent.add_child(instance=event)
        event.save_revision().publish()
    Registration.objects.filter(event=event).delete()
    EventPage.objects.filter(pk=event.pk).update(
        capacity=capacity,
        registration_enabled=True,
        registration_opens=None,
        registration_closes=None,
        start=start,
        end=start + dt.timedelta(hours=2),
        series=None,
    )
    return EventPage.objects.get(pk=event.pk)
