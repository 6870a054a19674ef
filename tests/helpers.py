"""Small helpers for tests: publishing pages the way the admin does."""

from wagtail.models import Page


def publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
