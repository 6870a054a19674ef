"""Demo content for the stories app: the index page (slug "historier") and sample stories. Idempotent."""

import datetime as dt

from django.utils import timezone
from wagtail.models import Locale

from hub.models import Municipality, Theme
from hub.translation import translate

from .demo_data import INDEX, INDEX_EN, INDEX_NN, METHOD_SLUGS, SAMPLE_NOTE, STORIES, THEMES, TRANSLATIONS
from .models import CaseStoryIndexPage, CaseStoryPage, VolunteerOrganisation


def ensure_index(home):
    index = CaseStoryIndexPage.objects.filter(locale=home.locale, slug="historier").first()
    if index is None:
        index = CaseStoryIndexPage(slug="historier", locale=home.locale, **INDEX)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _themes(locale):
    themes = {}
    for slug, name in THEMES:
        theme = Theme.objects.filter(locale=locale, slug=slug).first()
        if theme is None:
            theme = Theme.objects.create(locale=locale, slug=slug, name=name)
        themes[slug] = theme
    return themes


def _methods(locale):
    """The methods demo's live methods in this language, by slug (empty when the methods demo is not loaded)."""
    model = CaseStoryPage.methods_used.field.related_model
    return {m.slug: m for m in model.objects.live().filter(locale=locale, slug__in=METHOD_SLUGS)}


def _organisation(locale, name, org_type, website):
    org = VolunteerOrganisation.objects.filter(locale=locale, name=name).first()
    if org is None:
        org = VolunteerOrganisation.objects.create(locale=locale, name=name, org_type=org_type, website=website)
    return org


def ensure_stories(index):
    locale = index.locale
    themes = _themes(locale)
    methods = _methods(locale)
    now = timezone.now()
    created = {}
    for i, row in enumerate(STORIES):
        (
            slug,
            title,
            muni,
            library,
            orgs,
            challenge,
            did,
            outcomes,
            lessons,
            quote,
            start,
            end,
            status,
            groups,
            theme_slugs,
            tags,
            method_slugs,
        ) = row
        page = CaseStoryPage.objects.filter(locale=locale, slug=slug).first()
        if page is None:
            org_objs = [_organisation(locale, *o) for o in orgs]
            page = CaseStoryPage(
                title=title,
                slug=slug,
                locale=locale,
                lead=f"{library} og {' og '.join(o.name for o in org_objs)}: {outcomes}",
                library_name=library,
                municipality=Municipality.objects.get(number=muni),
                shared_challenge=f"<p>{challenge}</p>",
                what_they_did=[("paragraph", f"<p><em>{SAMPLE_NOTE}</em></p>"), ("paragraph", f"<p>{did}</p>")],
                outcomes=f"<p>{outcomes}</p>",
                lessons_learned=f"<p>{lessons}</p>",
                quotes=[("quote", {"quote": quote[0], "attribution": quote[1], "role": ""})] if quote else [],
                period_start=start,
                period_end=end,
                status=status,
                target_groups=groups,
                search_description=SAMPLE_NOTE,
            )
            if i == 0:
                page.contact_name, page.contact_email = "Kari Eksempel", "kari.eksempel@bibliotek.example"
                page.contact_consent, page.contact_consent_date = True, dt.date(2023, 6, 1)
            page.organisations = org_objs
            page.themes = [themes[s] for s in theme_slugs]
            page.methods_used = [methods[s] for s in method_slugs if s in methods]
            page.tags.add(*tags)
            index.add_child(instance=page)
            page.save_revision().publish()
            # Spread publication dates so "newest first" means something in the demo.
            published = now - dt.timedelta(days=7 * (len(STORIES) - i))
            CaseStoryPage.objects.filter(pk=page.pk).update(first_published_at=published, last_published_at=published)
        created[slug] = page
    return created


def load(ctx):
    index = ensure_index(ctx.home)
    stories = ensure_stories(index)
    for code, strings in (("nn", INDEX_NN), ("en", INDEX_EN)):
        locale = Locale.objects.get(language_code=code)
        if not index.has_translation(locale):
            translate(index, code, strings, user=ctx.user)
    for slug, by_language in TRANSLATIONS.items():
        page = stories[slug]
        for code, strings in by_language.items():
            if not page.has_translation(Locale.objects.get(language_code=code)):
                translate(page, code, strings, user=ctx.user)
    # Pictures for the newest stories (the home page and the index show them first), in every language.
    from hub.demo_pictures import add_story_picture

    for story in CaseStoryPage.objects.live().filter(locale=index.locale).order_by("-first_published_at")[:4]:
        add_story_picture(story)
