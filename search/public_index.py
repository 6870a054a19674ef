"""The public search index holds only what the public may find: live pages without a view restriction.

A draft, a release under embargo (its go-live time not reached, so not live), an unpublished or expired page and
anything under a login, password or group restriction never reaches an index the public search reads, on any
engine. The rule sits where every write goes through — the index's `add_item`/`add_items`, used by saving,
publishing and `update_index` alike — so a page that stops being public on its next save (unpublished, moved
under a restricted page) has its document removed in the same step. Adding or lifting a view restriction saves
no page, so the signal handlers here re-check the restricted page and everything below it.

Editors still find drafts in the admin: its search uses the "default" backend entry, which keeps no index and
searches the page table itself (hub/settings/search.py).
"""

from django.db import transaction
from django_tasks import task
from wagtail.models import Page


def public_page_ids(ids):
    """Which of these page ids the public may find now."""
    return set(Page.objects.live().public().filter(pk__in=list(ids)).values_list("pk", flat=True))


class PublicPagesIndexMixin:
    """For an index class of ours: write public pages, remove the document of every other page handed in."""

    def add_item(self, item):
        if isinstance(item, Page):  # the engines index one object without add_items: same rule, one path
            return self.add_items(item._meta.model, [item])
        return super().add_item(item)

    def add_items(self, model, items):
        if not issubclass(model, Page):
            return super().add_items(model, items)
        items = list(items)
        allowed = public_page_ids(item.pk for item in items)
        for item in items:
            if item.pk not in allowed:
                self.delete_item(item)
        public = [item for item in items if item.pk in allowed]
        if public:
            super().add_items(model, public)
        return None


@task()
def recheck_subtree(page_id):
    """Write or remove the documents of a page and its descendants after its view restriction changed."""
    from modelsearch.index import insert_or_update_object

    root = Page.objects.filter(pk=page_id).first()
    if root is None:
        return 0
    pages = Page.objects.descendant_of(root, inclusive=True).specific()
    count = 0
    for page in pages.iterator(chunk_size=200):
        insert_or_update_object(page)
        count += 1
    return count


def _restriction_changed(sender, instance, **kwargs):
    page_id = instance.page_id
    transaction.on_commit(lambda: _recheck(page_id), robust=True)


def _recheck(page_id):
    from django.core.cache import cache

    cache.delete("hubsearch:restricted-paths")  # the engine's query-time list of restricted subtrees, kept 60 s
    recheck_subtree.enqueue(page_id)


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction

    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="hubsearch-restriction-saved")
    post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="hubsearch-restriction-gone")
