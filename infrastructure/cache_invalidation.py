"""Which cached pages a change of content renews, and renewing them in the page cache and in nginx.

A publish, an unpublish, a move or a deletion of a page (a translation published is a publish of that page)
renews only the pages that show the changed page, so every other cached page keeps being served:

- the page itself in every language (each translation), and its former URLs when its slug or place in the tree
  changed (with those of the pages below it);
- its ancestors below the home page: the index listing it, the course module listing its steps;
- the pages it lists or links to, in the version the public saw before and in the one it sees now (a story lists
  the methods it used, and the method page lists the stories that used it): page choosers, inline relations, rich
  text and StreamField links and many-to-many page fields, in every language, since listings match translations;
- the pages that link to it: Wagtail's reference index, and many-to-many page fields (a story's methods);
- the home pages of its site when they show it (each render records which pages its sections showed), when it
  went live, left or moved (new content, the figures), or when its app says it may appear now;
- what its app adds through the `RENEW_HOOK` hook (the place pages of a story's or an event's municipality, the
  steps of a course that all show the course's outline, the story indexes whose method filter names a method);
- every page when the page is in the site's chrome (a menu target or a footer link, shown on every page): then
  the content generation is renewed (`infrastructure.cache.invalidate_pages`).

Both directions are computed inside the publish, from the content itself: the version seen before comes from the
previous live revision (noted before the publish overwrites the page's row), the new one from the revision being
published, so nothing waits for the reference-index task Wagtail queues. Only "pages that link to it" reads the
index, which holds those other pages' links since their own publish.

Broad on purpose: site settings (menu, footer, contact), snippets shown across pages (themes …), sites and view
restrictions renew every page (`infrastructure.cache.connect_signals`). A registration renews its event's pages only
(`events.pagecache`). Search results are never cached (the search view varies by query, is not a Wagtail page
and sends no public Cache-Control), so nothing here renews them; the search index is updated by modelsearch.

nginx (Wagtail's front-end cache module, `infrastructure.cache.NginxRefreshBackend`) refreshes the same URLs;
Wagtail's own handler already refreshes the changed page's own URL. After a broad renewal, nginx refreshes the
computed pages and the home pages; other entries there expire within `HUB_FRONTEND_MAX_AGE`.
"""

import copy
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex, Revision

from infrastructure.cache import frontend_max_age, invalidate_pages, page_cache_seconds, renew_paths_now

logger = logging.getLogger("infrastructure.cache")

RENEW_HOOK = "hub_cache_renew"  # fn(change: PageChange) -> iterable of pages or URL paths ("/nb/steder/…/")
HOME_SHOWS_KEY = "hub:home:shows:"
BEFORE_ATTR = "_hub_before_save"


@dataclass
class PageChange:
    """One change the public sees. `before`: the version visitors saw until now (None if it was not live);
    `after`: the version they see from now on (None after an unpublish or a deletion)."""

    page: Page
    before: Page | None
    after: Page | None
    old_url_paths: list = field(default_factory=list)
    before_refs: set = field(default_factory=set)  # used when no earlier version could be read
    former_parent: Page | None = None  # after a move: it (and its ancestors) listed the page

    @property
    def listing_changed(self):
        """It went live, left or moved: counts and lists change, not just what they show of it."""
        return self.before is None or self.after is None or self.former_parent is not None

    def versions(self):
        return [v for v in (self.before, self.after) if v is not None]


# --- what a page shows of other pages -----------------------------------------------------------------------


def _page_content_type_id():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Page).pk


def _m2m_page_fields(model):
    return [
        f
        for f in model._meta.get_fields()
        if f.many_to_many and not f.auto_created and isinstance(f.related_model, type)
        if issubclass(f.related_model, Page)
    ]


def referenced_page_ids(obj):
    """Ids of the pages `obj` (a page version, with its inline children) lists or links to. Many-to-many page
    fields are read too: the reference index leaves them out."""
    page_ct = _page_content_type_id()
    ids = {int(pk) for ct, pk, *_ in ReferenceIndex._extract_references_from_object(obj) if ct == page_ct}
    for f in _m2m_page_fields(type(obj)):
        ids.update(item.pk for item in f.value_from_object(obj))
    return ids


def _indexed_references_of(page):
    """What the reference index holds of `page`'s own links (the last indexed version)."""
    rows = ReferenceIndex.get_references_for_object(page).filter(to_content_type_id=_page_content_type_id())
    return {int(pk) for pk in rows.values_list("to_object_id", flat=True)}


