"""Named extension points, so apps add to each other's work without importing each other: Wagtail hooks.

Each providing app registers in its wagtail_hooks.py with `@hooks.register(<name>)`; callers use `call(name, ...)`,
which returns every provider's answer in hook order. Points in use:
- PRIVACY_EXPORT(email) -> (name, data): everything an app holds on one e-mail address;
- PRIVACY_DELETE(email) -> (name, count): erase it (the cockpit first, order=-1: it finds its entries through the
  registration's e-mail address before the events app anonymises it);
- PRIVACY_PURGE(cutoff) -> (name, count): the retention rule (personal data older than cutoff);
- REGISTRATION_EMAIL_LINES(registration) -> list of lines added to a confirmed registration's e-mail;
- SITEMAPS() -> (name, Sitemap class): sections of /sitemap.xml besides the pages.
"""

from wagtail import hooks

PRIVACY_EXPORT = "hub_privacy_export"
PRIVACY_DELETE = "hub_privacy_delete"
PRIVACY_PURGE = "hub_privacy_purge"
REGISTRATION_EMAIL_LINES = "hub_registration_email_lines"
SITEMAPS = "hub_sitemaps"


def call(point, *args, **kwargs):
    return [function(*args, **kwargs) for function in hooks.get_hooks(point)]
