"""View restrictions read once per page view instead of once per list on it.

Wagtail checks a page's restrictions before serving it (`Page.get_view_restrictions`: one query for the
ancestors' alias sources, one for the restrictions) and filters every listing with `.public()`, which reads the
whole restriction table again each time (a method page asks for its stories and its events: two more reads).
Here the serving check is one query (restrictions on the page or an ancestor, an alias standing for its source
page exactly as Wagtail resolves it), and within one visitor's GET or HEAD the restriction table is read once
for all the lists on the page: nothing a page view does can change it. Outside such a request (admin edits,
commands, tasks) every `.public()` reads the table as before.
"""

import contextvars

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

_request_restrictions = contextvars.ContextVar("hub_request_restrictions", default=None)


def _restrictions():
    holder = _request_restrictions.get()
    if holder is None:
        return PageViewRestriction.objects.select_related("page").all()
    if "all" not in holder:
        holder["all"] = list(PageViewRestriction.objects.select_related("page"))
    return holder["all"]


def _private_q(self):
    """Wagtail's `PageQuerySet.private_q` (the same path conditions, so search backends still accept it),
    with the restrictions read once per request."""
    q = Q()
    for restriction in _restrictions():
        q |= self.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])


def _get_view_restrictions(self):
    """The restrictions on this page and its ancestors in one query; for a page on the path that is an alias,
    its source page's restrictions instead of its own, as in Wagtail's `Page.get_view_restrictions`."""
    steplen = self.steplen
    paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
    ).distinct()


def install():
    """Called once from HubConfig.ready()."""
    PageQuerySet.private_q = _private_q
    Page.get_view_restrictions = _get_view_restrictions


class request_memo:
    """Keeps the restriction table for the length of one read-only request (used by the request middleware)."""

    def __init__(self, request):
        self.active = request.method in ("GET", "HEAD")

    def __enter__(self):
        self.token = _request_restrictions.set({}) if self.active else None
        return self

    def __exit__(self, *exc):
        if self.token is not None:
            _request_restrictions.reset(self.token)
        return False
