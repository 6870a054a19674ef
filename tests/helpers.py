"""Small helpers for tests: publishing pages the way the admin does."""

from wagtail.models import Page


def publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def ui(msgid, language="nb", **params):
    """The interface text visitors see for `msgid` in `language` (default: Bokmål, the site's default)."""
    from django.utils import translation

    with translation.override(language):
        text = translation.gettext(msgid)
    return text % params if params else text
