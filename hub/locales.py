"""One Locale lookup per language per request.

Wagtail resolves the active language to a Locale row (`Locale.get_active()`, `LocaleManager.get_for_language`)
wherever a page, a snippet or a template asks for it (`page.localized`, menus, the language switcher, every
translatable snippet), and each of those is a query: a dozen identical ones on an event page. Within one request
the answer cannot change, so `RequestLocaleCacheMiddleware` keeps the looked-up Locales for the length of the
request (a context variable, so threads and async tasks never share one); outside a request — commands, tasks,
tests calling models directly — every lookup goes to the database as before.
"""

import contextvars

from wagtail.models.i18n import LocaleManager

_request_locales = contextvars.ContextVar("hub_request_locales", default=None)
_original_get_for_language = LocaleManager.get_for_language


def _get_for_language(self, language_code):
    found = _request_locales.get()
    if found is None:
        return _original_get_for_language(self, language_code)
    if language_code not in found:
        found[language_code] = _original_get_for_language(self, language_code)  # DoesNotExist is not kept
    return found[language_code]


def install():
    """Called once from HubConfig.ready()."""
    LocaleManager.get_for_language = _get_for_language


class RequestLocaleCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from hub.view_restrictions import request_memo

        token = _request_locales.set({})
        try:
            with request_memo(request):  # the view restriction table, read once per visitor's page view
                return self.get_response(request)
        finally:
            _request_locales.reset(token)