def _linking_page_ids(page_ids):
    """Pages that link to any of `page_ids` (reference index) or list them in a many-to-many page field."""
    page_ct = _page_content_type_id()
    found = set(
        ReferenceIndex.objects.filter(to_content_type_id=page_ct, to_object_id__in=[str(pk) for pk in page_ids])
        .filter(base_content_type_id=page_ct)
        .values_list("object_id", flat=True)
    )
    ids = {int(pk) for pk in found}
    from django.apps import apps

    for model in apps.get_models():
        if issubclass(model, Page):
            for f in _m2m_page_fields(model):
                if f.model is model:  # declared here, not inherited
                    ids.update(model.objects.filter(**{f"{f.name}__in": page_ids}).values_list("pk", flat=True))
    return ids


# --- the home page's sections --------------------------------------------------------------------------------


def remember_home_shows(home, pages):
    """Note the pages a rendered home page shows (any section), so a publish of one of them renews it. Kept at
    least as long as any cached copy of that home page."""
    keys = sorted({str(p.translation_key) for p in pages})
    timeout = max(page_cache_seconds(), frontend_max_age(), 300) + 60
    cache.set(HOME_SHOWS_KEY + str(home.pk), keys, timeout=timeout)


def _homes(page):
    """The live home pages (every language) of the page's site."""
    site = page.get_site()
    if site is None:
        return []
    return list(Page.objects.live().filter(translation_key=site.root_page.translation_key))


def _homes_showing(change, keys):
    homes = _homes(change.page)
    if change.listing_changed:
        return homes
    shown = cache.get_many([HOME_SHOWS_KEY + str(home.pk) for home in homes])
    if any(str(key) in shown_keys for shown_keys in shown.values() for key in keys):
        return homes
    return []


# --- the site's chrome --------------------------------------------------------------------------------------


def in_chrome(page, keys):
    """Whether the page is a menu target or a footer link of its site (shown on every page)."""
    from django.apps import apps

    from hub import chrome
    from hub.models import SiteSettings

    if any(isinstance(page, apps.get_model(label)) for label in chrome.NAV_MODELS):
        return True
    site = page.get_site()
    if site is None:
        return False
    site_settings = SiteSettings.base_queryset().filter(site=site).first()  # read only: never creates a row
    if site_settings is None:  # nothing chosen for this site's menu or footer yet
        return False
    chosen = [getattr(site_settings, f, None) for f in chrome.FOOTER_FIELDS.values()]
    chosen += chrome._menu_ids(site_settings)
    chosen = [pk for pk in chosen if pk]
    return bool(chosen) and Page.objects.filter(pk__in=chosen, translation_key__in=keys).exists()


# --- the set ------------------------------------------------------------------------------------------------


def _url_path(page, url_path):
    """The URL path (language prefix included) the page had at `url_path`, or None when not routable."""
    former = copy.copy(page)
    former.url_path = url_path
    parts = former.get_url_parts()
    return parts[2] if parts else None


def _former_paths(page, old_url_paths):
    """URL paths the page and the pages below it had before a slug change or a move."""
    paths = set()
    for old in old_url_paths:
        if old == page.url_path:
            continue
        for descendant in page.get_descendants(inclusive=True).select_related("locale"):
            path = _url_path(descendant, old + descendant.url_path[len(page.url_path) :])
            if path:
                paths.add(path)
    return paths


def _ancestor_paths(pages):
    """Tree paths of the ancestors of `pages` below their home page (depth > 2)."""
    prefixes = set()
    for page in pages:
        for depth in range(3, page.depth):
            prefixes.add(page.path[: depth * Page.steplen])
    return prefixes


def pages_showing(change):
    """(pages, paths, everything): the pages whose HTML shows the change, extra URL paths, and whether every
    page shows it (the chrome)."""
    page = change.page
    keys = {page.translation_key}
    translations = list(Page.objects.filter(translation_key=page.translation_key))
    ids = {p.pk for p in translations}

    listed = set(change.before_refs)
    for version in change.versions():
        listed |= referenced_page_ids(version)
    if listed:
        listed_keys = Page.objects.filter(pk__in=listed).values("translation_key")
        ids |= set(Page.objects.filter(translation_key__in=listed_keys).values_list("pk", flat=True))

    former = [change.former_parent] if change.former_parent is not None else []
    ids |= {p.pk for p in former}
    ancestors = _ancestor_paths(translations + former)
    if ancestors:
        ids |= set(Page.objects.filter(path__in=ancestors).values_list("pk", flat=True))
    ids |= _linking_page_ids([p.pk for p in translations])

    extra_pages, paths = [], set(_former_paths(page, change.old_url_paths))
    extra_pages += _homes_showing(change, keys)
    for fn in hooks.get_hooks(RENEW_HOOK):
        for item in fn(change) or ():
            if isinstance(item, str):
                paths.add(item)
            else:
                extra_pages.append(item)
    ids |= {p.pk for p in extra_pages}
    pages = list(Page.objects.filter(pk__in=ids).select_related("locale"))
    everything = in_chrome(page, keys) and (change.listing_changed or _title_or_url_changed(change))
    return pages, paths, everything


