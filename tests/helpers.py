"""Small helpers for tests: publishing pages the way the admin does."""

import os

import pytest
from django.test import Client
from wagtail.models import Page

# What every current browser sends with a form post from one of our own pages (the public forms check it).
BROWSER_HEADERS = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}


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


def browser(**defaults) -> Client:
    """A test client that posts the way a visitor's browser does from our own pages."""
    return Client(headers=BROWSER_HEADERS, **defaults)


def under_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(reason):
    """Something a test needs is absent (a tool tools/test.sh installs, part of the demo content). Under CI that
    is a failure, never a silent skip; on a developer's machine (e.g. a partial demo) the test is skipped."""
    if under_ci():
        pytest.fail(f"required under CI: {reason}")
    pytest.skip(reason)