def _title_or_url_changed(change):
    before, after = change.before, change.after
    return before is None or after is None or before.title != after.title or bool(change.old_url_paths)


# --- renewing -----------------------------------------------------------------------------------------------


def _urls(pages, paths, site_page):
    """{URL path: full URL} for the pages and the extra paths (on the changed page's site)."""
    urls = {}
    for page in pages:
        parts = page.get_url_parts()
        if parts:
            urls[parts[2]] = parts[1] + parts[2]
    site = site_page.get_site()
    root = site.root_url if site else ""
    for path in paths:
        urls.setdefault(path, root + path)
    return urls


def renew(change):
    """Renew, after the transaction commits, every cached page that shows `change`; refresh nginx likewise."""
    pages, paths, everything = pages_showing(change)
    urls = _urls(pages, paths, change.page)
    own = change.page.get_url_parts()
    if everything:
        invalidate_pages()
    if urls:
        transaction.on_commit(lambda: renew_paths_now(urls), robust=True)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        if own and change.former_parent is None:
            urls.pop(own[2], None)  # on publish and unpublish, Wagtail's own handler refreshes the page's URL
        if urls:
            purge_urls_from_cache(sorted(urls.values()))
    logger.debug("Renewing %d cached pages for %s (everything: %s)", len(urls), change.page, everything)


# --- signals ------------------------------------------------------------------------------------------------


def _note_before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a page's row is overwritten (a publish, an unpublish), note what the public saw: its live revision
    and URL path."""
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields is not None and "live" not in update_fields:
        return  # a draft saved: the live version is unchanged
    row = Page.objects.filter(pk=instance.pk).values("live", "live_revision_id", "last_published_at", "url_path")
    row = row.first()
    if row is not None:
        # A page is created live by default; it has been shown only once it was published.
        row["live"] = row["live"] and (row["live_revision_id"] or row["last_published_at"]) is not None
        setattr(instance, BEFORE_ATTR, row)


def _version_before(instance, revision):
    """(version the public saw, reference ids when no version could be read, its former URL path)."""
    row = getattr(instance, BEFORE_ATTR, None)
    if row is None:
        return None, _indexed_references_of(instance), []
    old_paths = [row["url_path"]] if row["url_path"] != instance.url_path else []
    if not row["live"]:
        return None, set(), old_paths
    if row["live_revision_id"] and row["live_revision_id"] != getattr(revision, "pk", None):
        previous = Revision.objects.filter(pk=row["live_revision_id"]).first()
        if previous is not None:
            return previous.as_object(), set(), old_paths
    return None, _indexed_references_of(instance), old_paths


def on_published(sender, instance, revision=None, **kwargs):
    before, refs, old_paths = _version_before(instance, revision)
    row = getattr(instance, BEFORE_ATTR, None) or {}
    was_live = row.get("live", True)
    change = PageChange(page=instance, before=before, after=instance, old_url_paths=old_paths, before_refs=refs)
    if before is None and was_live:
        change.before = instance  # live before, its earlier content unknown: not a new listing entry
    renew(change)


def on_unpublished(sender, instance, **kwargs):
    """An unpublish, or a live page about to be deleted (Wagtail unpublishes it first, while it still exists)."""
    renew(PageChange(page=instance, before=instance, after=None))


def on_moved(sender, instance, parent_page_before=None, url_path_before=None, url_path_after=None, **kwargs):
    page = instance.specific
    if not page.live:
        return
    renew(
        PageChange(
            page=page, before=page, after=page, old_url_paths=[url_path_before], former_parent=parent_page_before
        )
    )


def connect_signals():
    """Called from HubConfig.ready()."""
    from django.db.models.signals import pre_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    pre_save.connect(_note_before_save, dispatch_uid="hub-cache-before-save")
    page_published.connect(on_published, dispatch_uid="hub-cache-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="hub-cache-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="hub-cache-moved")
